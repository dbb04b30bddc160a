import type { VoteChoice } from "../../gql/graphql";

/** VOTE_CHOICES are the choices of a vote, in the order the buttons and the assisted vote's list show them. */
export const VOTE_CHOICES: VoteChoice[] = ["YES", "NO", "ABSTAIN"];
