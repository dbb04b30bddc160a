import type { ResultOf } from "@graphql-typed-document-node/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useMutation } from "urql";
import { graphql } from "../../gql";
import { useCommunity } from "../../lib/community";
import { toFormErrors } from "../../lib/errors";
import { FormError, TextArea } from "../ui";

/** MeetingMinutesFields are a meeting's minutes. */
export const MeetingMinutesFields = graphql(`
  fragment MeetingMinutesFields on Meeting {
    id
    minutes
  }
`);

const SetMinutesMutation = graphql(`
  mutation SetMinutes($input: SetMinutesInput!) {
    setMinutes(input: $input) {
      meeting {
        id
        minutes
      }
    }
  }
`);

/** MeetingMinutes shows the minutes of a meeting; the committee writes them. */
export function MeetingMinutes({ meeting: m, onNotice }: { meeting: ResultOf<typeof MeetingMinutesFields>; onNotice: (msg: string) => void }) {
  const { t } = useTranslation();
  const { can } = useCommunity();
  const [res, setMinutes] = useMutation(SetMinutesMutation);
  const [minutes, setMinutesText] = useState<string | null>(null);
  const errs = toFormErrors(res.error, ["minutes"], t("app.networkError"));
  return (
    <section className="panel" aria-labelledby="minutes-h">
      <h2 id="minutes-h">{t("meeting.minutes")}</h2>
      {!can.committee && (m.minutes ? <p className="prewrap">{m.minutes}</p> : <p className="muted">{t("meeting.noMinutes")}</p>)}
      {can.committee && (
        <form
          className="form"
          noValidate
          onSubmit={async (e) => {
            e.preventDefault();
            const r = await setMinutes({ input: { meetingId: m.id, minutes: minutes ?? m.minutes ?? "" } });
            if (r.data) {
              setMinutesText(null);
              onNotice(t("meeting.minutesSaved"));
            }
          }}
        >
          <FormError message={errs.form} />
          <TextArea label={t("meeting.minutesLabel")} rows={5} value={minutes ?? m.minutes ?? ""} error={errs.fields.minutes} onChange={(e) => setMinutesText(e.target.value)} />
          <button type="submit" className="btn btn-primary" disabled={res.fetching}>
            {t("meeting.saveMinutes")}
          </button>
        </form>
      )}
    </section>
  );
}
