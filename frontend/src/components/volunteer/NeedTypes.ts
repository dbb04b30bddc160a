import type { NeedPageQuery } from "../../gql/graphql";

// The shapes the need page's parts share, from its query (pages/need.tsx).

/** NeedView is a need as the need page loads it. */
export type NeedView = Extract<NonNullable<NeedPageQuery["node"]>, { __typename: "Need" }>;

/** OccurrenceView is one occurrence of a need, with its claims and waitlist as the viewer may see them. */
export type OccurrenceView = NeedView["occurrences"][number];

/** ClaimView is one claim of an occurrence. */
export type ClaimView = OccurrenceView["claims"][number];

/** SkillView is a skill of the community's taxonomy. */
export type SkillView = NonNullable<NeedPageQuery["community"]>["volunteerSkills"][number];
