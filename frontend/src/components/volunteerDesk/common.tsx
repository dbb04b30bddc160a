import { useTranslation } from "react-i18next";
import { useQuery } from "urql";
import { graphql } from "../../gql";
import { useViewer } from "../../viewer";

const TeamsQueryDoc = graphql(`
  query VolunteerDeskTeams($id: ID!) {
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
    }
  }
`);

/**
 * useCoordinator tells whether the viewer coordinates the community's
 * volunteer service, as the server does (domain/volunteer: access.coordinator):
 * the committee (or an admin), or a leader of one of its teams. ready is
 * false until the teams are loaded, for a viewer who is not a manager.
 */
export function useCoordinator(communityId: string, manager: boolean): { coordinator: boolean; leads: boolean; ready: boolean } {
  const { viewer } = useViewer();
  const [res] = useQuery({ query: TeamsQueryDoc, variables: { id: communityId } });
  const teams = res.data?.community?.volunteerTeams ?? [];
  const leads = !!viewer && teams.some((tm) => tm.leaders.some((l) => l.id === viewer.id));
  return { coordinator: manager || leads, leads, ready: manager || !!res.data || !!res.error };
}

/** Factor is one part of a candidate's score, as match explains it. */
export interface Factor {
  key: string;
  points: number;
  max: number;
  detail: string;
}

/** FACTOR_KEYS are the factors match scores, in its order. */
const FACTOR_KEYS = ["skills", "availability", "distance", "fairness", "reliability", "weekly_limit"];

/** FactorList shows why a candidate ranks where they do: each factor's points of its most, and the reason in words. */
export function FactorList({ factors, name }: { factors: readonly Factor[]; name: string }) {
  const { t } = useTranslation();
  return (
    <ul className="vd-factors" aria-label={t("volunteerDesk.candidates.why", { name })}>
      {factors.map((f) => (
        <li key={f.key}>
          <span className="vd-factor-name">{FACTOR_KEYS.includes(f.key) ? t(`volunteerDesk.factors.${f.key}`) : f.key}</span>
          <span className="vd-factor-points">{t("volunteerDesk.candidates.points", { points: f.points, max: f.max })}</span>
          <span className="vd-factor-detail">{f.detail}</span>
        </li>
      ))}
    </ul>
  );
}

const SkillsQueryDoc = graphql(`
  query VolunteerDeskSkills($id: ID!) {
    community(id: $id) {
      id
      volunteerSkills {
        code
        name
        credentialed
      }
    }
  }
`);

/** useSkills loads the community's taxonomy of skills: the base set, then its own; name(code) names one in the request's language. */
export function useSkills(communityId: string) {
  const [res, reload] = useQuery({ query: SkillsQueryDoc, variables: { id: communityId } });
  const skills = res.data?.community?.volunteerSkills ?? [];
  const names = new Map(skills.map((k) => [k.code, k.name]));
  return { skills, name: (code: string) => names.get(code) ?? code, reload: () => reload({ requestPolicy: "network-only" }) };
}
