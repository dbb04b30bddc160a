import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useMutation, useQuery } from "urql";
import { ConfirmSheet } from "../components/ConfirmSheet";
import { CheckField, CheckGroup, FormError, Notice, Page, SelectField, Skeleton, TextField } from "../components/ui";
import { AvailabilityGrid, availabilityOfDraft, draftOf, type AvailabilityDraft } from "../components/volunteer/AvailabilityGrid";
import { SkillPicker } from "../components/volunteer/SkillPicker";
import { graphql } from "../gql";
import type { VolunteerProfileFormQuery, VolunteerState } from "../gql/graphql";
import { useCommunity } from "../lib/community";
import { useEditedErrors } from "../lib/editedErrors";
import { toFormErrors } from "../lib/errors";
import {
  PERIODS,
  WEEKDAYS,
  availabilityOf,
  fieldErrorFor,
  firstOverlap,
  hoursText,
  minutesOfHours,
  profileFields,
  skillsInput,
  slotsOf,
  splitList,
  timeText,
  type SkillChoice,
  type Slot,
} from "../lib/volunteer";

const ProfileFormQuery = graphql(`
  query VolunteerProfileForm($id: ID!) {
    community(id: $id) {
      id
      myVolunteerProfile {
        id
        state
        maxMinutesPerWeek
        dialects
        team {
          id
        }
        grids {
          id
        }
        weekly {
          weekday
          start
          end
        }
        away {
          from
          to
        }
        skills {
          code
          level
          credential
          verified
        }
      }
      volunteerSkills {
        code
        name
        credentialed
      }
      volunteerTeams {
        id
        name
      }
      grids(first: 100) {
        nodes {
          id
          name
        }
      }
    }
  }
`);

const JoinMutation = graphql(`
  mutation VolJoin($input: JoinVolunteersInput!) {
    joinVolunteers(input: $input) {
      volunteer {
        id
        state
      }
    }
  }
`);

const UpdateMutation = graphql(`
  mutation VolUpdateProfile($input: UpdateVolunteerProfileInput!) {
    updateVolunteerProfile(input: $input) {
      volunteer {
        id
        state
      }
    }
  }
`);

const SetStateMutation = graphql(`
  mutation VolSetState($input: SetVolunteerStateInput!) {
    setVolunteerState(input: $input) {
      volunteer {
        id
        state
      }
    }
  }
`);

type Data = NonNullable<VolunteerProfileFormQuery["community"]>;
type Profile = NonNullable<Data["myVolunteerProfile"]>;

/** DEFAULT_LIMIT is the weekly limit a new volunteer is offered: 4 hours. */
const DEFAULT_LIMIT = 240;

/**
 * VolunteerProfilePage is /c/:cid/volunteer/profile: signing up as a
 * volunteer (报名) and editing the profile later: skills with their level
 * and credential, the weekly availability grid and other hours, days
 * away, the grids served, a weekly limit in hours, dialects and the team.
 * The server's errors stand next to their fields. Pausing, resuming and
 * leaving sit below, behind a sheet that says what they do.
 */
export function VolunteerProfilePage() {
  const { t } = useTranslation();
  const { community } = useCommunity();
  const [res, refetch] = useQuery({ query: ProfileFormQuery, variables: { id: community.id }, requestPolicy: "cache-and-network" });
  const [notice, setNotice] = useState<string>();
  const data = res.data?.community;
  const err = toFormErrors(res.error, [], t("app.networkError")).form;
  const profile = data?.myVolunteerProfile ?? null;
  const joining = !profile || profile.state === "LEFT";
  const title = joining ? t("volunteer.profile.joinTitle") : t("volunteer.profile.title");
  const done = (msg: string) => {
    setNotice(msg);
    refetch({ requestPolicy: "network-only" });
  };
  return (
    <Page title={title}>
      <Notice message={notice} />
      <FormError message={err} />
      {!data ? (
        <Skeleton lines={10} />
      ) : (
        <>
          {joining && <p className="lead">{t("volunteer.profile.joinIntro")}</p>}
          {profile && !joining && <StateLine profile={profile} />}
          <ProfileForm key={profile ? `${profile.id}-${profile.state}` : "new"} data={data} profile={profile} joining={joining} onDone={done} />
          {profile && !joining && <StateActions profile={profile} onDone={done} />}
        </>
      )}
      <p>
        <Link to={`/c/${community.id}/volunteer`}>{t("volunteer.backToHub")}</Link>
      </p>
    </Page>
  );
}

