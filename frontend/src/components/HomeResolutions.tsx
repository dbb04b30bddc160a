import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useQuery } from "urql";
import { graphql } from "../gql";
import { resolutionStage, stageKey, stageTagClass } from "../lib/deliberation";
import { EmptyState, MiniListSkeleton } from "./ui";

/**
 * CommunityResolutionsQueryDoc is the community's resolutions, newest first:
 * the home shows a few, the board (pages/resolutions.tsx) all of them, from
 * the same fetch.
 */
export const CommunityResolutionsQueryDoc = graphql(`
  query CommunityResolutions($id: ID!) {
    community(id: $id) {
      id
      resolutions {
        id
        text
        stage
        adoptedAt
        effectiveAt
        unansweredObjections
        progress
        topic {
          id
          title
        }
        satisfaction {
          average
          count
        }
      }
    }
  }
`);

/** HomeResolutions is the community home's 决议公示: the newest few, and the way to the board. */
export function HomeResolutions({ communityId, count = 3 }: { communityId: string; count?: number }) {
  const { t } = useTranslation();
  const [res] = useQuery({ query: CommunityResolutionsQueryDoc, variables: { id: communityId }, requestPolicy: "cache-and-network" });
  const list = res.data?.community?.resolutions;
  const board = `/c/${communityId}/resolutions`;
  if (!list) {
    return <MiniListSkeleton count={count} />;
  }
  if (list.length === 0) {
    return (
      <>
        <EmptyState title={t("home.sections.resolutionsEmpty")} hint={t("home.sections.resolutionsHint")} />
        <p className="section-more">
          <Link to={board}>{t("home.sections.resolutionsAll", { count: 0 })}</Link>
        </p>
      </>
    );
  }
  const now = new Date();
  return (
    <>
      <ul className="mini-list" aria-label={t("home.sections.resolutions")}>
        {list.slice(0, count).map((r) => {
          const stage = resolutionStage(r, now);
          return (
            <li key={r.id}>
              <Link className="title-link clamp-2" to={`/c/${communityId}/resolutions/${r.id}`}>
                {r.text}
              </Link>
              <span className="muted small meta">
                <span className={stageTagClass(stage)}>{t(stageKey(stage))}</span>
                <span>
                  {t("resolution.progressTitle")} {t("resolution.percent", { value: r.progress })}
                </span>
              </span>
            </li>
          );
        })}
      </ul>
      <p className="section-more">
        <Link to={board}>{t("home.sections.resolutionsAll", { count: list.length })}</Link>
      </p>
    </>
  );
}
