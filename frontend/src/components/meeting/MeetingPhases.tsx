import type { ResultOf } from "@graphql-typed-document-node/core";
import { useTranslation } from "react-i18next";
import { useMutation } from "urql";
import { graphql } from "../../gql";
import type { MeetingPhase } from "../../gql/graphql";
import { useCommunity } from "../../lib/community";
import { toFormErrors } from "../../lib/errors";
import { ConfirmSheet } from "../ConfirmSheet";
import { FormError } from "../ui";

/** MeetingPhaseFields are where a meeting stands and who came, for its phase line and its end. */
export const MeetingPhaseFields = graphql(`
  fragment MeetingPhaseFields on Meeting {
    id
    phase
    attendance {
      expected
      present {
        id
      }
    }
  }
`);

const EndMeetingMutation = graphql(`
  mutation EndMeeting($input: EndMeetingInput!) {
    endMeeting(input: $input) {
      meeting {
        id
        phase
        endedAt
      }
    }
  }
`);

/** PHASES are a meeting's phases in order: 签到 → 开会 → 表决 → 决议 → 散会. */
export const PHASES: MeetingPhase[] = ["CHECK_IN", "IN_SESSION", "VOTING", "DECIDED", "ENDED"];

/**
 * MeetingPhases is the line of a meeting's phases with the current one
 * marked, and for the committee, once the votes are closed, 散会 behind a
 * confirm sheet that says what ending it does.
 */
export function MeetingPhases({ meeting: m, onChanged }: { meeting: ResultOf<typeof MeetingPhaseFields>; onChanged: (msg: string) => void }) {
  const { t } = useTranslation();
  const { can } = useCommunity();
  const [res, end] = useMutation(EndMeetingMutation);
  const err = toFormErrors(res.error, [], t("app.networkError"));
  const current = PHASES.indexOf(m.phase);
  return (
    <div className="meeting-phases">
      <ol className="phase-line" aria-label={t("meeting.phasesLabel")}>
        {PHASES.map((p, i) => (
          <li key={p} className={i < current ? "phase-done" : i === current ? "phase-current" : "phase-next"} aria-current={i === current ? "step" : undefined}>
            {t(`meeting.phases.${p}`)}
          </li>
        ))}
      </ol>
      <p className="muted small phase-hint">{t(`meeting.phaseHints.${m.phase}`)}</p>
      <FormError message={err.form} />
      {can.committee && (m.phase === "IN_SESSION" || m.phase === "DECIDED") && (
        <ConfirmSheet
          trigger={t("meeting.end")}
          title={t("meeting.endTitle")}
          consequence={<p>{t("meeting.endConsequence", { present: m.attendance.present.length, expected: m.attendance.expected })}</p>}
          confirm={t("meeting.endConfirm")}
          disabled={res.fetching}
          onConfirm={async () => {
            const r = await end({ input: { meetingId: m.id } });
            if (r.data) onChanged(t("meeting.endedDone"));
          }}
        />
      )}
    </div>
  );
}
