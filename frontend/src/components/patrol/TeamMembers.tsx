import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useMutation } from "urql";
import { graphql } from "../../gql";
import { useEditedErrors } from "../../lib/editedErrors";
import { toFormErrors } from "../../lib/errors";
import { daysText, spanText, weeklyGroups } from "../../lib/patrolTeam";
import { ConfirmSheet } from "../ConfirmSheet";
import { FormError, LoadMore, TextArea } from "../ui";
import { useDayWords } from "./dayWords";
import { SetPatrolMemberDoc, settingsOf, type TeamMember } from "./teamMember";

/** FIRST is how many members show before 显示全部. */
const FIRST = 6;

/**
 * TeamMembers lists a team's members for its captain and the committee:
 * each with when they can patrol in a few words and their limits, and
 * the captain's private note (health, mobility), which they edit here;
 * any but the captain can be removed from the team. A long list shows its first few until 显示全部 is pressed.
 */
export function TeamMembers({ teamId, captainId, members, onDone }: { teamId: string; captainId: string; members: readonly TeamMember[]; onDone: (msg: string) => void }) {
  const { t } = useTranslation();
  const [all, setAll] = useState(members.length <= FIRST + 2);
  return (
    <>
      <ul className="plain-list patrol-members">
        {(all ? members : members.slice(0, FIRST)).map((m) => (
          <li key={m.user.id} className="card patrol-member">
            <p className="card-title">
              {m.user.name} {m.user.id === captainId && <span className="tag">{t("patrolTeam.members.captain")}</span>}
            </p>
            <MemberSummary member={m} />
            <NoteEditor teamId={teamId} member={m} onDone={onDone} />
            {m.user.id !== captainId && <RemoveMember teamId={teamId} member={m} onDone={onDone} />}
          </li>
        ))}
      </ul>
      {!all && <LoadMore loading={false} label={t("patrolTeam.members.all", { count: members.length })} onClick={() => setAll(true)} />}
    </>
  );
}

const RemovePatrolMemberDoc = graphql(`
  mutation RemovePatrolMember($input: LeavePatrolTeamInput!) {
    leavePatrolTeam(input: $input) {
      openedPositions {
        id
      }
    }
  }
`);

/** RemoveMember takes a member off the team, behind a sheet: their shifts to come open to the team. */
function RemoveMember({ teamId, member, onDone }: { teamId: string; member: TeamMember; onDone: (msg: string) => void }) {
  const { t } = useTranslation();
  const [res, remove] = useMutation(RemovePatrolMemberDoc);
  return (
    <>
      <FormError message={toFormErrors(res.error, [], t("app.networkError")).form} />
      <ConfirmSheet
        trigger={t("patrolTeam.members.remove")}
        triggerLabel={t("patrolTeam.members.removeLabel", { name: member.user.name })}
        triggerClass="btn btn-danger"
        title={t("patrolTeam.members.removeTitle", { name: member.user.name })}
        consequence={t("patrolTeam.members.removeConsequence")}
        confirm={t("patrolTeam.members.removeConfirm")}
        disabled={res.fetching}
        onConfirm={async () => {
          const r = await remove({ input: { patrolTeamId: teamId, userId: member.user.id } });
          if (r.data) onDone(t("patrolTeam.members.removed", { name: member.user.name, count: r.data.leavePatrolTeam.openedPositions.length }));
        }}
      />
    </>
  );
}

/** MemberSummary is a member's availability and limits in plain words. */
export function MemberSummary({ member }: { member: TeamMember }) {
  const { t } = useTranslation();
  const words = useDayWords();
  const groups = weeklyGroups(member.weekly);
  const period = (p: string) => t(`volunteer.periods.${p}`);
  const limits = [
    member.maxPerWeek > 0 ? t("patrolTeam.members.maxPerWeek", { count: member.maxPerWeek }) : t("patrolTeam.members.noLimit"),
    member.noNight ? t("patrolTeam.members.noNight") : "",
    member.daysOff.length > 0 ? t("patrolTeam.members.daysOff", { days: daysText(member.daysOff, words) }) : "",
  ].filter(Boolean);
  return (
    <>
      {groups.length === 0 ? (
        <p className="muted">{t("patrolTeam.members.noTime")}</p>
      ) : (
        <ul className="plain-list patrol-avail">
          {groups.map((g, i) => (
            <li key={i}>
              <strong>{daysText(g.days, words)}</strong> {g.spans.map((s) => spanText(s, period)).join(words.join)}
            </li>
          ))}
        </ul>
      )}
      <p className="muted">{limits.join(" · ")}</p>
    </>
  );
}

/** NoteEditor shows the captain's note on a member and edits it; the other settings go back unchanged. */
function NoteEditor({ teamId, member, onDone }: { teamId: string; member: TeamMember; onDone: (msg: string) => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState(member.note ?? "");
  const [res, set] = useMutation(SetPatrolMemberDoc);
  const { errs, edit, sent } = useEditedErrors(res.error, ["note"], t("app.networkError"));
  if (!open) {
    return (
      <div className="patrol-note">
        <p>
          <span className="field-label">{t("patrolTeam.members.note")}：</span>
          {member.note ? member.note : <span className="muted">{t("patrolTeam.members.noNote")}</span>}
        </p>
        <button type="button" className="btn" aria-label={t("patrolTeam.members.editNoteFor", { name: member.user.name })} onClick={() => setOpen(true)}>
          {t("patrolTeam.members.editNote")}
        </button>
      </div>
    );
  }
  return (
    <form
      className="patrol-note"
      noValidate
      onSubmit={async (e) => {
        e.preventDefault();
        sent();
        const r = await set({ input: { patrolTeamId: teamId, userId: member.user.id, ...settingsOf(member), note: note.trim() } });
        if (r.data) {
          setOpen(false);
          onDone(t("patrolTeam.members.noteSaved", { name: member.user.name }));
        }
      }}
    >
      <FormError message={errs.form} />
      <TextArea
        label={t("patrolTeam.members.noteFor", { name: member.user.name })}
        hint={t("patrolTeam.members.noteHint")}
        maxLength={300}
        rows={3}
        value={note}
        error={errs.fields.note}
        onChange={(e) => {
          edit("note");
          setNote(e.target.value);
        }}
      />
      <div className="actions">
        <button type="submit" className="btn btn-primary" disabled={res.fetching}>
          {res.fetching ? t("app.saving") : t("patrolTeam.members.saveNote")}
        </button>
        <button type="button" className="btn" onClick={() => setOpen(false)}>
          {t("app.cancel")}
        </button>
      </div>
    </form>
  );
}
