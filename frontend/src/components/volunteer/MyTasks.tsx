import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { VolunteerHomeQuery } from "../../gql/graphql";
import { claimTag, spanText } from "../../lib/volunteer";

/** Task is one of the viewer's claims as the hub loads it. */
export type Task = NonNullable<VolunteerHomeQuery["community"]>["myVolunteerTasks"][number];

/**
 * MyTasks is 我的任务: the viewer's claims that have not ended, soonest
 * first, each with its time, its place (the exact address, which a claim
 * lets them see) and where it stands, linking to the need.
 */
export function MyTasks({ tasks, communityId, zone }: { tasks: readonly Task[]; communityId: string; zone: string }) {
  const { t, i18n } = useTranslation();
  return (
    <ul className="cards task-list">
      {tasks.map((c) => (
        <li key={c.id} className="card task-card">
          <Link className="title-link card-title" to={`/c/${communityId}/needs/${c.need.id}`}>
            {c.need.title}
          </Link>
          <p className="task-when">{spanText(c.start, c.end, i18n.language, zone)}</p>
          <p className="muted">
            {c.need.microGrid.name}
            {c.need.address && <> · {c.need.address}</>}
          </p>
          <p className="tags">
            <span className={claimTag(c.state)}>{t(`volunteer.claimStates.${c.state}`)}</span>
          </p>
        </li>
      ))}
    </ul>
  );
}
