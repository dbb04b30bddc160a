import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useQuery } from "urql";
import { CommunityResolutionsQueryDoc } from "../components/HomeResolutions";
import { Progress } from "../components/Progress";
import { CardSkeleton, EmptyState, FormError, Page, formatDate, formatDateTime } from "../components/ui";
import type { CommunityResolutionsQuery } from "../gql/graphql";
import { useCommunity } from "../lib/community";
import { resolutionStage, stageDateKey, stageKey, stageTagClass, starsText } from "../lib/deliberation";
import { toFormErrors } from "../lib/errors";

type BoardResolution = NonNullable<CommunityResolutionsQuery["community"]>["resolutions"][number];

/** short is the start of a resolution's text, to name it in labels. */
function short(text: string): string {
  return text.slice(0, 20);
}

/** ResolutionBoardPage is 决议公示: the community's resolutions, newest first, with their stage, progress and rating. */
export function ResolutionBoardPage() {
  const { t } = useTranslation();
  const { community } = useCommunity();
  const [res] = useQuery({ query: CommunityResolutionsQueryDoc, variables: { id: community.id }, requestPolicy: "cache-and-network" });
  const errs = toFormErrors(res.error, [], t("app.networkError"));
  const list = res.data?.community?.resolutions;
  const now = new Date();
  return (
    <Page title={t("board.title")} wide>
      <p className="lead">{t("board.intro")}</p>
      <FormError message={errs.form} />
      <p className="muted count" aria-live="polite">
        {list ? t("board.count", { count: list.length }) : "\u00a0"}
      </p>
      {!list ? (
        <CardSkeleton count={3} />
      ) : list.length === 0 ? (
        <EmptyState title={t("board.empty")} hint={t("board.emptyHint")} />
      ) : (
        <ul className="cards cards-grid" aria-label={t("board.listLabel")}>
          {list.map((r) => (
            <li key={r.id} className="card resolution-card">
              <ResolutionCard r={r} communityId={community.id} zone={community.settings.timeZone} now={now} />
            </li>
          ))}
        </ul>
      )}
    </Page>
  );
}

function ResolutionCard({ r, communityId, zone, now }: { r: BoardResolution; communityId: string; zone: string; now: Date }) {
  const { t, i18n } = useTranslation();
  const stage = resolutionStage(r, now);
  return (
    <article aria-label={t("board.resolutionLabel", { text: short(r.text) })}>
      <h2 className="card-title">
        <Link className="title-link clamp-4" to={`/c/${communityId}/resolutions/${r.id}`}>
          {r.text}
        </Link>
      </h2>
      <p className="tags">
        <span className={stageTagClass(stage)}>{t(stageKey(stage))}</span>
      </p>
      <p className="muted small meta">
        <span>
          {t("resolution.topic")} <Link to={`/c/${communityId}/topics/${r.topic.id}`}>{r.topic.title}</Link>
        </span>
        <span>{t(stageDateKey(stage), { date: formatDateTime(r.effectiveAt, i18n.language, zone) })}</span>
        <span>{t("resolution.adoptedAt", { date: formatDate(r.adoptedAt, i18n.language, zone) })}</span>
      </p>
      <Progress value={r.progress} label={t("resolution.progressTitle")} name={t("board.progress", { text: short(r.text) })} />
      {r.satisfaction.count > 0 && (
        <p className="small">
          <span aria-hidden="true" className="stars">
            {starsText(r.satisfaction.average)}
          </span>{" "}
          {t("resolution.ratingAverage", { average: r.satisfaction.average.toFixed(1), count: r.satisfaction.count })}
        </p>
      )}
    </article>
  );
}
