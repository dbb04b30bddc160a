import type { ResultOf } from "@graphql-typed-document-node/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useMutation } from "urql";
import { graphql } from "../../gql";
import { useCommunity } from "../../lib/community";
import { checkInPath, quorumText } from "../../lib/deliberation";
import { toFormErrors } from "../../lib/errors";
import { useMemberPicker } from "../../lib/memberPicker";
import { useViewer } from "../../viewer";
import { ConfirmSheet } from "../ConfirmSheet";
import { FormError, SelectField } from "../ui";
import { QrCode } from "./QrCode";

/** MeetingAttendanceFields are who is expected and present, the quorum, the room's check-in code, and whether the meeting started. */
export const MeetingAttendanceFields = graphql(`
  fragment MeetingAttendanceFields on Meeting {
    id
    kind
    started
    phase
    checkInCode
    attendance {
      expected
      quorum
      present {
        id
        name
      }
    }
  }
`);

/** CheckInMutation checks the viewer in with the room's code (here the chair's own check-in; the check-in page's form too). */
export const CheckInMutation = graphql(`
  mutation CheckIn($input: CheckInInput!) {
    checkIn(input: $input) {
      meeting {
        id
      }
    }
  }
`);

const RecordAttendanceMutation = graphql(`
  mutation RecordAttendance($input: RecordAttendanceInput!) {
    recordAttendance(input: $input) {
      meeting {
        id
      }
    }
  }
`);

const StartMeetingMutation = graphql(`
  mutation StartMeeting($input: StartMeetingInput!) {
    startMeeting(input: $input) {
      meeting {
        id
        started
      }
    }
  }
`);

/**
 * MeetingAttendance is who is present and where the quorum stands; for a
 * member, the way to check in; for the committee, the room's QR code, the
 * attendance it records for others, its own check-in, and the start of the
 * meeting.
 */
export function MeetingAttendance({
  meeting: m,
  onNotice,
  onReload,
}: {
  meeting: ResultOf<typeof MeetingAttendanceFields>;
  onNotice: (msg: string) => void;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const { viewer } = useViewer();
  const { community, can } = useCommunity();
  const members = useMemberPicker(community.id, !can.committee);
  const [ares, attend] = useMutation(RecordAttendanceMutation);
  const [cres, checkIn] = useMutation(CheckInMutation);
  const [sres, start] = useMutation(StartMeetingMutation);
  const [attendee, setAttendee] = useState("");
  const attErr = toFormErrors(ares.error, ["memberId"], t("app.networkError"));
  const ciErr = toFormErrors(cres.error, ["code"], t("app.networkError"));
  const startErr = toFormErrors(sres.error, [], t("app.networkError"));
  const q = quorumText(m.attendance, m.kind);
  const here = m.attendance.present.some((p) => p.id === viewer?.id);
  const url = m.checkInCode ? window.location.origin + checkInPath(community.id, m.id, m.checkInCode) : "";
  // Check-in is open until the votes are decided; late comers check in during the session.
  const checkInOpen = m.phase === "CHECK_IN" || m.phase === "IN_SESSION" || m.phase === "VOTING";

  return (
    <section className="panel" aria-labelledby="attendance-h">
      <h2 id="attendance-h">{t("meeting.attendance")}</h2>
      <p className={m.attendance.quorum ? "alert alert-ok" : "alert alert-warn"} aria-live="polite">
        {t(q.key, { present: q.present, expected: q.expected, needed: q.needed, missing: q.missing })}
      </p>
      {m.attendance.present.length > 0 && (
        <ul className="link-list" aria-label={t("meeting.presentList")}>
          {m.attendance.present.map((p) => (
            <li key={p.id}>{p.name}</li>
          ))}
        </ul>
      )}
      <FormError message={ciErr.form} />
      {!here && !can.committee && checkInOpen && (
        <Link className="btn" to={`/c/${community.id}/meetings/${m.id}/checkin`}>
          {t("meeting.checkIn")}
        </Link>
      )}
      {here && <p className="tag tag-ok">✓ {t("meeting.checkedIn")}</p>}
      {can.committee && m.checkInCode && checkInOpen && (
        <div className="checkin-code">
          <h3>{t("meeting.qrTitle")}</h3>
          <QrCode url={url} label={t("meeting.qrLabel")} />
          <p className="muted small">
            {t("meeting.code")} <code>{m.checkInCode}</code>
          </p>
          <form
            className="form"
            noValidate
            onSubmit={async (e) => {
              e.preventDefault();
              const r = await attend({ input: { meetingId: m.id, memberId: attendee } });
              if (r.data) {
                setAttendee("");
                onNotice(t("meeting.attendanceRecorded"));
                onReload();
              }
            }}
          >
            <FormError message={attErr.form} />
            <SelectField label={t("meeting.recordAttendance")} value={attendee} error={attErr.fields.memberId} onChange={(e) => setAttendee(e.target.value)}>
              <option value="">{t("panel.chooseMember")}</option>
              {members.map((mm) => (
                <option key={mm.id} value={mm.id}>
                  {mm.user.name}
                </option>
              ))}
            </SelectField>
            <button type="submit" className="btn" disabled={ares.fetching}>
              {t("meeting.recordAttendanceSubmit")}
            </button>
          </form>
          {/* the chair's own check-in, with the code on screen */}
          {!here && (
            <button
              type="button"
              className="btn"
              disabled={cres.fetching}
              onClick={async () => {
                const r = await checkIn({ input: { meetingId: m.id, code: m.checkInCode ?? "" } });
                if (r.data) onReload();
              }}
            >
              {t("meeting.checkInMe")}
            </button>
          )}
        </div>
      )}
      {can.committee && !m.started && (
        <div className="meeting-start">
          <FormError message={startErr.form} />
          <ConfirmSheet
            trigger={t("meeting.start")}
            triggerClass="btn btn-primary"
            title={t("meeting.startTitle")}
            consequence={<p>{t("meeting.startConsequence", { present: m.attendance.present.length, expected: m.attendance.expected })}</p>}
            confirm={t("meeting.startConfirm")}
            disabled={sres.fetching}
            onConfirm={async () => {
              const r = await start({ input: { meetingId: m.id } });
              if (r.data) {
                onNotice(t("meeting.startedDone"));
                onReload();
              }
            }}
          />
        </div>
      )}
    </section>
  );
}
