import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useMutation } from "urql";
import { graphql } from "../../gql";
import { useEditedErrors } from "../../lib/editedErrors";
import { toFormErrors } from "../../lib/errors";
import { halfHours, hoursText, parseHours, suggestedMinutes, whenText } from "../../lib/volunteerDesk";
import { ConfirmSheet } from "../ConfirmSheet";
import { CardSkeleton, EmptyState, FormError, Notice, TextField, formatDateTime } from "../ui";
import type { BoardClaim, BoardLists } from "./boardTodos";
import { CorrectHours } from "./CorrectHours";

const ConfirmHoursMutation = graphql(`
  mutation DeskConfirmHours($input: ConfirmVolunteerHoursInput!) {
    confirmVolunteerHours(input: $input) {
      claim {
        id
        state
        minutes
      }
    }
  }
`);

const MarkNoShowMutation = graphql(`
  mutation DeskMarkNoShow($input: MarkNoShowInput!) {
    markNoShow(input: $input) {
      claim {
        id
        state
      }
    }
  }
`);

const DecideDisputeMutation = graphql(`
  mutation DeskDecideDispute($input: DecideNoShowDisputeInput!) {
    decideNoShowDispute(input: $input) {
      claim {
        id
        state
      }
    }
  }
`);

/** Confirmed is a task confirmed on this visit, kept on screen to correct at once. */
interface Confirmed {
  claimId: string;
  name: string;
  task: string;
  minutes: number;
}

/**
 * HoursTab is the board's 待确认时长: the tasks that ended, each with the
 * hours to confirm (typed in hours, in half hours; the time between
 * check-in and check-out to start with), or 记为未到 for one who did not
 * check in; the no-shows disputed; and the tasks just confirmed, to
 * correct with a reason.
 */
export function HoursTab({ zone, lists, communityId }: { communityId: string; zone: string; lists: BoardLists }) {
  const { t } = useTranslation();
  const [confirmed, setConfirmed] = useState<Confirmed[]>([]);
  const err = toFormErrors(lists.error, [], t("app.networkError")).form;
  return (
    <section aria-labelledby="vd-hours-h">
      <h2 id="vd-hours-h">{t("volunteerDesk.hours.title")}</h2>
      <p className="muted small">{t("volunteerDesk.hours.hint")}</p>
      <FormError message={err} />
      {!lists.loaded ? (
        !err && <CardSkeleton count={2} />
      ) : lists.hours.length === 0 ? (
        <EmptyState title={t("volunteerDesk.hours.none")} />
      ) : (
        <ul className="cards" aria-label={t("volunteerDesk.hours.title")}>
          {lists.hours.map((c) => (
            <li key={c.id} className="card">
              <ConfirmCard
                c={c}
                zone={zone}
                communityId={communityId}
                onConfirmed={(minutes) => {
                  setConfirmed((l) => [{ claimId: c.id, name: c.volunteer.name, task: c.need.title, minutes }, ...l]);
                  lists.reload();
                }}
                onNoShow={lists.reload}
              />
            </li>
          ))}
        </ul>
      )}
      {confirmed.length > 0 && (
        <section className="panel" aria-labelledby="vd-confirmed-h">
          <h3 id="vd-confirmed-h">{t("volunteerDesk.hours.justConfirmed")}</h3>
          <ul className="cards">
            {confirmed.map((c) => (
              <li key={c.claimId} className="card">
                <p>
                  <strong>{c.name}</strong> · {c.task} · {t("volunteerDesk.hoursUnit", { hours: hoursText(c.minutes) })}
                </p>
                <details className="disclosure">
                  <summary>{t("volunteerDesk.correct.open")}</summary>
                  <CorrectHours claimId={c.claimId} name={c.name} task={c.task} minutes={c.minutes} />
                </details>
              </li>
            ))}
          </ul>
        </section>
      )}
      {lists.loaded && lists.disputes.length > 0 && (
        <section aria-labelledby="vd-disputes-h">
          <h2 id="vd-disputes-h">{t("volunteerDesk.disputes.title")}</h2>
          <ul className="cards" aria-label={t("volunteerDesk.disputes.title")}>
            {lists.disputes.map((c) => (
              <li key={c.id} className="card">
                <DisputeCard c={c} zone={zone} onDecided={lists.reload} />
              </li>
            ))}
          </ul>
        </section>
      )}
    </section>
  );
}

