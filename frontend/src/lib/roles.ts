import type { Role } from "../gql/graphql";

/** ROLES lists the roles in the order the UI shows them (the server's order, domain.Roles). */
export const ROLES: Role[] = [
  "RESIDENT",
  "GRID_WORKER",
  "COMMITTEE",
  "PARTY",
  "PARTY_MEMBER",
  "SUPERVISOR",
  "MEDIATOR",
  "OWNERS_COMMITTEE",
  "OWNERS_LEAD",
  "PROPERTY_FIRM",
  "PROPERTY_LEAD",
  "ADMIN",
];

/**
 * assignableRoles is what the role select offers: the roles the server says
 * the viewer may grant (Community.grantableRoles), in display order, and
 * never resident (every member has it).
 */
export function assignableRoles(grantable: readonly Role[]): Role[] {
  return ROLES.filter((r) => r !== "RESIDENT" && grantable.includes(r));
}

/**
 * mayRevoke reports whether the viewer may take a role away: the resident
 * role never, others when the server lists them as grantable.
 */
export function mayRevoke(role: Role, grantable: readonly Role[]): boolean {
  return role !== "RESIDENT" && grantable.includes(role);
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

/**
 * cappedList returns the first `cap` items of a list unless all are to be
 * shown, and how many are left out.
 */
export function cappedList<T>(items: readonly T[], cap: number, all: boolean): { shown: T[]; hidden: number } {
  if (all || items.length <= cap) return { shown: [...items], hidden: 0 };
  return { shown: items.slice(0, cap), hidden: items.length - cap };
}
