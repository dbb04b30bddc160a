import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useMutation } from "urql";
import { graphql } from "../../gql";
import type { Weekday } from "../../gql/graphql";
import { useEditedErrors } from "../../lib/editedErrors";
import { toFormErrors } from "../../lib/errors";
import { memberFields, wholeOf } from "../../lib/patrolTeam";
import { PERIODS, WEEKDAYS, availabilityOf, fieldErrorFor, slotsOf, timeText, type Slot } from "../../lib/volunteer";
import { ConfirmSheet } from "../ConfirmSheet";
import { CheckField, CheckGroup, FormError, TextField } from "../ui";
import { AvailabilityGrid, availabilityOfDraft, draftOf, type AvailabilityDraft } from "../volunteer/AvailabilityGrid";
import { MemberSummary } from "./TeamMembers";
import { SetPatrolMemberDoc, type TeamMember } from "./teamMember";

const JoinPatrolTeamDoc = graphql(`
  mutation JoinPatrolTeam($input: JoinPatrolTeamInput!) {
    joinPatrolTeam(input: $input) {
      member {
        ...PatrolTeamMember
      }
    }
  }
`);

const LeavePatrolTeamDoc = graphql(`
  mutation LeavePatrolTeam($input: LeavePatrolTeamInput!) {
    leavePatrolTeam(input: $input) {
      openedPositions {
        id
      }
    }
  }
`);

/** SentSlot remembers where a slot of the last request came from, so that the server's weekly[i] names what the form shows. */
interface SentSlot {
  kind: "cell" | "custom";
  index: number;
  slot: Slot;
}

/**
 * TeamMembership is 我在本队: a member of the community who is not in the
 * team joins it with when they can patrol (the volunteer's weekly grid and
 * other hours), the most shifts a week, no night shifts and days off; a
 * member reads theirs in a few words, opens the same form to change them,
 * or leaves the team behind a sheet (their shifts to come open to the
 * team; the captain cannot leave). writesNote: the viewer is the captain
 * (or the committee), whose own note must go back unchanged, since the
 * mutation replaces everything.
 */
export function TeamMembership({
  teamId,
  me,
  writesNote,
  captain,
  onDone,
}: {
  teamId: string;
  me: TeamMember | null;
  writesNote: boolean;
  captain: boolean;
  onDone: (msg: string) => void;
}) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [leaveRes, leave] = useMutation(LeavePatrolTeamDoc);
  if (me && !editing) {
    return (
      <>
        <MemberSummary member={me} />
        <FormError message={toFormErrors(leaveRes.error, [], t("app.networkError")).form} />
        <button type="button" className="btn btn-block" onClick={() => setEditing(true)}>
          {t("patrolTeam.me.edit")}
        </button>
        {!captain && (
          <ConfirmSheet
            trigger={t("patrolTeam.me.leave")}
            triggerClass="btn btn-danger btn-block"
            title={t("patrolTeam.me.leaveTitle")}
            consequence={t("patrolTeam.me.leaveConsequence")}
            confirm={t("patrolTeam.me.leaveConfirm")}
            disabled={leaveRes.fetching}
            onConfirm={async () => {
              const r = await leave({ input: { patrolTeamId: teamId } });
              if (r.data) onDone(t("patrolTeam.me.left", { count: r.data.leavePatrolTeam.openedPositions.length }));
            }}
          />
        )}
      </>
    );
  }
  return (
    <MembershipForm
      teamId={teamId}
      me={me}
      writesNote={writesNote}
      onCancel={me ? () => setEditing(false) : undefined}
      onDone={(msg) => {
        setEditing(false);
        onDone(msg);
      }}
    />
  );
}

/**
 * MembershipForm joins the team or changes the member's settings. The
 * server's errors stand next to their fields and clear on editing.
 */
