import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useQuery } from "urql";
import { graphql } from "../gql";
import { stateTagClass } from "../lib/topics";
import { EmptyState, MiniListSkeleton, formatDate } from "./ui";

export const HomeTopicsQuery = graphql(`
  query HomeTopics($id: ID!) {
    community(id: $id) {
      id
      collecting: topics(first: 100, state: COLLECTING) {
        totalCount
        nodes {
          id
          title
          state
          supportCount
          threshold
          deadline
          createdAt
        }
      }
      screening: topics(first: 100, state: SCREENING) {
        totalCount
        nodes {
          id
          title
          state
          supportCount
          threshold
          deadline
          createdAt
        }
      }
    }
  }
`);

/** HomeTopics fills the community home's "open topics" section: the newest topics collecting supports or in screening. */
export function HomeTopics({ communityId, zone, count = 3 }: { communityId: string; zone: string; count?: number }) {
  const { t, i18n } = useTranslation();
  const [res] = useQuery({ query: HomeTopicsQuery, variables: { id: communityId }, requestPolicy: "cache-and-network" });
  const c = res.data?.community;
  if (!c) {
    return <MiniListSkeleton count={count} />;
  }
  const open = [...c.collecting.nodes, ...c.screening.nodes].sort(
    (a, b) => new Date(b.createdAt).getTime() - new Date(a.createdAt).getTime(),
  );
  const total = c.collecting.totalCount + c.screening.totalCount;
  if (open.length === 0) {
    return (
      <>
        <EmptyState title={t("home.sections.topicsEmpty")} hint={t("home.sections.topicsHint")} />
        <p className="section-more">
          <Link to={`/c/${communityId}/topics`}>{t("home.topicsAll")}</Link>
        </p>
      </>
    );
  }
  return (
    <>
      <p className="muted small">
        {t("home.topicsOpen", { collecting: c.collecting.totalCount, screening: c.screening.totalCount })}
      </p>
      <ul className="mini-list">
        {open.slice(0, count).map((topic) => (
          <li key={topic.id}>
            <Link className="title-link" to={`/c/${communityId}/topics/${topic.id}`}>
              {topic.title}
            </Link>
            <span className="muted small meta">
              <span className={stateTagClass(topic.state)}>{t(`topics.states.${topic.state}`)}</span>
              <span>{t("topics.supports", { n: topic.supportCount, threshold: topic.threshold })}</span>
              {topic.state === "COLLECTING" && (
                <span>{t("topics.deadline", { date: formatDate(topic.deadline, i18n.language, zone) })}</span>
              )}
            </span>
          </li>
        ))}
      </ul>
      <p className="section-more">
        <Link to={`/c/${communityId}/topics`}>{t("home.topicsAllCount", { count: total })}</Link>
      </p>
    </>
  );
}
