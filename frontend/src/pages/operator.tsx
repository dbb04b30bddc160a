import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useMutation, useQuery } from "urql";
import { CardSkeleton, EmptyState, FormError, LoadMore, Notice, Page, TextArea, TextField, formatDate } from "../components/ui";
import { graphql } from "../gql";
import type { PendingCommunityRequestsQuery } from "../gql/graphql";
import { STREET_CODE_DIGITS, codeProblem, normalizeCode } from "../lib/divisions";
import { toFormErrors, withoutFields } from "../lib/errors";
import { usePaged } from "../lib/paged";
import { useViewer } from "../viewer";

const PendingRequestsQuery = graphql(`
  query PendingCommunityRequests($after: String) {
    communityRequests(state: PENDING, first: 20, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        name
        kind
        code
        note
        state
        createdAt
        street {
          id
          name
          code
        }
        requestedBy {
          id
          name
        }
      }
    }
  }
`);

const ApproveRequestMutation = graphql(`
  mutation ApproveCommunityRequest($input: ApproveCommunityRequestInput!) {
    approveCommunityRequest(input: $input) {
      communityRequest {
        id
        state
        community {
          id
          name
        }
      }
    }
  }
`);

const RejectRequestMutation = graphql(`
  mutation RejectCommunityRequest($input: RejectCommunityRequestInput!) {
    rejectCommunityRequest(input: $input) {
      communityRequest {
        id
        state
        reason
      }
    }
  }
`);

const StreetsQuery = graphql(`
  query OperatorStreets {
    streets(first: 100) {
      totalCount
      nodes {
        id
        name
        code
      }
    }
  }
`);

const CreateStreetMutation = graphql(`
  mutation CreateStreet($input: CreateStreetInput!) {
    createStreet(input: $input) {
      street {
        id
        name
        code
      }
    }
  }
`);

/**
 * OperatorPage is the platform operators' workbench: the requests to open
 * a community, to approve or turn down, and new streets.
 */
export function OperatorPage() {
  const { t } = useTranslation();
  const { viewer } = useViewer();
  const [notice, setNotice] = useState<string>();
  if (!viewer?.isOperator) {
    return (
      <Page title={t("operator.title")}>
        <FormError message={t("app.forbidden")} />
      </Page>
    );
  }
  return (
    <Page title={t("operator.title")}>
      <p className="lead">{t("operator.intro")}</p>
      <Notice message={notice} />
      <PendingRequests onDone={setNotice} />
      <StreetForm onDone={setNotice} />
    </Page>
  );
}

type Request = PendingCommunityRequestsQuery["communityRequests"]["nodes"][number];

function PendingRequests({ onDone }: { onDone: (msg: string | undefined) => void }) {
  const { t } = useTranslation();
  const list = usePaged(PendingRequestsQuery, { after: null }, (d) => d.communityRequests);
  const errs = toFormErrors(list.error, [], t("app.networkError"));
  return (
    <section aria-labelledby="requests-h">
      <h2 id="requests-h">{t("operator.requests")}</h2>
      <FormError message={errs.form} />
      {!list.nodes ? (
        !list.error && <CardSkeleton count={2} />
      ) : list.nodes.length === 0 ? (
        <EmptyState title={t("operator.requestsEmpty")} />
      ) : (
        <>
          <p className="muted count">{t("operator.count", { count: list.totalCount ?? list.nodes.length })}</p>
          <ul className="cards" aria-label={t("operator.requests")}>
            {list.nodes.map((r) => (
              <RequestCard key={r.id} r={r} onDone={onDone} />
            ))}
          </ul>
          {list.hasNextPage && <LoadMore onClick={() => void list.loadMore()} loading={list.loadingMore} />}
        </>
      )}
    </section>
  );
}

