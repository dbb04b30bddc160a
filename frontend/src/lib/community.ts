import { useOutletContext } from "react-router";
import type { CommunityQuery } from "../gql/graphql";
import type { Abilities } from "../viewer";

// The context a community's pages share. CommunityLayout
// (components/CommunityLayout.tsx) loads the community and provides it to
// the pages under /c/:cid through the router's outlet context.

export type Community = NonNullable<CommunityQuery["community"]>;
export type Membership = NonNullable<Community["viewerMembership"]>;

/** CommunityContext is what the pages of a community share. */
export interface CommunityContext {
  community: Community;
  membership: Membership;
  can: Abilities;
}

/** useCommunity returns the community the page is in. */
export function useCommunity(): CommunityContext {
  return useOutletContext<CommunityContext>();
}
