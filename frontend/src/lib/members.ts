import { graphql } from "../gql";

/** MemberFields are a member as the member page and the directory show one: name, roles, where they live, the grids they work for. */
export const MemberFields = graphql(`
  fragment MemberFields on Member {
    id
    assisted
    roles
    joinedAt
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
    workerGrids {
      id
      name
    }
  }
`);
