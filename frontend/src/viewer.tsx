import { createContext, useContext, type ReactNode } from "react";
import { Navigate, useLocation } from "react-router";
import { useQuery } from "urql";
import { graphql } from "./gql";
import type { ViewerQuery as ViewerData } from "./gql/graphql";

export const ViewerQuery = graphql(`
  query Viewer {
    viewer {
      id
      name
      email
      emailVerified
      isOperator
      memberships {
        id
        roles
        community {
          id
          name
          kind
        }
        workerGrids {
          id
          name
        }
      }
      joinRequests {
        id
        state
        createdAt
        reason
        community {
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
`);

export type Viewer = NonNullable<ViewerData["viewer"]>;
export type Membership = Viewer["memberships"][number];

interface ViewerState {
  viewer: Viewer | null;
  fetching: boolean;
  error: boolean;
  refetch: () => void;
}

const Ctx = createContext<ViewerState>({ viewer: null, fetching: true, error: false, refetch: () => {} });

/** ViewerProvider loads the logged-in user once for the whole app. */
export function ViewerProvider({ children }: { children: ReactNode }) {
  const [res, refetch] = useQuery({ query: ViewerQuery });
  const state: ViewerState = {
    viewer: res.data?.viewer ?? null,
    fetching: res.fetching && !res.data,
    error: !!res.error && !res.data,
    refetch: () => refetch({ requestPolicy: "network-only" }),
  };
  return <Ctx.Provider value={state}>{children}</Ctx.Provider>;
}

/** useViewer returns the logged-in user, null when logged out. */
export function useViewer(): ViewerState {
  return useContext(Ctx);
}

/** RequireViewer shows its children to a logged-in user and sends others to log in. */
export function RequireViewer({ children, fallback }: { children: ReactNode; fallback: ReactNode }) {
  const { viewer, fetching, error } = useViewer();
  const loc = useLocation();
  if (fetching || error) return <>{fallback}</>;
  if (!viewer) {
    const next = loc.pathname + loc.search;
    return <Navigate to={`/login?next=${encodeURIComponent(next)}`} replace />;
  }
  return <>{children}</>;
}

/** hasRole reports whether a membership holds one of roles. */
export function hasRole(m: Pick<Membership, "roles"> | null | undefined, ...roles: string[]): boolean {
  return !!m && m.roles.some((r) => roles.includes(r));
}

/** Abilities is what a member may do in the UI of a community. */
export interface Abilities {
  staff: boolean;
  /** directory may read the member directory: staff, and the owners' committee's and property firm's leads, who name their delegates. */
  directory: boolean;
  manager: boolean;
  admin: boolean;
  gridWorker: boolean;
  /** committee may hide comments and propose as the committee. */
  committee: boolean;
  /** screener may screen topics: the party organisation and the committee. */
  screener: boolean;
  /** resident may propose and support topics. */
  resident: boolean;
}

/** abilities mirrors the server's rules (domain/community/access.go, domain/deliberation). */
export function abilities(m: Pick<Membership, "roles"> | null | undefined): Abilities {
  return {
    staff: hasRole(m, "COMMITTEE", "PARTY", "ADMIN", "GRID_WORKER"),
    directory: hasRole(m, "COMMITTEE", "PARTY", "ADMIN", "GRID_WORKER", "OWNERS_LEAD", "PROPERTY_LEAD"),
    manager: hasRole(m, "COMMITTEE", "ADMIN"),
    admin: hasRole(m, "ADMIN"),
    gridWorker: hasRole(m, "GRID_WORKER"),
    committee: hasRole(m, "COMMITTEE"),
    screener: hasRole(m, "COMMITTEE", "PARTY"),
    resident: hasRole(m, "RESIDENT"),
  };
}
