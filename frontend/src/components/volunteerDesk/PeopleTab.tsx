import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useMutation, useQuery } from "urql";
import { graphql } from "../../gql";
import type { VolunteerDeskPeopleQuery } from "../../gql/graphql";
import { useEditedErrors } from "../../lib/editedErrors";
import { toFormErrors } from "../../lib/errors";
import { useMemberPicker } from "../../lib/memberPicker";
import { ConfirmSheet } from "../ConfirmSheet";
import { CardSkeleton, CheckField, EmptyState, FormError, Notice, SelectField, TextField, formatDate } from "../ui";
import { useSkills } from "./common";

const PeopleQueryDoc = graphql(`
  query VolunteerDeskPeople($id: ID!) {
    community(id: $id) {
      id
      volunteerTeams {
        id
        name
        leaders {
          id
          name
        }
      }
      volunteerSettings {
        exchange
      }
      pending: volunteers(state: PENDING, first: 100) {
        totalCount
        nodes {
          ...DeskVolunteerFields
        }
      }
      active: volunteers(state: ACTIVE, first: 100) {
        totalCount
        nodes {
          ...DeskVolunteerFields
        }
      }
    }
  }

  fragment DeskVolunteerFields on Volunteer {
    id
    state
    joinedAt
    user {
      id
      name
    }
    team {
      id
      name
    }
    skills {
      code
      level
      credential
      verified
    }
  }
`);

const ConfirmVolunteerMutation = graphql(`
  mutation DeskConfirmVolunteer($input: ConfirmVolunteerInput!) {
    confirmVolunteer(input: $input) {
      volunteer {
        id
        state
      }
    }
  }
`);

const VerifyCredentialMutation = graphql(`
  mutation DeskVerifyCredential($input: VerifyVolunteerCredentialInput!) {
    verifyVolunteerCredential(input: $input) {
      volunteer {
        id
        skills {
          code
          level
          credential
          verified
        }
      }
    }
  }
`);

const CreateTeamMutation = graphql(`
  mutation DeskCreateTeam($input: CreateVolunteerTeamInput!) {
    createVolunteerTeam(input: $input) {
      team {
        id
        name
        leaders {
          id
          name
        }
      }
    }
  }
`);

const SetLeadersMutation = graphql(`
  mutation DeskSetTeamLeaders($input: SetVolunteerTeamLeadersInput!) {
    setVolunteerTeamLeaders(input: $input) {
      team {
        id
        name
        leaders {
          id
          name
        }
      }
    }
  }
`);

const AddSkillMutation = graphql(`
  mutation DeskAddSkill($input: AddVolunteerSkillInput!) {
    addVolunteerSkill(input: $input) {
      skill {
        code
        name
        credentialed
      }
    }
  }
`);

const SetSettingsMutation = graphql(`
  mutation DeskSetVolunteerSettings($input: SetVolunteerSettingsInput!) {
    setVolunteerSettings(input: $input) {
      settings {
        exchange
      }
    }
  }
`);

type Data = NonNullable<VolunteerDeskPeopleQuery["community"]>;
type Volunteer = Data["active"]["nodes"][number];
type Team = Data["volunteerTeams"][number];

/**
 * PeopleTab is the board's 志愿者: those who opted in, to confirm (a
 * leader of the team they chose, or the committee); the credentials to
 * verify (the committee, with the original in hand); the teams and their
 * leaders; the skills of the taxonomy, with a local one to add; the time
 * bank's exchange; and the active volunteers, each with their hours.
 */
