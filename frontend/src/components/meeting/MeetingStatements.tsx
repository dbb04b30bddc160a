import type { ResultOf } from "@graphql-typed-document-node/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useMutation } from "urql";
import { graphql } from "../../gql";
import type { Stance } from "../../gql/graphql";
import { useCommunity } from "../../lib/community";
import { toFormErrors } from "../../lib/errors";
import { useMemberPicker } from "../../lib/memberPicker";
import { FormError, SelectField, TextArea, formatDateTime } from "../ui";

/** MeetingStatementsFields are the statements made at a meeting, and the agenda they were made on. */
export const MeetingStatementsFields = graphql(`
  fragment MeetingStatementsFields on Meeting {
    id
    phase
    statements {
      at
      stance
      summary
      topicId
      speaker {
        id
        name
      }
    }
    agenda {
      id
      title
    }
  }
`);

const RecordStatementMutation = graphql(`
  mutation RecordStatement($input: RecordStatementInput!) {
    recordStatement(input: $input) {
      meeting {
        id
      }
    }
  }
`);

const STANCES: Stance[] = ["FOR", "AGAINST", "NEUTRAL"];

/** MeetingStatements is the record of who spoke, for or against, on which topic and what they said; the committee records them. */
export function MeetingStatements({
  meeting: m,
  onNotice,
  onReload,
}: {
  meeting: ResultOf<typeof MeetingStatementsFields>;
  onNotice: (msg: string) => void;
  onReload: () => void;
}) {
  const { t, i18n } = useTranslation();
  const { community, can } = useCommunity();
  const members = useMemberPicker(community.id, !can.committee);
  const [res, record] = useMutation(RecordStatementMutation);
  const [speaker, setSpeaker] = useState("");
  const [stance, setStance] = useState<Stance>("FOR");
  const [topic, setTopic] = useState("");
  const [summary, setSummary] = useState("");
  const errs = toFormErrors(res.error, ["speakerMemberId", "stance", "summary", "topicId"], t("app.networkError"));
  const zone = community.settings.timeZone;
  const stanceName = (s: string) => t(`meeting.stances.${s}`);

  return (
    <section className="panel" aria-labelledby="statements-h">
      <h2 id="statements-h">{t("meeting.statements")}</h2>
      {m.statements.length === 0 ? (
        <p className="muted">{t("meeting.noStatements")}</p>
      ) : (
        <ol className="timeline">
          {m.statements.map((s, i) => (
            <li key={i} className="timeline-item">
              <p className="timeline-what">
                <strong>{s.speaker.name}</strong> · {stanceName(s.stance)} · {m.agenda.find((a) => a.id === s.topicId)?.title}
              </p>
              <p className="timeline-note">{s.summary}</p>
              <p className="muted small">
                <time dateTime={s.at}>{formatDateTime(s.at, i18n.language, zone)}</time>
              </p>
            </li>
          ))}
        </ol>
      )}
      {can.committee && m.phase !== "ENDED" && (
        <form
          className="form"
          noValidate
          onSubmit={async (e) => {
            e.preventDefault();
            const r = await record({
              input: { meetingId: m.id, topicId: topic || m.agenda[0]?.id || "", speakerMemberId: speaker, stance, summary },
            });
            if (r.data) {
              setSummary("");
              onNotice(t("meeting.statementRecorded"));
              onReload();
            }
          }}
        >
          <h3>{t("meeting.recordStatement")}</h3>
          <FormError message={errs.form} />
          {m.agenda.length > 1 && (
            <SelectField label={t("meeting.statementTopic")} value={topic || m.agenda[0]?.id} error={errs.fields.topicId} onChange={(e) => setTopic(e.target.value)}>
              {m.agenda.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.title}
                </option>
              ))}
            </SelectField>
          )}
          <SelectField label={t("meeting.speaker")} value={speaker} error={errs.fields.speakerMemberId} onChange={(e) => setSpeaker(e.target.value)}>
            <option value="">{t("panel.chooseMember")}</option>
            {members.map((mm) => (
              <option key={mm.id} value={mm.id}>
                {mm.user.name}
              </option>
            ))}
          </SelectField>
          <SelectField label={t("meeting.stance")} value={stance} error={errs.fields.stance} onChange={(e) => setStance(e.target.value as Stance)}>
            {STANCES.map((s) => (
              <option key={s} value={s}>
                {stanceName(s)}
              </option>
            ))}
          </SelectField>
          <TextArea label={t("meeting.summary")} rows={3} maxLength={1000} value={summary} error={errs.fields.summary} onChange={(e) => setSummary(e.target.value)} />
          <button type="submit" className="btn btn-primary" disabled={res.fetching}>
            {t("meeting.recordStatementSubmit")}
          </button>
        </form>
      )}
    </section>
  );
}
