import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useQuery } from "urql";
import { graphql } from "../gql";
import { whenText } from "../lib/volunteerDesk";
import { useViewer } from "../viewer";

const HomeTasksQueryDoc = graphql(`
  query HomeVolunteerTasks($id: ID!) {
    community(id: $id) {
      id
      myVolunteerProfile {
        id
        state
      }
      myVolunteerTasks {
        id
        start
        end
        state
        need {
          id
          title
        }
      }
      volunteerTeams {
        id
        leaders {
          id
        }
      }
    }
  }
`);

/**
 * HomeTasks is the community home's 我的任务: the viewer's volunteer tasks
 * that have not ended, soonest first, each with its time and need, and the
 * way to volunteer service (and, for a team leader, to the 协调台). With no
 * tasks and no volunteer profile it is not there at all (UX.md 1).
 */
export function HomeTasks({ communityId, zone }: { communityId: string; zone: string }) {
  const { t, i18n } = useTranslation();
  const { viewer } = useViewer();
  const [res] = useQuery({ query: HomeTasksQueryDoc, variables: { id: communityId }, requestPolicy: "cache-and-network" });
  const c = res.data?.community;
  if (!c) return null;
  const tasks = c.myVolunteerTasks;
  const volunteer = !!c.myVolunteerProfile && c.myVolunteerProfile.state !== "LEFT";
  const leads = !!viewer && c.volunteerTeams.some((tm) => tm.leaders.some((l) => l.id === viewer.id));
  if (tasks.length === 0 && !volunteer) return null;
  const base = `/c/${communityId}`;
  return (
    <section className="panel dash" aria-labelledby="dash-tasks" data-section="tasks">
      <h2 id="dash-tasks">{t("home.sections.tasks")}</h2>
      {tasks.length === 0 ? (
        <p className="muted">{t("home.sections.tasksEmpty")}</p>
      ) : (
        <ul className="mini-list" aria-label={t("home.sections.tasks")}>
          {tasks.map((c) => (
            <li key={c.id}>
              <Link className="title-link clamp-2" to={`${base}/needs/${c.need.id}`}>
                {c.need.title}
              </Link>
              <span className="muted small meta">
                {c.state === "CHECKED_IN" && <span className="tag tag-ok">{t("volunteerDesk.home.checkedIn")}</span>}
                <span>{whenText(c.start, c.end, i18n.language, zone)}</span>
              </span>
            </li>
          ))}
        </ul>
      )}
      <p className="section-more vd-home-links">
        <Link to={`${base}/volunteer`}>{t("volunteerDesk.home.toVolunteer")}</Link>
        {volunteer && <Link to={`${base}/volunteer/hours`}>{t("volunteerDesk.home.toHours")}</Link>}
        {leads && <Link to={`${base}/volunteers/board`}>{t("volunteerDesk.home.toBoard")}</Link>}
      </p>
    </section>
  );
}