function MembershipForm({
  teamId,
  me,
  writesNote,
  onCancel,
  onDone,
}: {
  teamId: string;
  me: TeamMember | null;
  writesNote: boolean;
  onCancel?: () => void;
  onDone: (msg: string) => void;
}) {
  const { t } = useTranslation();
  const [avail, setAvail] = useState<AvailabilityDraft>(() => draftOf(availabilityOf(me?.weekly ?? [])));
  const [daysOff, setDaysOff] = useState<Weekday[]>(() => [...(me?.daysOff ?? [])]);
  const [max, setMax] = useState(() => String(me?.maxPerWeek ?? 0));
  const [noNight, setNoNight] = useState(me?.noNight ?? false);
  const [sentSlots, setSent] = useState<SentSlot[]>([]);
  const [jres, join] = useMutation(JoinPatrolTeamDoc);
  const [sres, set] = useMutation(SetPatrolMemberDoc);
  const res = me ? sres : jres;
  const fields = memberFields(sentSlots.length, WEEKDAYS.length);
  const { errs, edit, sent } = useEditedErrors(res.error, fields, t("app.networkError"));
  const editPrefix = (prefix: string) => fields.filter((f) => f === prefix || f.startsWith(prefix + "[")).forEach(edit);

  const slotName = (s: Slot) => {
    const p = PERIODS.find((x) => x.start === s.start && x.end === s.end);
    const day = t(`volunteer.weekdays.${s.weekday}`);
    return p ? `${day}${t(`volunteer.periods.${p.key}`)}` : `${day} ${timeText(s.start)}–${timeText(s.end)}`;
  };
  // The server's errors about weekly slots: under the grid for a cell, next to a custom slot for one.
  const gridErrors: string[] = errs.fields.weekly ? [errs.fields.weekly] : [];
  const customErrors: (string | undefined)[] = avail.custom.map(() => undefined);
  sentSlots.forEach((s, i) => {
    const e = fieldErrorFor(errs.fields, `weekly[${i}]`);
    if (!e) return;
    if (s.kind === "cell") gridErrors.push(`${slotName(s.slot)}：${e}`);
    else customErrors[s.index] ??= e;
  });
  const daysOffError = errs.fields.daysOff ?? Object.entries(errs.fields).find(([k]) => k.startsWith("daysOff["))?.[1];

  async function save() {
    const a = availabilityOfDraft(avail);
    const slots: SentSlot[] = [
      ...slotsOf({ cells: a.cells, custom: [] }).map((slot, index) => ({ kind: "cell" as const, index, slot })),
      ...a.custom.map((slot, index) => ({ kind: "custom" as const, index, slot })),
    ];
    setSent(slots);
    sent();
    const settings = {
      patrolTeamId: teamId,
      weekly: slots.map((s) => s.slot),
      daysOff: WEEKDAYS.filter((d) => daysOff.includes(d)),
      maxPerWeek: max.trim() === "" ? 0 : wholeOf(max),
      noNight,
    };
    const r = me ? await set({ input: { ...settings, ...(writesNote && me.note ? { note: me.note } : {}) } }) : await join({ input: settings });
    if (r.data) onDone(me ? t("patrolTeam.me.saved") : t("patrolTeam.me.joined"));
  }

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void save();
  };

  return (
    <form onSubmit={submit} noValidate className="form patrol-member-form">
      <p className="field-hint">{me ? t("patrolTeam.me.memberHint") : t("patrolTeam.me.joinHint")}</p>
      <FormError message={errs.form} />
      <AvailabilityGrid
        value={avail}
        gridError={gridErrors.join(" ") || undefined}
        customErrors={customErrors}
        onChange={(v) => {
          editPrefix("weekly");
          setAvail(v);
        }}
      />
      <CheckGroup legend={t("patrolTeam.me.daysOff")} hint={t("patrolTeam.me.daysOffHint")} error={daysOffError} optional>
        <div className="check-columns">
          {WEEKDAYS.map((d) => (
            <CheckField
              key={d}
              label={t(`volunteer.weekdays.${d}`)}
              checked={daysOff.includes(d)}
              onChange={(e) => {
                editPrefix("daysOff");
                setDaysOff(e.target.checked ? [...daysOff, d] : daysOff.filter((x) => x !== d));
              }}
            />
          ))}
        </div>
      </CheckGroup>
      <TextField
        label={t("patrolTeam.me.maxPerWeek")}
        hint={t("patrolTeam.me.maxPerWeekHint")}
        type="number"
        inputMode="numeric"
        min={0}
        max={14}
        step={1}
        value={max}
        error={errs.fields.maxPerWeek}
        onChange={(e) => {
          edit("maxPerWeek");
          setMax(e.target.value);
        }}
      />
      <CheckField
        label={t("patrolTeam.me.noNight")}
        hint={t("patrolTeam.me.noNightHint")}
        checked={noNight}
        error={errs.fields.noNight}
        onChange={(e) => {
          edit("noNight");
          setNoNight(e.target.checked);
        }}
      />
      <div className="actions">
        <button type="submit" className="btn btn-primary" disabled={res.fetching}>
          {res.fetching ? t("app.saving") : me ? t("patrolTeam.me.save") : t("patrolTeam.me.join")}
        </button>
        {onCancel && (
          <button type="button" className="btn" onClick={onCancel}>
            {t("app.cancel")}
          </button>
        )}
      </div>
    </form>
  );
}
