import { graphql } from "../gql";
import type { Role } from "../gql/graphql";
import { ROLES } from "./roles";

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

/** MAX_MEMBER_SEARCH is the longest name search the server takes (community.MaxMemberSearch). */
export const MAX_MEMBER_SEARCH = 32;

/** MemberFilters are the member directory's filters, as the URL keeps them (?q=, ?grid=, ?micro=, ?role=). */
export interface MemberFilters {
  search: string | null;
  gridId: string | null;
  microGridId: string | null;
  role: Role | null;
}

/** memberFilters reads the directory's filters from the URL's query; an unknown role is no filter. */
export function memberFilters(params: URLSearchParams): MemberFilters {
  const role = params.get("role") ?? "";
  return {
    search: params.get("q")?.trim() || null,
    gridId: params.get("grid") || null,
    microGridId: params.get("micro") || null,
    role: (ROLES as string[]).includes(role) ? (role as Role) : null,
  };
}

/** withParams returns params with each key of changes set to its value, or removed when the value is empty; other keys stay. */
export function withParams(params: URLSearchParams, changes: Record<string, string | null>): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const [k, v] of Object.entries(changes)) {
    if (v) next.set(k, v);
    else next.delete(k);
  }
  return next;
}

/** Chip is one filter chip: what it selects and what it says. */
export interface Chip {
  id: string;
  label: string;
}

/** PlaceGrid is a grid with its micro-grids, as the directory's filters load them. */
export interface PlaceGrid {
  id: string;
  name: string;
  microGrids: { nodes: readonly { id: string; name: string }[] };
}

/**
 * microGridChips lists as filter chips the micro-grids of the grid gridId,
 * or of every grid, grid by grid, when gridId is null; where two grids'
 * micro-grids share a name, the grid's name tells them apart.
 */
export function microGridChips(grids: readonly PlaceGrid[], gridId: string | null = null): Chip[] {
  const shown = gridId ? grids.filter((g) => g.id === gridId) : grids;
  const seen = new Map<string, number>();
  for (const g of shown) for (const m of g.microGrids.nodes) seen.set(m.name, (seen.get(m.name) ?? 0) + 1);
  return shown.flatMap((g) =>
    g.microGrids.nodes.map((m) => ({ id: m.id, label: (seen.get(m.name) ?? 0) > 1 ? `${g.name} · ${m.name}` : m.name })),
  );
}
