import { useQuery } from "urql";
import { graphql } from "../gql";
import type { MemberPickerQuery as MemberPickerData } from "../gql/graphql";

export const MemberPickerQuery = graphql(`
  query MemberPicker($id: ID!, $search: String) {
    community(id: $id) {
      id
      members(first: 100, search: $search) {
        nodes {
          id
          assisted
          roles
          user {
            id
            name
          }
          grid {
            id
            name
          }
          microGrid {
            id
            name
          }
        }
      }
    }
  }
`);

/** PickableMember is a member as the pickers list them: name, grid, roles, and whether assisted. */
export type PickableMember = NonNullable<MemberPickerData["community"]>["members"]["nodes"][number];

/**
 * useMemberPicker loads the members of a community to choose from in a
 * form (a seat's nominee, an assisted resident's vote, an action item's
 * owner), the first 100, or those whose names hold search; none until
 * they load or while paused.
 */
export function useMemberPicker(communityId: string, pause = false, search: string | null = null): PickableMember[] {
  const [res] = useQuery({ query: MemberPickerQuery, variables: search ? { id: communityId, search } : { id: communityId }, pause });
  return res.data?.community?.members.nodes ?? [];
}
