import { graphql } from "../gql";

/**
 * CommunityPlacesQueryDoc reads a community's grids with their
 * micro-grids (at most 50 of each), for the forms that name a place: a
 * patrol report, a route's checkpoints, an assisted resident.
 */
export const CommunityPlacesQueryDoc = graphql(`
  query CommunityPlaces($id: ID!) {
    community(id: $id) {
      id
      grids(first: 50) {
        nodes {
          id
          name
          microGrids(first: 50) {
            nodes {
              id
              name
            }
          }
        }
      }
    }
  }
`);