export function PeopleTab({ communityId, zone, committee }: { communityId: string; zone: string; committee: boolean }) {
  const { t } = useTranslation();
  const [res, reload] = useQuery({ query: PeopleQueryDoc, variables: { id: communityId }, requestPolicy: "cache-and-network" });
  const skills = useSkills(communityId);
  const data = res.data?.community;
  const err = toFormErrors(res.error, [], t("app.networkError")).form;
  const refresh = () => reload({ requestPolicy: "network-only" });
  if (!data) {
    return (
      <>
        <FormError message={err} />
        {!err && <CardSkeleton count={3} />}
      </>
    );
  }
  const all = [...data.pending.nodes, ...data.active.nodes];
  const credentials = all.flatMap((v) => v.skills.filter((k) => k.credential && !k.verified).map((k) => ({ v, k })));
  return (
    <>
      <FormError message={err} />
      <section className="panel" aria-labelledby="vd-pending-h">
        <h2 id="vd-pending-h">{t("volunteerDesk.people.pending")}</h2>
        {data.pending.nodes.length === 0 ? (
          <p className="muted">{t("volunteerDesk.people.noPending")}</p>
        ) : (
          <ul className="cards">
            {data.pending.nodes.map((v) => (
              <li key={v.id} className="card">
                <PendingCard v={v} zone={zone} skillName={skills.name} onDone={refresh} />
              </li>
            ))}
          </ul>
        )}
      </section>
      {committee && (
        <section className="panel" aria-labelledby="vd-cred-h">
          <h2 id="vd-cred-h">{t("volunteerDesk.people.credentials")}</h2>
          <p className="muted small">{t("volunteerDesk.people.credentialsHint")}</p>
          {credentials.length === 0 ? (
            <p className="muted">{t("volunteerDesk.people.noCredentials")}</p>
          ) : (
            <ul className="cards">
              {credentials.map(({ v, k }) => (
                <li key={`${v.id}-${k.code}`} className="card">
                  <CredentialCard v={v} code={k.code} credential={k.credential ?? ""} skill={skills.name(k.code)} onDone={refresh} />
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
      <Teams communityId={communityId} teams={data.volunteerTeams} committee={committee} onChanged={refresh} />
      <Skills communityId={communityId} committee={committee} skills={skills.skills} onAdded={skills.reload} />
      {committee && <Exchange key={String(data.volunteerSettings.exchange)} communityId={communityId} exchange={data.volunteerSettings.exchange} />}
      <Directory communityId={communityId} volunteers={data.active.nodes} total={data.active.totalCount} />
    </>
  );
}

function PendingCard({ v, zone, skillName, onDone }: { v: Volunteer; zone: string; skillName: (c: string) => string; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const [res, confirm] = useMutation(ConfirmVolunteerMutation);
  const err = toFormErrors(res.error, [], t("app.networkError")).form;
  return (
    <article aria-labelledby={`vd-pv-${v.id}`}>
      <h3 className="card-title" id={`vd-pv-${v.id}`}>
        {v.user.name}
      </h3>
      <p className="meta">
        <span>{v.team ? v.team.name : t("volunteerDesk.people.noTeam")}</span>
        <span>{t("volunteerDesk.people.joined", { date: formatDate(v.joinedAt, i18n.language, zone) })}</span>
      </p>
      {v.skills.length > 0 && <p className="small">{t("volunteerDesk.people.skills", { skills: v.skills.map((k) => skillName(k.code)).join("、") })}</p>}
      <FormError message={err} />
      <button
        type="button"
        className="btn btn-primary"
        disabled={res.fetching}
        aria-label={t("volunteerDesk.people.confirmLabel", { name: v.user.name })}
        onClick={async () => {
          const r = await confirm({ input: { volunteerId: v.id } });
          if (r.data) onDone();
        }}
      >
        <span aria-hidden="true">✓</span> {t("volunteerDesk.people.confirm")}
      </button>
    </article>
  );
}

function CredentialCard({ v, code, credential, skill, onDone }: { v: Volunteer; code: string; credential: string; skill: string; onDone: () => void }) {
  const { t } = useTranslation();
  const [res, verify] = useMutation(VerifyCredentialMutation);
  const err = toFormErrors(res.error, [], t("app.networkError")).form;
  return (
    <article>
      <p>
        <strong>{v.user.name}</strong> · {skill}
        <br />
        <span className="muted small">{t("volunteerDesk.people.credential", { text: credential })}</span>
      </p>
      <FormError message={err} />
      <ConfirmSheet
        trigger={t("volunteerDesk.people.verify")}
        triggerLabel={t("volunteerDesk.people.verifyLabel", { name: v.user.name, skill })}
        title={t("volunteerDesk.people.verifyTitle", { name: v.user.name, skill })}
        consequence={t("volunteerDesk.people.verifyConsequence", { name: v.user.name, skill, text: credential })}
        confirm={t("volunteerDesk.people.verifyConfirm")}
        disabled={res.fetching}
        onConfirm={async () => {
          const r = await verify({ input: { volunteerId: v.id, skill: code } });
          if (r.data) onDone();
        }}
      />
    </article>
  );
}

/** LeaderPicker chooses a team's leaders among the community's members: those chosen, each with 移除, and a list to add one. */
function LeaderPicker({
  communityId,
  chosen,
  onChange,
  error,
  label,
}: {
  communityId: string;
  chosen: { id: string; name: string }[];
  onChange: (leaders: { id: string; name: string }[]) => void;
  error?: string;
  label: string;
}) {
  const { t } = useTranslation();
  const members = useMemberPicker(communityId);
  const left = members.filter((m) => !m.assisted && !chosen.some((c) => c.id === m.user.id));
  return (
    <div className="vd-leaders">
      {chosen.length > 0 && (
        <ul className="vd-picks" aria-label={label}>
          {chosen.map((l) => (
            <li key={l.id} className="vd-pick">
              <span className="vd-pick-name">{l.name}</span>
              <button
                type="button"
                className="btn btn-quiet btn-small"
                aria-label={t("volunteerDesk.teams.removeLeader", { name: l.name })}
                onClick={() => onChange(chosen.filter((c) => c.id !== l.id))}
              >
                {t("volunteerDesk.week.remove")}
              </button>
            </li>
          ))}
        </ul>
      )}
      <SelectField
        label={t("volunteerDesk.teams.addLeader")}
        error={error}
        value=""
        onChange={(e) => {
          const m = members.find((x) => x.user.id === e.target.value);
          if (m) onChange([...chosen, { id: m.user.id, name: m.user.name }]);
        }}
      >
        <option value="">{t("volunteerDesk.teams.choose")}</option>
        {left.map((m) => (
          <option key={m.user.id} value={m.user.id}>
            {m.grid ? `${m.user.name}（${m.grid.name}）` : m.user.name}
          </option>
        ))}
      </SelectField>
    </div>
  );
}

function Teams({ communityId, teams, committee, onChanged }: { communityId: string; teams: readonly Team[]; committee: boolean; onChanged: () => void }) {
  const { t } = useTranslation();
  return (
    <section className="panel" aria-labelledby="vd-teams-h">
      <h2 id="vd-teams-h">{t("volunteerDesk.teams.title")}</h2>
      {teams.length === 0 ? (
        <p className="muted">{t("volunteerDesk.teams.none")}</p>
      ) : (
        <ul className="cards">
          {teams.map((tm) => (
            <li key={tm.id} className="card">
              <p>
                <strong>{tm.name}</strong>
                <br />
                <span className="small">{t("volunteerDesk.teams.leaders", { names: tm.leaders.map((l) => l.name).join("、") || "—" })}</span>
              </p>
              {committee && (
                <details className="disclosure">
                  <summary>{t("volunteerDesk.teams.editLeaders")}</summary>
                  <LeadersForm communityId={communityId} team={tm} onSaved={onChanged} />
                </details>
              )}
            </li>
          ))}
        </ul>
      )}
      {committee && <NewTeamForm communityId={communityId} onCreated={onChanged} />}
    </section>
  );
}

function LeadersForm({ communityId, team, onSaved }: { communityId: string; team: Team; onSaved: () => void }) {
  const { t } = useTranslation();
  const [res, save] = useMutation(SetLeadersMutation);
  const [leaders, setLeaders] = useState(team.leaders.map((l) => ({ id: l.id, name: l.name })));
  const [done, setDone] = useState<string>();
  const { errs, edit, sent } = useEditedErrors(res.error, ["leaderIds", "leaders"], t("app.networkError"));
  return (
    <form
      className="form"
      noValidate
      aria-label={t("volunteerDesk.teams.leadersOf", { name: team.name })}
      onSubmit={async (e) => {
        e.preventDefault();
        sent();
        setDone(undefined);
        const r = await save({ input: { teamId: team.id, leaderIds: leaders.map((l) => l.id) } });
        if (r.data) {
          setDone(t("volunteerDesk.teams.saved"));
          onSaved();
        }
      }}
    >
      <Notice message={done} />
      <FormError message={errs.form} />
      <LeaderPicker
        communityId={communityId}
        chosen={leaders}
        label={t("volunteerDesk.teams.leadersOf", { name: team.name })}
        error={errs.fields.leaderIds ?? errs.fields.leaders}
        onChange={(l) => {
          edit("leaderIds");
          edit("leaders");
          setLeaders(l);
        }}
      />
      <button type="submit" className="btn btn-primary" disabled={res.fetching || leaders.length === 0}>
        {t("volunteerDesk.teams.saveLeaders")}
      </button>
    </form>
  );
}

function NewTeamForm({ communityId, onCreated }: { communityId: string; onCreated: () => void }) {
  const { t } = useTranslation();
  const [res, create] = useMutation(CreateTeamMutation);
  const [name, setName] = useState("");
  const [leaders, setLeaders] = useState<{ id: string; name: string }[]>([]);
  const [done, setDone] = useState<string>();
  const { errs, edit, sent } = useEditedErrors(res.error, ["name", "leaderIds", "leaders"], t("app.networkError"));
  return (
    <details className="disclosure">
      <summary>{t("volunteerDesk.teams.new")}</summary>
      <form
        className="form"
        noValidate
        aria-label={t("volunteerDesk.teams.new")}
        onSubmit={async (e) => {
          e.preventDefault();
          sent();
          setDone(undefined);
          const r = await create({ input: { communityId, name: name.trim(), leaderIds: leaders.map((l) => l.id) } });
          if (r.data) {
            setDone(t("volunteerDesk.teams.created", { name: r.data.createVolunteerTeam.team.name }));
            setName("");
            setLeaders([]);
            onCreated();
          }
        }}
      >
        <Notice message={done} />
        <FormError message={errs.form} />
        <TextField
          label={t("volunteerDesk.teams.name")}
          hint={t("volunteerDesk.teams.nameHint")}
          value={name}
          maxLength={30}
          error={errs.fields.name}
          onChange={(e) => {
            edit("name");
            setName(e.target.value);
          }}
        />
        <LeaderPicker
          communityId={communityId}
          chosen={leaders}
          label={t("volunteerDesk.teams.newLeaders")}
          error={errs.fields.leaderIds ?? errs.fields.leaders}
          onChange={(l) => {
            edit("leaderIds");
            edit("leaders");
            setLeaders(l);
          }}
        />
        <button type="submit" className="btn btn-primary" disabled={res.fetching}>
          {t("volunteerDesk.teams.create")}
        </button>
      </form>
    </details>
  );
}

function Skills({
  communityId,
  committee,
  skills,
  onAdded,
}: {
  communityId: string;
  committee: boolean;
  skills: readonly { code: string; name: string; credentialed: boolean }[];
  onAdded: () => void;
}) {
  const { t } = useTranslation();
  const [res, add] = useMutation(AddSkillMutation);
  const [name, setName] = useState("");
  const [credentialed, setCredentialed] = useState(false);
  const [done, setDone] = useState<string>();
  const { errs, edit, sent } = useEditedErrors(res.error, ["name"], t("app.networkError"));
  return (
    <section className="panel" aria-labelledby="vd-skills-h">
      <h2 id="vd-skills-h">{t("volunteerDesk.skills.title")}</h2>
      <p className="vd-skill-tags">
        {skills.map((k) => (
          <span key={k.code} className="tag">
            {k.name}
            {k.credentialed && <span className="visually-hidden">{t("volunteerDesk.skills.credentialedShort")}</span>}
            {k.credentialed && <span aria-hidden="true"> ✦</span>}
          </span>
        ))}
      </p>
      <p className="muted small">{t("volunteerDesk.skills.legend")}</p>
      {committee && (
        <form
          className="form"
          noValidate
          aria-label={t("volunteerDesk.skills.add")}
          onSubmit={async (e) => {
            e.preventDefault();
            sent();
            setDone(undefined);
            const r = await add({ input: { communityId, name: name.trim(), credentialed } });
            if (r.data) {
              setDone(t("volunteerDesk.skills.added", { name: r.data.addVolunteerSkill.skill.name }));
              setName("");
              setCredentialed(false);
              onAdded();
            }
          }}
        >
          <h3>{t("volunteerDesk.skills.add")}</h3>
          <Notice message={done} />
          <FormError message={errs.form} />
          <TextField
            label={t("volunteerDesk.skills.name")}
            hint={t("volunteerDesk.skills.nameHint")}
            value={name}
            maxLength={20}
            error={errs.fields.name}
            onChange={(e) => {
              edit("name");
              setName(e.target.value);
            }}
          />
          <CheckField
            label={t("volunteerDesk.skills.credentialed")}
            hint={t("volunteerDesk.skills.credentialedHint")}
            checked={credentialed}
            onChange={(e) => setCredentialed(e.target.checked)}
          />
          <button type="submit" className="btn btn-primary" disabled={res.fetching || name.trim() === ""}>
            {t("volunteerDesk.skills.submit")}
          </button>
        </form>
      )}
    </section>
  );
}

function Exchange({ communityId, exchange }: { communityId: string; exchange: boolean }) {
  const { t } = useTranslation();
  const [res, save] = useMutation(SetSettingsMutation);
  const [on, setOn] = useState(exchange);
  const [done, setDone] = useState<string>();
  const err = toFormErrors(res.error, [], t("app.networkError")).form;
  return (
    <section className="panel" aria-labelledby="vd-exchange-h">
      <h2 id="vd-exchange-h">{t("volunteerDesk.exchange.title")}</h2>
      <form
        className="form"
        noValidate
        onSubmit={async (e) => {
          e.preventDefault();
          setDone(undefined);
          const r = await save({ input: { communityId, exchange: on } });
          if (r.data) setDone(t(r.data.setVolunteerSettings.settings.exchange ? "volunteerDesk.exchange.on" : "volunteerDesk.exchange.off"));
        }}
      >
        <Notice message={done} />
        <FormError message={err} />
        <CheckField label={t("volunteerDesk.exchange.label")} hint={t("volunteerDesk.exchange.hint")} checked={on} onChange={(e) => setOn(e.target.checked)} />
        <button type="submit" className="btn btn-primary" disabled={res.fetching || on === exchange}>
          {t("volunteerDesk.exchange.save")}
        </button>
      </form>
    </section>
  );
}

function Directory({ communityId, volunteers, total }: { communityId: string; volunteers: readonly Volunteer[]; total: number }) {
  const { t } = useTranslation();
  const [q, setQ] = useState("");
  const shown = q.trim() ? volunteers.filter((v) => v.user.name.includes(q.trim()) || (v.team?.name ?? "").includes(q.trim())) : volunteers;
  return (
    <section className="panel" aria-labelledby="vd-dir-h">
      <h2 id="vd-dir-h">{t("volunteerDesk.people.active", { count: total })}</h2>
      {volunteers.length === 0 ? (
        <EmptyState title={t("volunteerDesk.people.noActive")} />
      ) : (
        <>
          {volunteers.length > 8 && (
            <TextField label={t("volunteerDesk.people.filter")} type="search" value={q} onChange={(e) => setQ(e.target.value)} />
          )}
          <ul className="link-list" aria-label={t("volunteerDesk.people.activeList")}>
            {shown.map((v) => (
              <li key={v.id} className="vd-dir-row">
                <span>
                  <strong>{v.user.name}</strong> {v.team && <span className="muted small">{v.team.name}</span>}
                </span>
                <Link to={`/c/${communityId}/volunteer/hours?volunteer=${encodeURIComponent(v.id)}`} aria-label={t("volunteerDesk.people.hoursOf", { name: v.user.name })}>
                  {t("volunteerDesk.people.hours")}
                </Link>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