/** RequestCard is one request with its decision: approve asks first; reject needs a reason. */
function RequestCard({ r, onDone }: { r: Request; onDone: (msg: string | undefined) => void }) {
  const { t, i18n } = useTranslation();
  const [ares, approve] = useMutation(ApproveRequestMutation);
  const [rres, reject] = useMutation(RejectRequestMutation);
  const [mode, setMode] = useState<"idle" | "approve" | "reject">("idle");
  const [reason, setReason] = useState("");
  const [reasonMissing, setReasonMissing] = useState(false);
  const [edited, setEdited] = useState(false);
  const approveErr = toFormErrors(ares.error, [], t("app.networkError"));
  const rejectErr = withoutFields(toFormErrors(rres.error, ["reason"], t("app.networkError")), edited ? ["reason"] : []);
  const label = (action: string) => t("app.labelFor", { action, name: r.name });

  async function doReject(e: FormEvent) {
    e.preventDefault();
    setEdited(false);
    if (!reason.trim()) {
      setReasonMissing(true);
      return;
    }
    const x = await reject({ input: { requestId: r.id, reason: reason.trim() } });
    if (x.data) onDone(t("operator.rejected", { community: r.name }));
  }

  return (
    <li className="card">
      <p className="card-title">
        {r.name} <span className="tag">{t(`kinds.${r.kind}`)}</span>
      </p>
      <dl className="facts">
        <dt>{t("operator.street")}</dt>
        <dd>{r.street.name}</dd>
        <dt>{t("operator.code")}</dt>
        <dd className="mono">{r.code}</dd>
        <dt>{t("operator.requestedBy")}</dt>
        <dd>{r.requestedBy.name}</dd>
        <dt>{t("operator.requestedAt")}</dt>
        <dd>{formatDate(r.createdAt, i18n.language)}</dd>
      </dl>
      <p className="quote">“{r.note}”</p>
      <FormError message={approveErr.form ?? rejectErr.form} />
      {mode === "idle" && (
        <div className="actions">
          <button
            type="button"
            className="btn btn-primary"
            aria-label={label(t("operator.approve"))}
            onClick={() => {
              onDone(undefined);
              setMode("approve");
            }}
          >
            {t("operator.approve")}
          </button>
          <button
            type="button"
            className="btn"
            aria-label={label(t("operator.reject"))}
            onClick={() => {
              onDone(undefined);
              setReason("");
              setReasonMissing(false);
              setMode("reject");
            }}
          >
            {t("operator.reject")}
          </button>
        </div>
      )}
      {mode === "approve" && (
        <div className="confirm" role="group" aria-labelledby={`approve-q-${r.id}`}>
          <p id={`approve-q-${r.id}`}>{t("operator.approveConfirm", { name: r.requestedBy.name, community: r.name })}</p>
          <div className="actions">
            <button
              type="button"
              className="btn btn-danger"
              disabled={ares.fetching}
              onClick={async () => {
                const x = await approve({ input: { requestId: r.id } });
                if (x.data) onDone(t("operator.approved", { community: r.name }));
              }}
            >
              {t("operator.approveYes")}
            </button>
            <button type="button" className="btn" onClick={() => setMode("idle")}>
              {t("app.cancel")}
            </button>
          </div>
        </div>
      )}
      {mode === "reject" && (
        <form onSubmit={doReject} noValidate className="form">
          <TextArea
            label={t("operator.rejectReason")}
            hint={t("operator.rejectReasonHint")}
            rows={2}
            maxLength={200}
            value={reason}
            onChange={(e) => {
              setReason(e.target.value);
              setReasonMissing(false);
              setEdited(true);
            }}
            error={reasonMissing ? t("operator.reasonRequired") : rejectErr.fields.reason}
            autoFocus
          />
          <div className="actions">
            <button type="submit" className="btn btn-danger" disabled={rres.fetching}>
              {t("operator.rejectYes")}
            </button>
            <button type="button" className="btn" onClick={() => setMode("idle")}>
              {t("app.cancel")}
            </button>
          </div>
        </form>
      )}
    </li>
  );
}

/** StreetForm opens a street (乡镇、街道), under which communities are requested. */
function StreetForm({ onDone }: { onDone: (msg: string | undefined) => void }) {
  const { t } = useTranslation();
  const [streets, refetch] = useQuery({ query: StreetsQuery, requestPolicy: "cache-and-network" });
  const [res, create] = useMutation(CreateStreetMutation);
  const [name, setName] = useState("");
  const [code, setCode] = useState("");
  const [client, setClient] = useState<{ name?: string; code?: string }>({});
  const [edited, setEdited] = useState<string[]>([]);
  const errs = withoutFields(toFormErrors(res.error, ["name", "code"], t("app.networkError")), edited);
  const list = streets.data?.streets;

  async function submit(e: FormEvent) {
    e.preventDefault();
    onDone(undefined);
    setEdited([]);
    const problem = codeProblem(code, STREET_CODE_DIGITS);
    const found = {
      name: name.trim() ? undefined : t("operator.streetNameRequired"),
      code: problem ? t(`divisionCode.${problem}`, { n: STREET_CODE_DIGITS, code: "" }) : undefined,
    };
    setClient(found);
    if (found.name || found.code) return;
    const r = await create({ input: { name: name.trim(), code: normalizeCode(code) } });
    if (r.data) {
      onDone(t("operator.streetCreated", { name: r.data.createStreet.street.name }));
      setName("");
      setCode("");
      refetch({ requestPolicy: "network-only" });
    }
  }

  return (
    <section className="panel" aria-labelledby="street-h">
      <h2 id="street-h">{t("operator.newStreet")}</h2>
      <form onSubmit={submit} noValidate className="form">
        <FormError message={errs.form} />
        <TextField
          label={t("operator.streetName")}
          hint={t("operator.streetNameHint")}
          name="name"
          maxLength={64}
          value={name}
          onChange={(e) => {
            setName(e.target.value);
            setClient({ ...client, name: undefined });
            setEdited([...edited, "name"]);
          }}
          error={client.name ?? errs.fields.name}
        />
        <TextField
          label={t("operator.streetCode")}
          hint={t("operator.streetCodeHint")}
          name="code"
          inputMode="numeric"
          autoComplete="off"
          maxLength={STREET_CODE_DIGITS + 4}
          value={code}
          onChange={(e) => {
            setCode(e.target.value);
            setClient({ ...client, code: undefined });
            setEdited([...edited, "code"]);
          }}
          error={client.code ?? errs.fields.code}
        />
        <button type="submit" className="btn btn-primary btn-block" disabled={res.fetching}>
          {t("operator.createStreet")}
        </button>
      </form>
      {list && list.nodes.length > 0 && (
        <details className="disclosure">
          <summary>{t("operator.streetList", { count: list.totalCount })}</summary>
          <ul className="link-list">
            {list.nodes.map((s) => (
              <li key={s.id}>
                <span>{s.name}</span>
                <span className="muted small mono">{s.code}</span>
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