function StateLine({ profile }: { profile: Profile }) {
  const { t } = useTranslation();
  const tone = profile.state === "ACTIVE" ? "status-success" : profile.state === "PENDING" ? "status-warning" : "";
  return (
    <section className={`status-header ${tone}`} aria-label={t("volunteer.hub.stateLabel")}>
      <p className="status-line">
        <span>{t(`volunteer.profile.states.${profile.state}`)}</span>
      </p>
    </section>
  );
}

interface AwayDraft {
  from: string;
  to: string;
}

/** Sent remembers what the last request sent, so that the server's skills[i] and weekly[i] name what the form shows. */
interface Sent {
  skills: string[];
  slots: { kind: "cell" | "custom"; index: number; slot: Slot }[];
}

function ProfileForm({ data, profile, joining, onDone }: { data: Data; profile: Profile | null; joining: boolean; onDone: (msg: string) => void }) {
  const { t } = useTranslation();
  const { community } = useCommunity();
  const [skills, setSkills] = useState<SkillChoice[]>(() => (profile?.skills ?? []).map((k) => ({ code: k.code, level: k.level, credential: k.credential ?? "" })));
  const [avail, setAvail] = useState<AvailabilityDraft>(() => draftOf(availabilityOf(profile?.weekly ?? [])));
  const [aways, setAways] = useState<AwayDraft[]>(() => (profile?.away ?? []).map((a) => ({ from: a.from, to: a.to })));
  const [gridIds, setGridIds] = useState<string[]>(() => (profile?.grids ?? []).map((g) => g.id));
  const [limit, setLimit] = useState(() => hoursText(profile?.maxMinutesPerWeek ?? DEFAULT_LIMIT));
  const [dialects, setDialects] = useState(() => (profile?.dialects ?? []).join("、"));
  const [teamId, setTeamId] = useState(() => profile?.team?.id ?? "");
  const [sentData, setSent] = useState<Sent>({ skills: [], slots: [] });
  const [local, setLocal] = useState<{ custom: Record<number, string>; limit?: string }>({ custom: {} });
  const [jres, join] = useMutation(JoinMutation);
  const [ures, update] = useMutation(UpdateMutation);
  const res = joining ? jres : ures;
  const fields = profileFields(sentData.skills.length, sentData.slots.length, aways.length, 5, 20);
  const { errs, edit, sent } = useEditedErrors(res.error, fields, t("app.networkError"));
  const editPrefix = (prefix: string) => fields.filter((f) => f === prefix || f.startsWith(prefix + "[") || f.startsWith(prefix + ".")).forEach(edit);

  const slotName = (s: Slot) => {
    const p = PERIODS.find((x) => x.start === s.start && x.end === s.end);
    const day = WEEKDAYS.includes(s.weekday) ? t(`volunteer.weekdays.${s.weekday}`) : "";
    return p ? `${day}${t(`volunteer.periods.${p.key}`)}` : `${day} ${timeText(s.start)}–${timeText(s.end)}`;
  };
  // The server's errors about weekly slots: under the grid for a cell, next to a custom slot for one.
  const gridErrors: string[] = [];
  const customErrors: (string | undefined)[] = avail.custom.map((_, i) => local.custom[i]);
  if (errs.fields.weekly) gridErrors.push(errs.fields.weekly);
  sentData.slots.forEach((s, i) => {
    const e = fieldErrorFor(errs.fields, `weekly[${i}]`);
    if (!e) return;
    if (s.kind === "cell") gridErrors.push(`${slotName(s.slot)}：${e}`);
    else customErrors[s.index] ??= e;
  });
  const skillError = (code: string, field: "code" | "level" | "credential") => {
    const i = sentData.skills.indexOf(code);
    return i < 0 ? undefined : errs.fields[`skills[${i}].${field}`];
  };
  const gridsError = errs.fields.gridIds ?? errs.fields.grids ?? Object.entries(errs.fields).find(([k]) => /^(grids|gridIds)\[/.test(k))?.[1];
  const dialectsError = errs.fields.dialects ?? Object.entries(errs.fields).find(([k]) => k.startsWith("dialects["))?.[1];

  async function submit(e: FormEvent) {
    e.preventDefault();
    const a = availabilityOfDraft(avail);
    const cells = slotsOf({ cells: a.cells, custom: [] });
    const slots = [...cells.map((slot, index) => ({ kind: "cell" as const, index, slot })), ...a.custom.map((slot, index) => ({ kind: "custom" as const, index, slot }))];
    // What the form can tell at once: custom times that cannot be read, slots that overlap, a limit that is not hours.
    const custom: Record<number, string> = {};
    a.custom.forEach((s, i) => {
      if (s.start < 0 || s.end < 0) custom[i] = t("volunteer.profile.timeMissing");
      else if (s.end <= s.start) custom[i] = t("volunteer.profile.endBeforeStart");
    });
    const overlap = firstOverlap(slots.map((s) => s.slot));
    if (overlap && Object.keys(custom).length === 0) {
      const later = slots[overlap[1]];
      if (later.kind === "custom") custom[later.index] = t("volunteer.profile.overlap", { other: slotName(slots[overlap[0]].slot) });
    }
    const minutes = minutesOfHours(limit);
    const limitErr = minutes === null ? t("volunteer.profile.limitInvalid") : undefined;
    setLocal({ custom, limit: limitErr });
    if (Object.keys(custom).length > 0 || limitErr) return;
    const skillList = skillsInput(skills, data.volunteerSkills);
    setSent({ skills: skillList.map((k) => k.code), slots });
    sent();
    const input = {
      communityId: community.id,
      skills: skillList,
      weekly: slots.map((s) => s.slot),
      away: aways.filter((x) => x.from || x.to),
      gridIds,
      maxMinutesPerWeek: minutes ?? 0,
      dialects: splitList(dialects),
      teamId: teamId || null,
    };
    const r = joining ? await join({ input }) : await update({ input });
    if (r.data) onDone(joining ? t("volunteer.profile.joined") : t("volunteer.profile.saved"));
  }

  return (
    <form onSubmit={submit} noValidate className="form volunteer-form">
      <FormError message={errs.form} />
      <SkillPicker
        options={data.volunteerSkills}
        value={skills}
        saved={(profile?.skills ?? []).map((k) => ({ code: k.code, credential: k.credential, verified: k.verified }))}
        error={errs.fields.skills}
        errorOf={skillError}
        onChange={(v) => {
          editPrefix("skills");
          setSkills(v);
        }}
      />
      <AvailabilityGrid
        value={avail}
        gridError={gridErrors.join(" ") || undefined}
        customErrors={customErrors}
        onChange={(v) => {
          editPrefix("weekly");
          setLocal((l) => ({ ...l, custom: {} }));
          setAvail(v);
        }}
      />
      <fieldset className={errs.fields.away ? "check-group field-invalid" : "check-group"}>
        <legend>
          {t("volunteer.profile.away")}
          <span className="field-optional">（{t("app.optional")}）</span>
        </legend>
        <p className="field-hint">{t("volunteer.profile.awayHint")}</p>
        {aways.map((a, i) => (
          <div key={i} className="away-row" role="group" aria-label={t("volunteer.profile.awayN", { n: i + 1 })}>
            <div className="field-pair">
              <TextField
                label={t("volunteer.profile.awayFrom")}
                type="date"
                value={a.from}
                error={errs.fields[`away[${i}].from`]}
                onChange={(e) => {
                  editPrefix("away");
                  setAways(aways.map((x, j) => (j === i ? { ...x, from: e.target.value } : x)));
                }}
              />
              <TextField
                label={t("volunteer.profile.awayTo")}
                type="date"
                value={a.to}
                error={errs.fields[`away[${i}].to`]}
                onChange={(e) => {
                  editPrefix("away");
                  setAways(aways.map((x, j) => (j === i ? { ...x, to: e.target.value } : x)));
                }}
              />
            </div>
            <button
              type="button"
              className="btn btn-small"
              aria-label={t("volunteer.profile.removeAway", { n: i + 1 })}
              onClick={() => {
                editPrefix("away");
                setAways(aways.filter((_, j) => j !== i));
              }}
            >
              {t("volunteer.profile.remove")}
            </button>
          </div>
        ))}
        {errs.fields.away && <p className="field-error">{errs.fields.away}</p>}
        <button type="button" className="btn" onClick={() => setAways([...aways, { from: "", to: "" }])}>
          + {t("volunteer.profile.addAway")}
        </button>
      </fieldset>
      <CheckGroup legend={t("volunteer.profile.grids")} hint={t("volunteer.profile.gridsHint")} error={gridsError} optional>
        <div className="check-columns">
          {data.grids.nodes.map((g) => (
            <CheckField
              key={g.id}
              label={g.name}
              checked={gridIds.includes(g.id)}
              onChange={(e) => {
                editPrefix("grids");
                editPrefix("gridIds");
                setGridIds(e.target.checked ? [...gridIds, g.id] : gridIds.filter((x) => x !== g.id));
              }}
            />
          ))}
        </div>
      </CheckGroup>
      <TextField
        label={t("volunteer.profile.limit")}
        hint={t("volunteer.profile.limitHint")}
        type="number"
        inputMode="decimal"
        min={0.5}
        max={40}
        step={0.5}
        value={limit}
        error={local.limit ?? errs.fields.maxMinutesPerWeek}
        onChange={(e) => {
          edit("maxMinutesPerWeek");
          setLocal((l) => ({ ...l, limit: undefined }));
          setLimit(e.target.value);
        }}
      />
      <TextField
        label={t("volunteer.profile.dialects")}
        hint={t("volunteer.profile.dialectsHint")}
        optional
        maxLength={120}
        autoComplete="off"
        value={dialects}
        error={dialectsError}
        onChange={(e) => {
          editPrefix("dialects");
          setDialects(e.target.value);
        }}
      />
      <SelectField
        label={t("volunteer.profile.team")}
        hint={t("volunteer.profile.teamHint")}
        optional
        value={teamId}
        error={errs.fields.teamId}
        onChange={(e) => {
          edit("teamId");
          setTeamId(e.target.value);
        }}
      >
        <option value="">{t("volunteer.profile.noTeam")}</option>
        {data.volunteerTeams.map((tm) => (
          <option key={tm.id} value={tm.id}>
            {tm.name}
          </option>
        ))}
      </SelectField>
      <button type="submit" className="btn btn-primary btn-block" disabled={res.fetching}>
        {res.fetching ? t("app.saving") : joining ? t("volunteer.profile.joinSubmit") : t("volunteer.profile.save")}
      </button>
    </form>
  );
}

/**
 * StateActions pauses, resumes or ends the viewer's service. Pausing and
 * leaving ask first and say what follows; resuming does not.
 */
function StateActions({ profile, onDone }: { profile: Profile; onDone: (msg: string) => void }) {
  const { t } = useTranslation();
  const [res, setState] = useMutation(SetStateMutation);
  const err = toFormErrors(res.error, [], t("app.networkError")).form;
  const to = async (state: VolunteerState, msg: string) => {
    const r = await setState({ input: { volunteerId: profile.id, state } });
    if (r.data) onDone(msg);
  };
  return (
    <section className="panel state-actions" aria-labelledby="vol-state-h">
      <h2 id="vol-state-h">{t("volunteer.profile.stateTitle")}</h2>
      <FormError message={err} />
      {profile.state === "PAUSED" && (
        <p>
          <button type="button" className="btn btn-primary btn-block" disabled={res.fetching} onClick={() => to("ACTIVE", t("volunteer.profile.resumed"))}>
            {t("volunteer.profile.resume")}
          </button>
        </p>
      )}
      <div className="danger-zone actions">
        {profile.state === "ACTIVE" && (
          <ConfirmSheet
            trigger={t("volunteer.profile.pause")}
            title={t("volunteer.profile.pauseTitle")}
            consequence={<p>{t("volunteer.profile.pauseConsequence")}</p>}
            confirm={t("volunteer.profile.pauseConfirm")}
            onConfirm={() => to("PAUSED", t("volunteer.profile.paused"))}
          />
        )}
        <ConfirmSheet
          trigger={profile.state === "PENDING" ? t("volunteer.profile.withdraw") : t("volunteer.profile.leave")}
          triggerClass="btn btn-danger"
          title={profile.state === "PENDING" ? t("volunteer.profile.withdrawTitle") : t("volunteer.profile.leaveTitle")}
          consequence={<p>{t("volunteer.profile.leaveConsequence")}</p>}
          confirm={profile.state === "PENDING" ? t("volunteer.profile.withdraw") : t("volunteer.profile.leaveConfirm")}
          onConfirm={() => to("LEFT", t("volunteer.profile.left"))}
        />
      </div>
    </section>
  );
}
