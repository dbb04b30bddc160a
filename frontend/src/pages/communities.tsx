import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation, useNavigate, useParams } from "react-router";
import { useMutation, useQuery } from "urql";
import { NotFoundPage } from "../components/NotFound";
import { CardSkeleton, EmptyState, FormError, Notice, Page, SelectField, Skeleton, TextArea, formatDate } from "../components/ui";
import { graphql } from "../gql";
import { toFormErrors } from "../lib/errors";
import { useViewer } from "../viewer";

const CommunitiesQuery = graphql(`
  query Communities($after: String) {
    communities(first: 50, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        name
        kind
        street {
          id
          name
        }
      }
    }
  }
`);

const JoinFormQuery = graphql(`
  query JoinForm($id: ID!) {
    community(id: $id) {
      id
      name
      kind
      street {
        id
        name
      }
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

const RequestToJoinMutation = graphql(`
  mutation RequestToJoin($input: RequestToJoinInput!) {
    requestToJoin(input: $input) {
      joinRequest {
        id
        state
      }
    }
  }
`);

/**
 * CommunitiesPage lists villages and communities by street, with what the
 * viewer has to do with each: open it, wait for a request, or ask to join.
 */
export function CommunitiesPage() {
  const { t, i18n } = useTranslation();
  const { viewer } = useViewer();
  const location = useLocation();
  const joined = (location.state as { joined?: string } | null)?.joined;
  const [after, setAfter] = useState<string | null>(null);
  const [res] = useQuery({ query: CommunitiesQuery, variables: { after } });
  const [seen, setSeen] = useState<NonNullable<typeof res.data>["communities"]["nodes"]>([]);
  const page = res.data?.communities;
  const all = after ? [...seen, ...(page?.nodes ?? []).filter((n) => !seen.some((s) => s.id === n.id))] : page?.nodes ?? [];
  const errs = toFormErrors(res.error, [], t("app.networkError"));
  const member = new Map(viewer?.memberships.map((m) => [m.community.id, m]) ?? []);
  const pending = new Map(
    viewer?.joinRequests.filter((r) => r.state === "PENDING").map((r) => [r.community.id, r]) ?? [],
  );
  const decided = viewer?.joinRequests.filter((r) => r.state !== "PENDING") ?? [];

  const byStreet = new Map<string, { name: string; items: typeof all }>();
  for (const c of all) {
    const g = byStreet.get(c.street.id) ?? { name: c.street.name, items: [] };
    g.items.push(c);
    byStreet.set(c.street.id, g);
  }

  return (
    <Page title={t("communities.title")}>
      <p className="lead">{t("communities.intro")}</p>
      <Notice message={joined ? t("communities.joinSent") : undefined} />
      <FormError message={errs.form} />
      {viewer && viewer.joinRequests.length > 0 && (
        <section className="panel" aria-labelledby="myreq-h">
          <h2 id="myreq-h">{t("communities.myRequests")}</h2>
          <ul className="link-list">
            {[...pending.values(), ...decided].map((r) => (
              <li key={r.id}>
                <span>
                  {r.community.name} · {r.grid.name}
                  {r.microGrid ? ` · ${r.microGrid.name}` : ""}
                </span>
                <span className={r.state === "REJECTED" ? "tag tag-warn" : r.state === "APPROVED" ? "tag tag-ok" : "tag"}>
                  {t(`communities.requestState.${r.state}`)}
                </span>
                <span className="muted small">{formatDate(r.createdAt, i18n.language)}</span>
                {r.reason && <span className="muted small">{t("communities.rejectedReason", { reason: r.reason })}</span>}
              </li>
            ))}
          </ul>
        </section>
      )}
      {!page && !res.error ? (
        <CardSkeleton count={3} />
      ) : all.length === 0 ? (
        <EmptyState title={t("communities.empty")} />
      ) : (
        [...byStreet.entries()].map(([id, g]) => (
          <section key={id} aria-label={g.name}>
            <h2 className="group-title">{g.name}</h2>
            <ul className="cards">
              {g.items.map((c) => {
                const m = member.get(c.id);
                const p = pending.get(c.id);
                return (
                  <li key={c.id} className="card card-row">
                    <div>
                      <p className="card-title">{c.name}</p>
                      <p className="muted small">{t(`kinds.${c.kind}`)}</p>
                    </div>
                    {m ? (
                      <Link
                        className="btn btn-primary"
                        to={`/c/${c.id}`}
                        aria-label={t("app.labelFor", { action: t("communities.enter"), name: c.name })}
                      >
                        {t("communities.enter")}
                      </Link>
                    ) : p ? (
                      <span className="tag">{t("communities.pending")}</span>
                    ) : (
                      <Link
                        className="btn"
                        to={`/communities/${c.id}/join`}
                        aria-label={t("app.labelFor", { action: t("communities.requestJoin"), name: c.name })}
                      >
                        {t("communities.requestJoin")}
                      </Link>
                    )}
                  </li>
                );
              })}
            </ul>
          </section>
        ))
      )}
      {page?.pageInfo.hasNextPage && (
        <button
          type="button"
          className="btn btn-block"
          disabled={res.fetching}
          onClick={() => {
            setSeen(all);
            setAfter(page.pageInfo.endCursor ?? null);
          }}
        >
          {t("app.more")}
        </button>
      )}
      <section className="panel" aria-labelledby="open-h">
        <h2 id="open-h">{t("communities.notListed")}</h2>
        <p>{t("communities.notListedHint")}</p>
        <Link className="btn" to="/communities/request">
          {t("communityRequest.title")}
        </Link>
      </section>
    </Page>
  );
}

/** JoinPage asks to join a community, naming the grid and micro-grid one lives in. */
export function JoinPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const navigate = useNavigate();
  const { refetch } = useViewer();
  const [res] = useQuery({ query: JoinFormQuery, variables: { id } });
  const [jres, join] = useMutation(RequestToJoinMutation);
  const [gridId, setGridId] = useState("");
  const [microGridId, setMicroGridId] = useState("");
  const [message, setMessage] = useState("");
  const c = res.data?.community;
  const errs = toFormErrors(jres.error ?? res.error, ["gridId", "microGridId", "message"], t("app.networkError"));

  if (res.data && !c) return <NotFoundPage />;
  const grid = c?.grids.nodes.find((g) => g.id === gridId);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const r = await join({
      input: { communityId: id, gridId, microGridId: microGridId || null, message: message.trim() || null },
    });
    if (r.data?.requestToJoin) {
      refetch();
      navigate("/communities", { replace: true, state: { joined: c?.name } });
    }
  }

  return (
    <Page title={c ? t("communities.joinTitle", { name: c.name }) : t("communities.requestJoin")}>
      <p className="lead">{t("communities.joinIntro")}</p>
      {!c ? (
        <Skeleton lines={4} />
      ) : (
        <form onSubmit={submit} noValidate className="form">
          <FormError message={errs.form} />
          <SelectField
            label={t("communities.grid")}
            name="gridId"
            value={gridId}
            onChange={(e) => {
              setGridId(e.target.value);
              setMicroGridId("");
            }}
            error={errs.fields.gridId}
            required
          >
            <option value="">{t("communities.chooseGrid")}</option>
            {c.grids.nodes.map((g) => (
              <option key={g.id} value={g.id}>
                {g.name}
              </option>
            ))}
          </SelectField>
          <SelectField
            label={t("communities.microGrid")}
            name="microGridId"
            value={microGridId}
            onChange={(e) => setMicroGridId(e.target.value)}
            error={errs.fields.microGridId}
            disabled={!grid}
            optional
          >
            <option value="">{t("communities.chooseMicroGrid")}</option>
            {grid?.microGrids.nodes.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </SelectField>
          <TextArea
            label={t("communities.message")}
            hint={t("communities.messageHint")}
            name="message"
            rows={3}
            maxLength={200}
            value={message}
            onChange={(e) => setMessage(e.target.value)}
            error={errs.fields.message}
            optional
          />
          <button type="submit" className="btn btn-primary btn-block" disabled={jres.fetching}>
            {jres.fetching ? t("communities.submitting") : t("communities.submitJoin")}
          </button>
        </form>
      )}
    </Page>
  );
}
