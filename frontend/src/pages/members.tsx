import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { useMutation, useQuery } from "urql";
import {
  CardSkeleton,
  EmptyState,
  FormError,
  Notice,
  Page,
  SelectField,
  TextArea,
  formatDate,
} from "../components/ui";
import { graphql } from "../gql";
import type { Role } from "../gql/graphql";
import { useCommunity } from "../lib/community";
import { toFormErrors } from "../lib/errors";
import { ROLES } from "../lib/roles";

const MembersQuery = graphql(`
  query Members($id: ID!, $role: Role, $gridId: ID, $after: String) {
    community(id: $id) {
      id
      grantableRoles
      members(first: 50, role: $role, gridId: $gridId, after: $after) {
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

const GridsQuery = graphql(`
  query GridOptions($id: ID!) {
    community(id: $id) {
      id
      grids(first: 100) {
        nodes {
          id
          name
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
  const [params, setParams] = useSearchParams();
  const tab = params.get("tab") === "requests" ? "requests" : "directory";
  if (!can.directory) {
    return (
      <Page title={t("members.title")}>
        <FormError message={t("app.forbidden")} />
      </Page>
    );
  }
  const tabLink = (to: "directory" | "requests", label: string) => (
    <Link
      to={to === "requests" ? "?tab=requests" : "?"}
      className={tab === to ? "tab tab-current" : "tab"}
      aria-current={tab === to ? "page" : undefined}
      onClick={(e) => {
        e.preventDefault();
        setParams(to === "requests" ? { tab: "requests" } : {}, { replace: true });
      }}
    >
      {label}
    </Link>
  );
  return (
    <Page title={t("members.title")} wide>
      <nav className="tabs" aria-label={t("members.title")}>
        {tabLink("directory", t("members.directory"))}
        {tabLink("requests", t("members.requests"))}
      </nav>
      {tab === "requests" ? <JoinRequestList communityId={community.id} /> : <Directory />}
    </Page>
  );
}

function Directory() {
  const { t, i18n } = useTranslation();
  const { community } = useCommunity();
  const [params, setParams] = useSearchParams();
  const role = (ROLES as string[]).includes(params.get("role") ?? "") ? (params.get("role") as Role) : null;
  const gridId = params.get("grid") || null;
  const [res] = useQuery({
    query: MembersQuery,
    variables: { id: community.id, role, gridId },
    requestPolicy: "cache-and-network",
  });
  const [grids] = useQuery({ query: GridsQuery, variables: { id: community.id } });
  const errs = toFormErrors(res.error, [], t("app.networkError"));
  const list = res.data?.community?.members;
  // Those who may grant or revoke some role manage a member's roles.
  const mayManage = (res.data?.community?.grantableRoles.length ?? 0) > 0;
  const setFilter = (k: string, v: string) => {
    const next = new URLSearchParams(params);
    if (v) next.set(k, v);
    else next.delete(k);
    setParams(next, { replace: true });
  };
  return (
    <>
      <div className="filters">
        <SelectField label={t("members.filterRole")} value={role ?? ""} onChange={(e) => setFilter("role", e.target.value)}>
          <option value="">{t("members.allRoles")}</option>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`roles.${r}`)}
            </option>
          ))}
        </SelectField>
        <SelectField label={t("members.filterGrid")} value={gridId ?? ""} onChange={(e) => setFilter("grid", e.target.value)}>
          <option value="">{t("members.allGrids")}</option>
          {grids.data?.community?.grids.nodes.map((g) => (
            <option key={g.id} value={g.id}>
              {g.name}
            </option>
          ))}
        </SelectField>
      </div>
      <FormError message={errs.form} />
      <p className="muted count" aria-live="polite">
        {list ? t("members.count", { count: list.totalCount }) : "\u00a0"}
      </p>
      {!list ? (
        <CardSkeleton count={4} />
      ) : list.nodes.length === 0 ? (
        <EmptyState title={t("members.empty")} />
      ) : (
        <ul className="cards cards-grid" aria-label={t("members.directory")}>
          {list.nodes.map((m) => (
            <li key={m.id} className="card">
              <p className="card-title">
                {m.user.name}{" "}
                {m.assisted && (
                  <span className="tag tag-info" title={t("members.assistedLong")}>
                    {t("members.assisted")}
                  </span>
                )}
              </p>
              <p className="roles">
                {m.roles.map((r) => (
                  <span key={r} className="tag">
                    {t(`roles.${r}`)}
                  </span>
                ))}
              </p>
              <p className="muted small">
                {[m.grid?.name, m.microGrid?.name].filter(Boolean).join(" · ") || t("members.noGrid")}
              </p>
              {m.workerGrids.length > 0 && (
                <p className="muted small">{t("members.worksFor", { grids: m.workerGrids.map((g) => g.name).join("、") })}</p>
              )}
              <p className="muted small">{t("members.joined", { date: formatDate(m.joinedAt, i18n.language) })}</p>
              {mayManage && (
                <Link
                  className="btn btn-small"
                  to={`/c/${community.id}/members/${m.id}`}
                  aria-label={t("app.labelFor", { action: t("members.manage"), name: m.user.name })}
                >
                  {t("members.manage")}
                </Link>
              )}
            </li>
          ))}
        </ul>
      )}
    </>
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
