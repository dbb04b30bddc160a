import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useQuery } from "urql";
import { HomeDisclosures } from "../components/disclosure/HomeDisclosures";
import { HomeResolutions } from "../components/HomeResolutions";
import { HomeTasks } from "../components/HomeTasks";
import { HomePatrol } from "../components/patrol/HomePatrol";
import { HomeTopics, HomeTopicsQuery } from "../components/HomeTopics";
import { RoleHistory } from "../components/RoleHistory";
import { TodoList } from "../components/TodoList";
import { EmptyState, Page } from "../components/ui";
import { UpcomingMeetings } from "../components/UpcomingMeetings";
import { graphql } from "../gql";
import { useCommunity } from "../lib/community";
import { useViewer } from "../viewer";

const PendingCountQuery = graphql(`
  query PendingJoinRequests($id: ID!) {
    community(id: $id) {
      id
      joinRequests(first: 1, state: PENDING) {
        totalCount
      }
    }
  }
`);

const FailedCountQuery = graphql(`
  query FailedNotificationCount($id: ID!) {
    community(id: $id) {
      id
      failedNotifications(first: 1) {
        totalCount
      }
    }
  }
`);

/**
 * CommunityHomePage says what to do: the viewer's to-dos (待我处理) first,
 * then big tiles for what anyone can start, then what is going on. It shows
 * no section that is always empty: an area's section comes with the area.
 */
export function CommunityHomePage() {
  const { t } = useTranslation();
  const { viewer } = useViewer();
  const { community, membership, can } = useCommunity();
  const [pending] = useQuery({
    query: PendingCountQuery,
    variables: { id: community.id },
    pause: !can.staff,
    requestPolicy: "cache-and-network",
  });
  const waiting = pending.data?.community?.joinRequests.totalCount ?? 0;
  const [failed] = useQuery({
    query: FailedCountQuery,
    variables: { id: community.id },
    pause: !can.admin,
    requestPolicy: "cache-and-network",
  });
  const failedCount = failed.data?.community?.failedNotifications.totalCount ?? 0;
  const [topics] = useQuery({
    query: HomeTopicsQuery,
    variables: { id: community.id },
    pause: !can.screener,
  });
  const screening = topics.data?.community?.screening.totalCount ?? 0;
  const place = [membership.grid?.name, membership.microGrid?.name].filter(Boolean).join(" · ");
  return (
    <Page title={community.name} wide>
      <p className="lead">{t("home.welcome", { name: viewer?.name ?? "" })}</p>
      <TodoList communityId={community.id} zone={community.settings.timeZone} />
      <nav className="action-tiles" aria-label={t("home.actions")}>
        {can.resident && (
          <Link className="action-tile action-tile-primary" to={`/c/${community.id}/topics/new`}>
            <span aria-hidden="true">✍️</span> {t("home.propose")}
          </Link>
        )}
        <Link className="action-tile" to={`/c/${community.id}/topics`}>
          <span aria-hidden="true">💬</span> {t("home.browseTopics")}
        </Link>
        <Link className="action-tile" to={`/c/${community.id}/resolutions`}>
          <span aria-hidden="true">📋</span> {t("home.browseResolutions")}
        </Link>
        <Link className="action-tile" to={`/c/${community.id}/disclosures`}>
          <span aria-hidden="true">📢</span> {t("home.browseDisclosures")}
        </Link>
        <Link className="action-tile" to={`/c/${community.id}/volunteer`}>
          <span aria-hidden="true">🤝</span> {t("home.volunteer")}
        </Link>
        <Link className="action-tile" to={`/c/${community.id}/patrol`}>
          <span aria-hidden="true">🛡️</span> {t("patrol.tile")}
        </Link>
        <Link className="action-tile" to={`/c/${community.id}/record`}>
          <span aria-hidden="true">🔏</span> {t("home.browseRecord")}
        </Link>
      </nav>
      <div className="summary">
        <div>
          <span className="summary-label">{t("home.yourRoles")}</span>
          <span className="roles">
            {membership.roles.map((r) => (
              <span key={r} className="tag">
                {t(`roles.${r}`)}
              </span>
            ))}
          </span>
        </div>
        <div>
          <span className="summary-label">{t("home.yourPlace")}</span>
          <span>{place || t("home.noPlace")}</span>
        </div>
      </div>
      {can.staff && waiting > 0 && (
        <p className="alert alert-info callout">
          <span>{t("home.pendingRequests", { count: waiting })}</span>{" "}
          <Link className="btn btn-primary" to={`/c/${community.id}/members?tab=requests`}>
            {t("home.reviewRequests")}
          </Link>
        </p>
      )}
      {can.screener && screening > 0 && (
        <p className="alert alert-info callout">
          <span>{t("home.screeningWaiting", { count: screening })}</span>{" "}
          <Link className="btn btn-primary" to={`/c/${community.id}/screening`}>
            {t("home.toScreening")}
          </Link>
        </p>
      )}
      {can.admin && failedCount > 0 && (
        <p className="alert alert-warn callout">
          <span>{t("home.failedNotifications", { count: failedCount })}</span>{" "}
          <Link className="btn btn-primary" to={`/c/${community.id}/notifications/failed`}>
            {t("home.toFailed")}
          </Link>
        </p>
      )}
      <div className="dashboard">
        <DashboardSection id="topics" title={t("home.sections.topics")} empty={t("home.sections.topicsEmpty")} hint={t("home.sections.topicsHint")}>
          <HomeTopics communityId={community.id} zone={community.settings.timeZone} />
        </DashboardSection>
        <DashboardSection id="meetings" title={t("home.sections.meetings")} empty={t("home.sections.meetingsEmpty")} hint={t("home.sections.meetingsHint")}>
          <UpcomingMeetings communityId={community.id} zone={community.settings.timeZone} />
        </DashboardSection>
        <DashboardSection id="resolutions" title={t("home.sections.resolutions")} empty={t("home.sections.resolutionsEmpty")} hint={t("home.sections.resolutionsHint")}>
          <HomeResolutions communityId={community.id} />
        </DashboardSection>
        <HomeDisclosures communityId={community.id} communityKind={community.kind} zone={community.settings.timeZone} />
        {/* Last, as it comes in only for volunteers: nothing above it moves when it does. */}
        <HomeTasks communityId={community.id} zone={community.settings.timeZone} />
        <HomePatrol communityId={community.id} zone={community.settings.timeZone} />
      </div>
      <section className="panel" aria-label={t("roleHistory.title")}>
        <RoleHistory communityId={community.id} zone={community.settings.timeZone} />
      </section>
      {can.admin && (
        <section className="panel admin-links" aria-labelledby="admin-h">
          <h2 id="admin-h">{t("home.admin")}</h2>
          <ul className="link-list">
            <li>
              <Link to={`/c/${community.id}/grids`}>{t("grids.title")}</Link>
            </li>
            <li>
              <Link to={`/c/${community.id}/notifications/failed`}>{t("notify.failedTitle")}</Link>
            </li>
          </ul>
        </section>
      )}
    </Page>
  );
}

/** DashboardSection is one block of the community home, with its empty state. */
export function DashboardSection({
  id,
  title,
  empty,
  hint,
  children,
}: {
  id: string;
  title: string;
  empty: string;
  hint: string;
  children?: React.ReactNode;
}) {
  return (
    <section className="panel dash" aria-labelledby={`dash-${id}`} data-section={id}>
      <h2 id={`dash-${id}`}>{title}</h2>
      {children ?? <EmptyState title={empty} hint={hint} />}
    </section>
  );
}
