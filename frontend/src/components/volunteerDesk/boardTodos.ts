import type { CombinedError } from "@urql/core";
import { useQuery } from "urql";
import { graphql } from "../../gql";
import type { VolunteerBoardTodosQuery } from "../../gql/graphql";

// The board's lists are the server's volunteer to-dos for the viewer
// (domain/volunteer/todo.go): it already knows who coordinates what, and
// which occurrences, claims and needs are waiting.

export const BoardTodosQueryDoc = graphql(`
  query VolunteerBoardTodos($id: ID!) {
    community(id: $id) {
      id
      todos {
        kind
        due
        subject {
          __typename
          id
          ... on NeedOccurrence {
            start
          }
          ... on VolunteerClaim {
            start
            end
            state
            checkedInAt
            checkedOutAt
            dispute
            volunteer {
              id
              name
            }
            need {
              id
              title
            }
          }
          ... on Need {
            title
            description
            start
            end
            slots
            weekly
            occurrenceCount
            urgency
            required
            sensitive
            family
            helped {
              id
              name
            }
            postedBy {
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
          ... on Volunteer {
            joinedAt
          }
        }
      }
    }
  }
`);

type Todo = NonNullable<VolunteerBoardTodosQuery["community"]>["todos"][number];
export type BoardClaim = Extract<Todo["subject"], { __typename: "VolunteerClaim" }>;
export type BoardNeed = Extract<Todo["subject"], { __typename: "Need" }>;

/** BoardLists are the board's to-dos by kind. */
export interface BoardLists {
  loaded: boolean;
  error: CombinedError | undefined;
  fill: number;
  approve: BoardNeed[];
  hours: BoardClaim[];
  disputes: BoardClaim[];
  volunteers: number;
  reload: () => void;
}

/** useBoardTodos loads the viewer's volunteer to-dos and sorts them into the board's lists. */
export function useBoardTodos(communityId: string): BoardLists {
  const [res, reload] = useQuery({ query: BoardTodosQueryDoc, variables: { id: communityId }, requestPolicy: "cache-and-network" });
  const todos = res.data?.community?.todos ?? [];
  const of = <T extends Todo["subject"]["__typename"]>(kind: string, typename: T) =>
    todos.filter((td) => td.kind === kind && td.subject.__typename === typename).map((td) => td.subject as Extract<Todo["subject"], { __typename: T }>);
  return {
    loaded: !!res.data,
    error: res.error,
    fill: of("FILL_NEED", "NeedOccurrence").length,
    approve: of("APPROVE_NEED", "Need"),
    hours: of("CONFIRM_HOURS", "VolunteerClaim"),
    disputes: of("DECIDE_DISPUTE", "VolunteerClaim"),
    volunteers: of("CONFIRM_VOLUNTEER", "Volunteer").length,
    reload: () => reload({ requestPolicy: "network-only" }),
  };
}
