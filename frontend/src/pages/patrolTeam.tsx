import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams, useSearchParams } from "react-router";
import { useQuery } from "urql";
import { NotFoundPage } from "../components/NotFound";
import { RouteQrSheet } from "../components/patrol/RouteQrSheet";
import { TeamMembers } from "../components/patrol/TeamMembers";
import { TeamMembership } from "../components/patrol/TeamMembership";
import { TeamRoutes } from "../components/patrol/TeamRoutes";
import { TeamTemplates } from "../components/patrol/TeamTemplates";
import { TeamTimeline } from "../components/patrol/TeamTimeline";
import { SearchBox } from "../components/SearchBox";
import { FormError, Notice, Page, Skeleton } from "../components/ui";
import { graphql } from "../gql";
import { useCommunity } from "../lib/community";
import { toFormErrors } from "../lib/errors";
import { useViewer } from "../viewer";

const PatrolTeamQueryDoc = graphql(`
  query PatrolTeamPage($id: ID!) {
    node(id: $id) {
      __typename
      ... on PatrolTeam {
        id
        name
        community {
          id
        }
        captain {
          id
          name
        }
        members {
          ...PatrolTeamMember
        }
        routes {
          ...PatrolTeamRoute
        }
        templates {
          ...PatrolTeamTemplate
        }
        timeline {
          ...PatrolTeamEvent
        }
      }
    }
  }
`);

/** SEARCH_FROM is how many members a team has before its list gets a search box. */
const SEARCH_FROM = 8;

/**
 * PatrolTeamPage is /c/:cid/patrol/teams/:teamId, a patrol team (巡防队):
 * 我在本队 (join with one's availability and limits, or edit them); for
 * the captain and the committee the members with their availability and
 * the captain's private notes; the routes with their checkpoints (and, for
 * the captain and the committee, a printable sheet of their QR codes at
 * ?qr=<route>); the shift templates; and the team's timeline.
 */
export function PatrolTeamPage() {
  const { t } = useTranslation();
  const { teamId = "" } = useParams();
  const { community, can } = useCommunity();
  const { viewer } = useViewer();
  const [params] = useSearchParams();
  const [res, refetch] = useQuery({ query: PatrolTeamQueryDoc, variables: { id: teamId }, requestPolicy: "cache-and-network" });
  const [done, setDone] = useState<string>();
  const [search, setSearch] = useState<string | null>(null);
  const node = res.data?.node;
  const team = node?.__typename === "PatrolTeam" ? node : null;
  const err = toFormErrors(res.error, [], t("app.networkError")).form;
  if (res.data && (!team || team.community.id !== community.id)) return <NotFoundPage />;
  if (!team) {
    return (
      <Page title={t("patrolTeam.title")}>
        <FormError message={err} />
        <Skeleton lines={8} />
      </Page>
    );
  }
  const zone = community.settings.timeZone;
  const manages = team.captain.id === viewer?.id || can.manager;
  const me = team.members.find((m) => m.user.id === viewer?.id) ?? null;
  const onDone = (msg: string) => {
    setDone(msg);
    refetch({ requestPolicy: "network-only" });
  };
  const qrRoute = manages ? team.routes.find((r) => r.id === params.get("qr")) : undefined;
  if (qrRoute) {
    return (
      <Page title={team.name} wide>
        <RouteQrSheet route={qrRoute} communityId={community.id} />
      </Page>
    );
  }
  const members = search ? team.members.filter((m) => m.user.name.includes(search)) : team.members;
  const base = `/c/${community.id}/patrol`;
  return (
    <Page title={team.name}>
      <FormError message={err} />
      <Notice message={done} />
      <p className="lead">{t("patrolTeam.lead", { captain: team.captain.name, count: team.members.length })}</p>
      <nav className="action-tiles" aria-label={t("patrolTeam.links")}>
        <Link className="action-tile" to={base}>
          <span aria-hidden="true">🚶</span> {t("patrolTeam.toPatrol")}
        </Link>
        <Link className="action-tile" to={`${base}/roster`}>
          <span aria-hidden="true">🗓</span> {t("patrolTeam.toRoster")}
        </Link>
      </nav>
      <section className="panel" aria-labelledby="pt-me">
        <h2 id="pt-me">{me ? t("patrolTeam.me.title") : t("patrolTeam.me.joinTitle")}</h2>
        <TeamMembership key={me ? "member" : "new"} teamId={team.id} me={me} writesNote={manages} captain={team.captain.id === viewer?.id} onDone={onDone} />
      </section>
      {manages && (
        <section className="panel" aria-labelledby="pt-members">
          <h2 id="pt-members">{t("patrolTeam.members.title", { count: team.members.length })}</h2>
          <p className="muted">{t("patrolTeam.members.hint")}</p>
          {team.members.length > SEARCH_FROM && (
            <SearchBox label={t("patrolTeam.members.search")} maxLength={20} search={search} clearLabel={t("patrolTeam.members.clear")} onSearch={setSearch} />
          )}
          <TeamMembers key={search ?? ""} teamId={team.id} captainId={team.captain.id} members={members} onDone={onDone} />
        </section>
      )}
      <section className="panel" aria-labelledby="pt-routes">
        <h2 id="pt-routes">{t("patrolTeam.routes.title")}</h2>
        <TeamRoutes teamId={team.id} routes={team.routes} manages={manages} onDone={onDone} />
      </section>
      <section className="panel" aria-labelledby="pt-templates">
        <h2 id="pt-templates">{t("patrolTeam.templates.title")}</h2>
        <p className="muted">{t("patrolTeam.templates.hint")}</p>
        <TeamTemplates teamId={team.id} templates={team.templates} routes={team.routes} manages={manages} onDone={onDone} />
      </section>
      <section className="panel" aria-labelledby="pt-timeline">
        <h2 id="pt-timeline">{t("patrolTeam.timeline.title")}</h2>
        <TeamTimeline events={team.timeline} zone={zone} />
      </section>
    </Page>
  );
}
