import { useEffect, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useQuery } from "urql";
import { graphql } from "../../gql";
import type { DisclosureCommunityQuery } from "../../gql/graphql";
import { setCommunityKind } from "../../i18n";
import { toFormErrors } from "../../lib/errors";
import { abilities, hasRole, type Abilities } from "../../viewer";
import { NotFoundPage } from "../NotFound";
import { FormError, Page, Skeleton } from "../ui";

// The disclosure pages a notice's QR code opens are public: routed outside
// the members-only community layout (as the record page is), they load the
// community themselves, with the viewer's membership when there is one.

const DisclosureCommunityQueryDoc = graphql(`
  query DisclosureCommunity($id: ID!) {
    community(id: $id) {
      id
      name
      kind
      code
      settings {
        timeZone
      }
      disclosureSchedule {
        financeCadence
        since
        rules {
          kind
          cadence
          dueDays
        }
      }
      viewerMembership {
        id
        roles
        workerGrids {
          id
          name
        }
      }
    }
  }
`);

export type PublicCommunity = NonNullable<DisclosureCommunityQuery["community"]>;

/** DisclosureAbilities is what the viewer may do with disclosures (the server's rules, domain/disclosure). */
export interface DisclosureAbilities extends Abilities {
  member: boolean;
  supervisor: boolean;
  party: boolean;
  /** may record postings: grid workers and the committee */
  poster: boolean;
}

/** disclosureAbilities reads a membership's roles for the disclosure pages; none when logged out. */
export function disclosureAbilities(m: PublicCommunity["viewerMembership"] | null | undefined): DisclosureAbilities {
  const can = abilities(m);
  return {
    ...can,
    member: !!m,
    supervisor: hasRole(m, "SUPERVISOR"),
    party: hasRole(m, "PARTY"),
    poster: can.gridWorker || can.committee,
  };
}

/** usePublicCommunity loads the community of a public disclosure page and names its committee by its kind. */
export function usePublicCommunity(cid: string) {
  const { t } = useTranslation();
  const [res] = useQuery({ query: DisclosureCommunityQueryDoc, variables: { id: cid } });
  const community = res.data?.community ?? null;
  // Set while rendering, for this render's texts, and again once committed:
  // the page left behind resets it when it unmounts, after this one's
  // first render, and the parts of this page re-render on their own. It is
  // not reset here on leaving, for the same reason: the next community page
  // sets it while rendering, before this one would unmount.
  if (community) setCommunityKind(community.kind);
  const kind = community?.kind;
  useEffect(() => {
    if (kind) setCommunityKind(kind);
  });
  return {
    community,
    missing: !!res.data && !community,
    error: toFormErrors(res.error, [], t("app.networkError")).form,
    can: disclosureAbilities(community?.viewerMembership),
  };
}

/** CommunityGate shows a public disclosure page once its community is loaded. */
export function CommunityGate({
  cid,
  title,
  children,
}: {
  cid: string;
  title: string;
  children: (community: PublicCommunity, can: DisclosureAbilities) => ReactNode;
}) {
  const { community, missing, error, can } = usePublicCommunity(cid);
  if (missing) return <NotFoundPage />;
  if (!community) {
    return (
      <Page title={title}>
        <FormError message={error} />
        <Skeleton lines={6} />
      </Page>
    );
  }
  return <>{children(community, can)}</>;
}
