import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useQuery } from "urql";
import { formatDateTime } from "../ui";
import { graphql } from "../../gql";
import type { CommunityKind } from "../../gql/graphql";
import { describeEvent } from "../../lib/topics";

const TopicTitleQuery = graphql(`
  query TopicTitle($id: ID!) {
    node(id: $id) {
      __typename
      ... on Topic {
        id
        title
      }
    }
  }
`);

/** Timeline is a topic's public record of what happened to it, oldest first. */
export function Timeline({
  events,
  kind,
  communityId,
  zone,
}: {
  events: { kind: string; note?: string | null; other?: string | null; at: string; actor?: { id: string; name: string } | null }[];
  kind: CommunityKind;
  communityId: string;
  zone: string;
}) {
  const { t, i18n } = useTranslation();
  if (events.length === 0) return <p className="muted">{t("topic.timelineEmpty")}</p>;
  return (
    <ol className="timeline">
      {events.map((e, i) => {
        const d = describeEvent(t, e, kind);
        return (
          <li key={i} className={`timeline-item timeline-${e.kind.toLowerCase()}`}>
            <p className="timeline-what">
              {d.text}
              {d.otherTopicId && (
                <>
                  {" "}
                  <TopicTitleLink id={d.otherTopicId} communityId={communityId} />
                </>
              )}
            </p>
            {d.note && <p className="timeline-note">{d.note}</p>}
            <p className="muted small">
              {d.actor && <span>{d.actor} · </span>}
              <time dateTime={e.at}>{formatDateTime(e.at, i18n.language, zone)}</time>
            </p>
          </li>
        );
      })}
    </ol>
  );
}

function TopicTitleLink({ id, communityId }: { id: string; communityId: string }) {
  const { t } = useTranslation();
  const [res] = useQuery({ query: TopicTitleQuery, variables: { id } });
  const node = res.data?.node;
  const title = node?.__typename === "Topic" ? node.title : t("topic.otherTopic");
  return <Link to={`/c/${communityId}/topics/${id}`}>“{title}”</Link>;
}