function ConfirmCard({
  c,
  zone,
  communityId,
  onConfirmed,
  onNoShow,
}: {
  c: BoardClaim;
  zone: string;
  communityId: string;
  onConfirmed: (minutes: number) => void;
  onNoShow: () => void;
}) {
  const { t, i18n } = useTranslation();
  const [res, confirm] = useMutation(ConfirmHoursMutation);
  const [noShow, markNoShow] = useMutation(MarkNoShowMutation);
  const [hours, setHours] = useState(() => halfHours(suggestedMinutes(c)));
  const { errs, edit, sent } = useEditedErrors(res.error ?? noShow.error, ["minutes"], t("app.networkError"));
  const parsed = parseHours(hours);
  const typed = "error" in parsed ? t(`volunteerDesk.hoursError.${parsed.error}`) : undefined;
  const lang = i18n.language;
  return (
    <article aria-labelledby={`vd-claim-${c.id}`}>
      <h3 className="card-title" id={`vd-claim-${c.id}`}>
        {c.volunteer.name} · <Link to={`/c/${communityId}/needs/${c.need.id}?tab=claims`}>{c.need.title}</Link>
      </h3>
      <p className="meta">
        <span>{whenText(c.start, c.end, lang, zone)}</span>
        {c.checkedInAt ? (
          <span className="tag tag-ok">{t("volunteerDesk.hours.checkedIn", { time: formatDateTime(c.checkedInAt, lang, zone) })}</span>
        ) : (
          <span className="tag tag-warn">{t("volunteerDesk.hours.notCheckedIn")}</span>
        )}
        {c.checkedOutAt && <span className="tag tag-ok">{t("volunteerDesk.hours.checkedOut", { time: formatDateTime(c.checkedOutAt, lang, zone) })}</span>}
      </p>
      {!c.checkedInAt && <p className="muted small">{t("volunteerDesk.hours.vouch")}</p>}
      <form
        className="form vd-confirm"
        noValidate
        onSubmit={async (e) => {
          e.preventDefault();
          if (!("minutes" in parsed)) return;
          sent();
          const r = await confirm({ input: { claimId: c.id, minutes: parsed.minutes } });
          if (r.data) onConfirmed(r.data.confirmVolunteerHours.claim.minutes);
        }}
      >
        <FormError message={errs.form} />
        <TextField
          label={t("volunteerDesk.hours.field", { name: c.volunteer.name })}
          hint={t("volunteerDesk.hours.fieldHint")}
          type="number"
          inputMode="decimal"
          step={0.5}
          min={0.5}
          max={14}
          value={hours}
          error={errs.fields.minutes ?? typed}
          onChange={(e) => {
            edit("minutes");
            setHours(e.target.value);
          }}
        />
        <div className="actions">
          <button type="submit" className="btn btn-primary" disabled={res.fetching || "error" in parsed}>
            <span aria-hidden="true">✓</span> {t("volunteerDesk.hours.confirm")}
          </button>
        </div>
      </form>
      {!c.checkedInAt && (
        <div className="vd-danger-row">
          <ConfirmSheet
            trigger={t("volunteerDesk.hours.noShow")}
            triggerLabel={t("volunteerDesk.hours.noShowLabel", { name: c.volunteer.name, task: c.need.title })}
            title={t("volunteerDesk.hours.noShowTitle", { name: c.volunteer.name })}
            consequence={t("volunteerDesk.hours.noShowConsequence", { name: c.volunteer.name })}
            confirm={t("volunteerDesk.hours.noShowConfirm")}
            disabled={noShow.fetching}
            onConfirm={async () => {
              sent();
              const r = await markNoShow({ input: { claimId: c.id } });
              if (r.data) onNoShow();
            }}
          />
        </div>
      )}
    </article>
  );
}

function DisputeCard({ c, zone, onDecided }: { c: BoardClaim; zone: string; onDecided: () => void }) {
  const { t, i18n } = useTranslation();
  const [res, decide] = useMutation(DecideDisputeMutation);
  const [done, setDone] = useState<string>();
  const err = toFormErrors(res.error, [], t("app.networkError")).form;
  const run = async (withdraw: boolean) => {
    const r = await decide({ input: { claimId: c.id, withdraw } });
    if (r.data) {
      setDone(t(withdraw ? "volunteerDesk.disputes.withdrawn" : "volunteerDesk.disputes.kept", { name: c.volunteer.name }));
      onDecided();
    }
  };
  return (
    <article aria-labelledby={`vd-dispute-${c.id}`}>
      <h3 className="card-title" id={`vd-dispute-${c.id}`}>
        {c.volunteer.name} · {c.need.title}
      </h3>
      <p className="muted small">{whenText(c.start, c.end, i18n.language, zone)}</p>
      <p className="quote">{t("volunteerDesk.disputes.says", { text: c.dispute ?? "" })}</p>
      <Notice message={done} />
      <FormError message={err} />
      <div className="confirm-actions">
        <ConfirmSheet
          trigger={t("volunteerDesk.disputes.withdraw")}
          triggerLabel={t("volunteerDesk.disputes.withdrawLabel", { name: c.volunteer.name })}
          title={t("volunteerDesk.disputes.withdrawTitle", { name: c.volunteer.name })}
          consequence={t("volunteerDesk.disputes.withdrawConsequence")}
          confirm={t("volunteerDesk.disputes.withdraw")}
          disabled={res.fetching}
          onConfirm={() => run(true)}
        />
        <ConfirmSheet
          trigger={t("volunteerDesk.disputes.keep")}
          triggerLabel={t("volunteerDesk.disputes.keepLabel", { name: c.volunteer.name })}
          title={t("volunteerDesk.disputes.keepTitle", { name: c.volunteer.name })}
          consequence={t("volunteerDesk.disputes.keepConsequence")}
          confirm={t("volunteerDesk.disputes.keep")}
          disabled={res.fetching}
          onConfirm={() => run(false)}
        />
      </div>
    </article>
  );
}
