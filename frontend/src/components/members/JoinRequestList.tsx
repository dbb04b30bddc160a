import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useMutation, useQuery } from "urql";
import { CardSkeleton, EmptyState, FormError, Notice, TextArea, formatDate } from "../ui";
import { graphql } from "../../gql";
import { toFormErrors } from "../../lib/errors";

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

/** JoinRequestList is the community's pending join requests, for staff to approve or reject with a reason. */
export function JoinRequestList({ communityId }: { communityId: string }) {
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
