import { graphql } from "../../gql";
import type { PatrolTeamMemberFragment } from "../../gql/graphql";

// What the patrol team's page reads of a member, and the mutation that
// replaces a member's settings: the member's own form (TeamMembership) and
// the captain's note (TeamMembers) both send it.

graphql(`
  fragment PatrolTeamMember on PatrolMember {
    user {
      id
      name
    }
    weekly {
      weekday
      start
      end
    }
    daysOff
    maxPerWeek
    noNight
    note
    joinedAt
  }
`);

/** SetPatrolMemberDoc replaces a member's availability, limits and (for the captain) note. */
export const SetPatrolMemberDoc = graphql(`
  mutation SetPatrolMember($input: SetPatrolMemberInput!) {
    setPatrolMember(input: $input) {
      member {
        ...PatrolTeamMember
      }
    }
  }
`);

/** TeamMember is a member as the team's page reads it. */
export type TeamMember = PatrolTeamMemberFragment;

/**
 * settingsOf is a member's settings as setPatrolMember takes them, so that
 * a change of one (the captain's note) sends the others unchanged: the
 * mutation replaces them all.
 */
export function settingsOf(m: TeamMember) {
  return {
    weekly: m.weekly.map((s) => ({ weekday: s.weekday, start: s.start, end: s.end })),
    daysOff: [...m.daysOff],
    maxPerWeek: m.maxPerWeek,
    noNight: m.noNight,
  };
}
