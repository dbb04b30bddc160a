import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { useQuery } from "urql";
import { JoinRequestList } from "../components/members/JoinRequestList";
import { ChipRow } from "../components/ChipRow";
import { SearchBox } from "../components/SearchBox";
import { CardSkeleton, EmptyState, FormError, LoadMore, Page, formatDate } from "../components/ui";
import { Tabs, useTab } from "../components/Tabs";
import { graphql } from "../gql";
import { useCommunity } from "../lib/community";
import { toFormErrors } from "../lib/errors";
import { MAX_MEMBER_SEARCH, memberFilters, microGridChips, withParams, type Chip } from "../lib/members";
import { usePaged } from "../lib/paged";
import { ROLES } from "../lib/roles";

const MembersQuery = graphql(`
  query Members($id: ID!, $role: Role, $gridId: ID, $microGridId: ID, $search: String, $after: String) {
    community(id: $id) {
      id
      members(first: 20, role: $role, gridId: $gridId, microGridId: $microGridId, search: $search, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          ...MemberFields
        }
      }
    }
  }
`);

const DirectoryOptionsQuery = graphql(`
  query MemberDirectoryOptions($id: ID!) {
    community(id: $id) {
      id
      grantableRoles
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

/** MembersPage is the member directory and the join requests, for staff. */
export function MembersPage() {
  const { t } = useTranslation();
  const { community, can } = useCommunity();
  const tab = useTab(["directory", "requests"] as const);
  if (!can.directory) {
    return (
      <Page title={t("members.title")}>
        <FormError message={t("app.forbidden")} />
      </Page>
    );
  }
  return (
    <Page title={t("members.title")} wide>
      <Tabs
        label={t("members.title")}
        current={tab}
        items={[
          { key: "directory", label: t("members.directory") },
          { key: "requests", label: t("members.requests") },
        ]}
      />
      {tab === "requests" ? <JoinRequestList communityId={community.id} /> : <Directory />}
    </Page>
  );
}

/**
 * Directory is the member list with a name search and filter chips for
 * grids, micro-grids and roles; the URL keeps the filters (?q=, ?grid=,
 * ?micro=, ?role=), each change a step in the history, so Back undoes it.
 */
function Directory() {
  const { t, i18n } = useTranslation();
  const { community } = useCommunity();
  const [params, setParams] = useSearchParams();
  const filters = memberFilters(params);
  const [options] = useQuery({ query: DirectoryOptionsQuery, variables: { id: community.id } });
  const list = usePaged(MembersQuery, { id: community.id, ...filters, after: null }, (d) => d.community?.members);
  const errs = toFormErrors(list.error, ["search"], t("app.networkError"));
  // Those who may grant or revoke some role manage a member's roles.
  const mayManage = (options.data?.community?.grantableRoles.length ?? 0) > 0;
  const places = options.data?.community?.grids.nodes ?? [];
  const grids: Chip[] = places.map((g) => ({ id: g.id, label: g.name }));
  const micros = microGridChips(places, filters.gridId);
  const roles: Chip[] = ROLES.map((r) => ({ id: r, label: t(`roles.${r}`) }));
  const set = (changes: Record<string, string | null>) => setParams(withParams(params, changes));
  const filtered = !!(filters.search || filters.gridId || filters.microGridId || filters.role);
  const clearAll = () => set({ q: null, grid: null, micro: null, role: null });
  return (
    <>
      <SearchBox
        key={filters.search ?? ""}
        label={t("members.search")}
        maxLength={MAX_MEMBER_SEARCH}
        search={filters.search}
        error={errs.fields.search}
        onSearch={(q) => set({ q })}
      />
      {grids.length > 1 && (
        <ChipRow
          label={t("members.filterGrid")}
          all={t("members.allGrids")}
          chips={grids}
          selected={filters.gridId}
          // Another grid's micro-grid would match no one.
          onSelect={(grid) => set({ grid, micro: null })}
        />
      )}
      {micros.length > 0 && (
        <ChipRow
          label={t("members.filterMicroGrid")}
          all={t("members.allMicroGrids")}
          chips={micros}
          selected={filters.microGridId}
          onSelect={(micro) => set({ micro })}
        />
      )}
      <ChipRow label={t("members.filterRole")} all={t("members.allRoles")} chips={roles} selected={filters.role} onSelect={(role) => set({ role })} />
      <FormError message={errs.form} />
      <div className="member-status">
        <p className="muted count" aria-live="polite">
          {list.totalCount === undefined
            ? "\u00a0"
            : filters.search
              ? t("members.countSearch", { count: list.totalCount, search: filters.search })
              : t("members.count", { count: list.totalCount })}
        </p>
        {filtered && list.nodes?.length !== 0 && (
          <button type="button" className="btn btn-quiet btn-small" onClick={clearAll}>
            {t("members.clearFilters")}
          </button>
        )}
      </div>
      {!list.nodes ? (
        <CardSkeleton count={4} />
      ) : list.nodes.length === 0 ? (
        <EmptyState title={t("members.empty")} hint={filtered ? t("members.emptyHint") : undefined}>
          {filtered && (
            <button type="button" className="btn" onClick={clearAll}>
              {t("members.clearFilters")}
            </button>
          )}
        </EmptyState>
      ) : (
        <ul className="cards cards-grid" aria-label={t("members.directory")}>
          {list.nodes.map((m) => (
            <li key={m.id} className="card member-card">
              <div className="member-card-head">
                <p className="card-title">
                  {m.user.name}{" "}
                  {m.assisted && (
                    <span className="tag tag-info" title={t("members.assistedLong")}>
                      {t("members.assisted")}
                    </span>
                  )}
                </p>
                {mayManage && (
                  <Link
                    className="btn btn-small"
                    to={`/c/${community.id}/members/${m.id}`}
                    aria-label={t("app.labelFor", { action: t("members.manage"), name: m.user.name })}
                  >
                    {t("members.manage")}
                  </Link>
                )}
              </div>
              <p className="roles">
                {m.roles.map((r) => (
                  <span key={r} className="tag">
                    {t(`roles.${r}`)}
                  </span>
                ))}
              </p>
              <p className="muted small">
                {[m.grid?.name, m.microGrid?.name, t("members.joined", { date: formatDate(m.joinedAt, i18n.language) })]
                  .filter(Boolean)
                  .join(" · ")}
              </p>
              {m.workerGrids.length > 0 && (
                <p className="muted small">{t("members.worksFor", { grids: m.workerGrids.map((g) => g.name).join("、") })}</p>
              )}
            </li>
          ))}
        </ul>
      )}
      {list.hasNextPage && <LoadMore onClick={() => void list.loadMore()} loading={list.loadingMore} />}
    </>
  );
}
