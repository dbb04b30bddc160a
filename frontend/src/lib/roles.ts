import type { Role } from "../gql/graphql";

/** ROLES lists the roles in the order the UI shows them. */
export const ROLES: Role[] = ["RESIDENT", "GRID_WORKER", "COMMITTEE", "PARTY", "OWNERS_COMMITTEE", "PROPERTY_FIRM", "ADMIN"];

/**
 * assignableRoles is what a manager may grant: every role but resident
 * (every member has it), and admin only when the manager is an admin.
 */
export function assignableRoles(viewerIsAdmin: boolean): Role[] {
  return ROLES.filter((r) => r !== "RESIDENT" && (r !== "ADMIN" || viewerIsAdmin));
}

/** RoleGrant is one role a member holds; a grid worker's names its grid. */
export interface RoleGrant {
  role: Role;
  grid?: { id: string; name: string };
}

/**
 * roleGrants lists a member's grants as the revoke buttons need them: one
 * per grid for a grid worker, one per other role. A grid worker with no
 * grid on record is listed once without one.
 */
export function roleGrants(roles: readonly Role[], workerGrids: readonly { id: string; name: string }[]): RoleGrant[] {
  const out: RoleGrant[] = [];
  for (const r of ROLES) {
    if (!roles.includes(r)) continue;
    if (r === "GRID_WORKER" && workerGrids.length > 0) {
      for (const g of workerGrids) out.push({ role: r, grid: g });
    } else {
      out.push({ role: r });
    }
  }
  return out;
}
