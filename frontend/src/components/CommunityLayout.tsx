import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { setCommunityKind } from "../i18n";
import { Link, Outlet, useParams } from "react-router";
import { useQuery } from "urql";
import { graphql } from "../gql";
import type { CommunityContext } from "../lib/community";
import { toFormErrors } from "../lib/errors";
import { abilities } from "../viewer";
import { CommunityResolutionsQueryDoc } from "./HomeResolutions";
import { HomeTopicsQuery } from "./HomeTopics";
import { NotFoundPage } from "./NotFound";
import { FormError, Page, Skeleton } from "./ui";
import { UpcomingMeetingsQuery } from "./UpcomingMeetings";

// CommunityLayout is the route /c/:cid: it loads the community and gives
// the pages under it their CommunityContext (lib/community.ts, useCommunity).

const CommunityQueryDoc = graphql(`
  query Community($id: ID!) {
    community(id: $id) {
      id
      name
      kind
      street {
        id
        name
      }
      settings {
        timeZone
        supportThreshold
        supportWindowDays
      }
      viewerMembership {
        id
        roles
        assisted
        grid {
          id
          name
        }
        microGrid {
          id
          name
        }
        workerGrids {
          id
          name
        }
      }
    }
  }
`);

/**
 * usePrefetchCommunity starts loading a community together with the
 * viewer, rather than after it, so that the home renders one round trip
 * sooner. CommunityLayout's query then finds it in flight or cached.
 */
export function usePrefetchCommunity(cid: string | undefined, home = false) {
  useQuery({ query: CommunityQueryDoc, variables: { id: cid ?? "" }, pause: !cid });
  // The home's open topics come in the same round trip, so that the home
  // does not grow as they arrive.
  useQuery({ query: HomeTopicsQuery, variables: { id: cid ?? "" }, pause: !cid || !home });
  useQuery({ query: UpcomingMeetingsQuery, variables: { id: cid ?? "" }, pause: !cid || !home });
  useQuery({ query: CommunityResolutionsQueryDoc, variables: { id: cid ?? "" }, pause: !cid || !home });
}

/** CommunityLayout loads a community and lets only its members in. */
export function CommunityLayout() {
  const { t } = useTranslation();
  const { cid = "" } = useParams();
  const [res] = useQuery({ query: CommunityQueryDoc, variables: { id: cid } });
  useEffect(() => () => setCommunityKind(null), []);
  const errs = toFormErrors(res.error, [], t("app.networkError"));
  if (!res.data) {
    return (
      <div className="page">
        <div className="skeleton-line skeleton-h1" />
        <FormError message={errs.form} />
        <Skeleton lines={4} />
      </div>
    );
  }
  const community = res.data.community;
  if (!community) return <NotFoundPage />;
  setCommunityKind(community.kind); // before the pages below render: {{committee}} is 村委会 or 居委会
  const membership = community.viewerMembership;
  if (!membership) {
    return (
      <Page title={community.name}>
        <p>{t("profile.noCommunities")}</p>
        <p>
          <Link className="btn btn-primary" to={`/communities/${community.id}/join`}>
            {t("communities.requestJoin")}
          </Link>
        </p>
      </Page>
    );
  }
  const ctx: CommunityContext = { community, membership, can: abilities(membership) };
  return <Outlet context={ctx} />;
}
