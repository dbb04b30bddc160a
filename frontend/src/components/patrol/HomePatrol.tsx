import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useQuery } from "urql";
import { graphql } from "../../gql";
import { monthOf, positionTag, shiftMonth } from "../../lib/patrol";
import { whenText } from "../../lib/volunteerDesk";

const HomePatrolQueryDoc = graphql(`
  query HomePatrolShifts($id: ID!, $month: String!, $next: String!) {
    community(id: $id) {
      id
      patrolTeams {
        id
        myShifts(month: $month) {
          ...HomePatrolShift
        }
        myShiftsNext: myShifts(month: $next) {
          ...HomePatrolShift
        }
      }
    }
  }

  fragment HomePatrolShift on PatrolPosition {
    id
    start
    end
    state
    route {
      id
      name
    }
  }
`);

/**
 * HomePatrol is the community home's 我的巡防班次: the viewer's next
 * patrol shifts this month and the next, soonest first, with the way to
 * 巡防. With no shift ahead it is not there at all (UX.md 1).
 */
export function HomePatrol({ communityId, zone }: { communityId: string; zone: string }) {
  const { t, i18n } = useTranslation();
  const month = monthOf(new Date(), zone);
  const [res] = useQuery({ query: HomePatrolQueryDoc, variables: { id: communityId, month, next: shiftMonth(month, 1) }, requestPolicy: "cache-and-network" });
  const teams = res.data?.community?.patrolTeams;
  if (!teams) return null;
  const now = Date.now();
  const shifts = teams
    .flatMap((tm) => [...tm.myShifts, ...tm.myShiftsNext])
    .filter((s) => new Date(s.end).getTime() >= now && s.state !== "MISSED")
    .sort((a, b) => a.start.localeCompare(b.start))
    .slice(0, 3);
  if (shifts.length === 0) return null;
  const base = `/c/${communityId}/patrol`;
  return (
    <section className="panel dash" aria-labelledby="dash-patrols" data-section="patrols">
      <h2 id="dash-patrols">{t("home.sections.patrols")}</h2>
      <ul className="mini-list" aria-label={t("home.sections.patrols")}>
        {shifts.map((s) => (
          <li key={s.id}>
            <Link className="title-link clamp-2" to={base}>
              {s.route.name}
            </Link>
            <span className="muted small meta">
              {s.state !== "ASSIGNED" && <span className={positionTag(s.state)}>{t(`patrol.states.${s.state}`)}</span>}
              <span>{whenText(s.start, s.end, i18n.language, zone)}</span>
            </span>
          </li>
        ))}
      </ul>
      <p className="section-more">
        <Link to={base}>{t("patrol.toPatrol")}</Link>
      </p>
    </section>
  );
}
