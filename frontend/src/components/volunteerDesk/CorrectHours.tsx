import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useMutation } from "urql";
import { ConfirmSheet } from "../ConfirmSheet";
import { graphql } from "../../gql";
import { useEditedErrors } from "../../lib/editedErrors";
import { hoursText, parseHours, signedHoursText } from "../../lib/volunteerDesk";
import { FormError, Notice, TextField } from "../ui";

const CorrectHoursMutation = graphql(`
  mutation DeskCorrectHours($input: CorrectVolunteerHoursInput!) {
    correctVolunteerHours(input: $input) {
      claim {
        id
        minutes
        state
      }
      transfer {
        at
        kind
        volunteerMinutes
        reason
      }
    }
  }
`);

/**
 * CorrectHours compensates a task's confirmed hours: a coordinator types
 * the change in hours (−0.5 takes half an hour back) and the reason. The
 * correction is a new transfer in the time bank, never an edit, so it asks
 * first and says so.
 */
export function CorrectHours({
  claimId,
  name,
  task,
  minutes,
  onDone,
}: {
  claimId: string;
  name: string;
  task: string;
  /** the minutes confirmed so far, corrections included */
  minutes: number;
  onDone?: () => void;
}) {
  const { t } = useTranslation();
  const [res, correct] = useMutation(CorrectHoursMutation);
  const [delta, setDelta] = useState("");
  const [reason, setReason] = useState("");
  const [done, setDone] = useState<string>();
  const { errs, edit, sent } = useEditedErrors(res.error, ["delta", "reason"], t("app.networkError"));
  const parsed = parseHours(delta, { signed: true });
  const deltaError = delta.trim() !== "" && "error" in parsed ? t(`volunteerDesk.hoursError.${parsed.error}`) : undefined;
  const after = "minutes" in parsed ? minutes + parsed.minutes : minutes;
  const tooMuch = "minutes" in parsed && after < 0;
  const ok = "minutes" in parsed && !tooMuch && reason.trim().length >= 2;
  return (
    <div className="vd-correct">
      <Notice message={done} />
      <FormError message={errs.form} />
      <TextField
        label={t("volunteerDesk.correct.delta")}
        hint={t("volunteerDesk.correct.deltaHint", { hours: hoursText(minutes) })}
        inputMode="decimal"
        value={delta}
        error={errs.fields.delta ?? deltaError ?? (tooMuch ? t("volunteerDesk.correct.tooMuch", { hours: hoursText(minutes) }) : undefined)}
        onChange={(e) => {
          edit("delta");
          setDone(undefined);
          setDelta(e.target.value);
        }}
      />
      <TextField
        label={t("volunteerDesk.correct.reason")}
        hint={t("volunteerDesk.correct.reasonHint")}
        value={reason}
        maxLength={200}
        error={errs.fields.reason}
        onChange={(e) => {
          edit("reason");
          setReason(e.target.value);
        }}
      />
      <ConfirmSheet
        trigger={t("volunteerDesk.correct.submit")}
        triggerLabel={t("volunteerDesk.correct.submitLabel", { name, task })}
        disabled={!ok || res.fetching}
        title={t("volunteerDesk.correct.confirmTitle", { name })}
        consequence={
          "minutes" in parsed
            ? t("volunteerDesk.correct.consequence", { name, task, delta: signedHoursText(parsed.minutes), after: hoursText(after), reason: reason.trim() })
            : ""
        }
        confirm={t("volunteerDesk.correct.confirm")}
        onConfirm={async () => {
          if (!("minutes" in parsed)) return;
          sent();
          const r = await correct({ input: { claimId, delta: parsed.minutes, reason: reason.trim() } });
          if (r.data) {
            setDone(t("volunteerDesk.correct.done", { name, hours: hoursText(r.data.correctVolunteerHours.claim.minutes) }));
            setDelta("");
            setReason("");
            onDone?.();
          }
        }}
      />
    </div>
  );
}
