import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { useMutation, useQuery } from "urql";
import { CardSkeleton, EmptyState, FormError, LoadMore, Notice, Page, TextArea, formatDate } from "../components/ui";
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

const JoinRequestsQuery = graphql(`
  query JoinRequests($id: ID!) {
    community(id: $id) {
      id
      joinRequests(first: 50, state: PENDING) {
        totalCount
        nodes {
          id
          createdAt
          message
          state
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

const ApproveMutation = graphql(`
  mutation ApproveJoinRequest($input: ApproveJoinRequestInput!) {
    approveJoinRequest(input: $input) {
      joinRequest {
        id
        state
      }
    }
  }
`);

const RejectMutation = graphql(`
  mutation RejectJoinRequest($input: RejectJoinRequestInput!) {
    rejectJoinRequest(input: $input) {
      joinRequest {
        id
        state
        reason
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
      <MemberSearch key={filters.search ?? ""} search={filters.search} error={errs.fields.search} onSearch={(q) => set({ q })} />
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

/**
 * MemberSearch is the name search: the box and its 搜索 button on one line,
 * searching on Enter too. The server's error about the search shows under
 * the box until the words change.
 */
function MemberSearch({ search, error, onSearch }: { search: string | null; error?: string; onSearch: (q: string | null) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [query, setQuery] = useState(search ?? "");
  const shown = query.trim() === (search ?? "") ? error : undefined;
  return (
    <form
      role="search"
      className={shown ? "field field-invalid member-search" : "field member-search"}
      onSubmit={(e) => {
        e.preventDefault();
        onSearch(query.trim() || null);
      }}
    >
      <label htmlFor={id}>{t("members.search")}</label>
      <div className="member-search-row">
        <input
          id={id}
          type="search"
          name="q"
          enterKeyHint="search"
          autoComplete="off"
          maxLength={MAX_MEMBER_SEARCH}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          aria-invalid={shown ? true : undefined}
          aria-describedby={shown ? id + "-error" : undefined}
        />
        <button type="submit" className="btn btn-primary">
          {t("members.searchSubmit")}
        </button>
      </div>
      {shown && (
        <p className="field-error" id={id + "-error"}>
          <span aria-hidden="true">⚠ </span>
          {shown}
        </p>
      )}
    </form>
  );
}

/**
 * ChipRow is a row of filter chips, "all" first, one of them pressed; it
 * scrolls sideways on a narrow screen. Pressing the pressed chip again lets
 * it go. The "all" chip says what the row is; label names it for screen
 * readers.
 */
function ChipRow<T extends string>({
  label,
  all,
  chips,
  selected,
  onSelect,
}: {
  label: string;
  all: string;
  chips: readonly (Chip & { id: T })[];
  selected: T | null;
  onSelect: (id: T | null) => void;
}) {
  const row = useRef<HTMLDivElement>(null);
  // A chip chosen off screen (by a link, or Back) is scrolled into view.
  useEffect(() => {
    const el = row.current;
    const chip = el?.querySelector<HTMLElement>('[aria-pressed="true"]');
    if (!el || !chip) return;
    if (chip.offsetLeft < el.scrollLeft || chip.offsetLeft + chip.offsetWidth > el.scrollLeft + el.clientWidth) {
      el.scrollLeft = Math.max(0, chip.offsetLeft - 16);
    }
  }, [selected, chips.length]);
  return (
    <div className="chips" role="group" aria-label={label} ref={row}>
      <button type="button" className="chip" aria-pressed={selected === null} onClick={() => onSelect(null)}>
        {all}
      </button>
      {chips.map((c) => (
        <button
          key={c.id}
          type="button"
          className="chip"
          aria-pressed={selected === c.id}
          onClick={() => onSelect(selected === c.id ? null : c.id)}
        >
          {c.label}
        </button>
      ))}
    </div>
  );
}

function JoinRequestList({ communityId }: { communityId: string }) {
  const { t, i18n } = useTranslation();
  const [res, refetch] = useQuery({
    query: JoinRequestsQuery,
    variables: { id: communityId },
    requestPolicy: "cache-and-network",
  });
  const [ares, approve] = useMutation(ApproveMutation);
  const [rres, reject] = useMutation(RejectMutation);
  const [rejecting, setRejecting] = useState<string | null>(null);
  const [reason, setReason] = useState("");
  const [notice, setNotice] = useState<string>();
  const list = res.data?.community?.joinRequests;
  const actErr = toFormErrors(ares.error, [], t("app.networkError"));
  const rejErr = toFormErrors(rres.error, ["reason"], t("app.networkError"));
  const loadErr = toFormErrors(res.error, [], t("app.networkError"));

  async function doReject(e: FormEvent, id: string, name: string) {
    e.preventDefault();
    const r = await reject({ input: { joinRequestId: id, reason } });
    if (r.data) {
      setNotice(t("members.rejected", { name }));
      setRejecting(null);
      setReason("");
      refetch({ requestPolicy: "network-only" });
    }
  }

  return (
    <>
      <FormError message={loadErr.form ?? actErr.form} />
      <Notice message={notice} />
      {!list ? (
        <CardSkeleton count={2} />
      ) : list.nodes.length === 0 ? (
        <EmptyState title={t("members.requestsEmpty")} />
      ) : (
        <ul className="cards" aria-label={t("members.requests")}>
          {list.nodes.map((r) => (
            <li key={r.id} className="card">
              <p className="card-title">{r.user.name}</p>
              <p>
                {r.grid.name}
                {r.microGrid ? ` · ${r.microGrid.name}` : ""}
              </p>
              {r.message && <p className="quote">“{r.message}”</p>}
              <p className="muted small">{t("members.requestedAt", { date: formatDate(r.createdAt, i18n.language) })}</p>
              {rejecting === r.id ? (
                <form onSubmit={(e) => doReject(e, r.id, r.user.name)} noValidate className="form">
                  <FormError message={rejErr.form} />
                  <TextArea
                    label={t("members.rejectReason")}
                    hint={t("members.rejectReasonHint")}
                    rows={2}
                    maxLength={200}
                    value={reason}
                    onChange={(e) => setReason(e.target.value)}
                    error={rejErr.fields.reason}
                    autoFocus
                  />
                  <div className="actions">
                    <button type="submit" className="btn btn-danger" disabled={rres.fetching}>
                      {t("members.confirmReject")}
                    </button>
                    <button type="button" className="btn" onClick={() => setRejecting(null)}>
                      {t("app.cancel")}
                    </button>
                  </div>
                </form>
              ) : (
                <div className="actions">
                  <button
                    type="button"
                    className="btn btn-primary"
                    aria-label={t("app.labelFor", { action: t("members.approve"), name: r.user.name })}
                    disabled={ares.fetching}
                    onClick={async () => {
                      setNotice(undefined);
                      const x = await approve({ input: { joinRequestId: r.id } });
                      if (x.data) {
                        setNotice(t("members.approved", { name: r.user.name }));
                        refetch({ requestPolicy: "network-only" });
                      }
                    }}
                  >
                    {t("members.approve")}
                  </button>
                  <button
                    type="button"
                    className="btn"
                    aria-label={t("app.labelFor", { action: t("members.reject"), name: r.user.name })}
                    onClick={() => {
                      setNotice(undefined);
                      setReason("");
                      setRejecting(r.id);
                    }}
                  >
                    {t("members.reject")}
                  </button>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
