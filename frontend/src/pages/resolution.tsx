import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link, Navigate, useParams } from "react-router";
import { useMutation, useQuery } from "urql";
import { ConfirmSheet } from "../components/ConfirmSheet";
import { ItemCorrection } from "../components/ItemCorrection";
import { NotFoundPage } from "../components/NotFound";
import { Progress } from "../components/Progress";
import { EmptyState, FormError, Notice, Page, SelectField, Skeleton, TextArea, TextField, formatDate, formatDateTime } from "../components/ui";
import { graphql } from "../gql";
import type { Party } from "../gql/graphql";
import { clampProgress, fromLocalInput, mayClose, partyKey, ratingOpen, resolutionStage, ratingWordKey, stageDateKey, stageKey, stageTagClass, starsText } from "../lib/deliberation";
import { useCommunity } from "../lib/community";
import { toFormErrors, withoutFields } from "../lib/errors";
import { useMemberPicker } from "../lib/memberPicker";
import { useViewer } from "../viewer";

const ResolutionQuery = graphql(`
  query Resolution($id: ID!) {
    node(id: $id) {
      __typename
      ... on Resolution {
        id
        text
        stage
        adoptedAt
        effectiveAt
        unansweredObjections
        summary
        unfinishedReason
        progress
        topic {
          id
          title
          community {
            id
          }
        }
        objections {
          id
          text
          at
          answer
          answeredAt
          by {
            id
            name
          }
        }
        actionItems {
          id
          title
          volunteerNeeds {
            id
            title
            state
          }
          due
          weight
          progress
          status
          ownerParty
          owner {
            id
            name
          }
          updates {
            at
            progress
            text
            link
            by {
              id
              name
            }
          }
        }
        removedActionItems {
          id
          title
          updates {
            at
            text
            by {
              id
              name
            }
          }
        }
        satisfaction {
          average
          count
          byStars
        }
        myRating
      }
    }
  }
`);

const ObjectMutation = graphql(`
  mutation ObjectToResolution($input: ObjectToResolutionInput!) {
    objectToResolution(input: $input) {
      resolution {
        id
      }
    }
  }
`);

const AnswerObjectionMutation = graphql(`
  mutation AnswerObjection($input: AnswerObjectionInput!) {
    answerObjection(input: $input) {
      ok
    }
  }
`);

const AddActionItemMutation = graphql(`
  mutation AddActionItem($input: AddActionItemInput!) {
    addActionItem(input: $input) {
      actionItem {
        id
      }
    }
  }
`);

const UpdateActionItemMutation = graphql(`
  mutation UpdateActionItem($input: UpdateActionItemInput!) {
    updateActionItem(input: $input) {
      actionItem {
        id
        progress
      }
    }
  }
`);

const RateMutation = graphql(`
  mutation RateResolution($input: RateResolutionInput!) {
    rateResolution(input: $input) {
      resolution {
        id
        myRating
      }
    }
  }
`);

const CloseResolutionMutation = graphql(`
  mutation CloseResolution($input: CloseResolutionInput!) {
    closeResolution(input: $input) {
      resolution {
        id
        stage
        summary
      }
    }
  }
`);

const PARTIES = ["RESIDENTS_COMMITTEE", "OWNERS_COMMITTEE", "PROPERTY_FIRM"];

/** ResolutionPage is the resolution board: text, stage, objections, action items, ratings and the close. */
export function ResolutionPage() {
  const { t, i18n } = useTranslation();
  const { rid = "" } = useParams();
  const { viewer } = useViewer();
  const { community, membership, can } = useCommunity();
  const [res, refetch] = useQuery({ query: ResolutionQuery, variables: { id: rid }, requestPolicy: "cache-and-network" });
  const members = useMemberPicker(community.id, !can.committee);
  const [ores, object] = useMutation(ObjectMutation);
  const [rres, rate] = useMutation(RateMutation);
  const [cres, close] = useMutation(CloseResolutionMutation);
  const [ires, addItem] = useMutation(AddActionItemMutation);
  const [objection, setObjection] = useState("");
  const [summary, setSummary] = useState("");
  const [unfinishedReason, setUnfinishedReason] = useState("");
  const [itemTitle, setItemTitle] = useState("");
  const [owner, setOwner] = useState("party:RESIDENTS_COMMITTEE");
  const [due, setDue] = useState(() => new Date(Date.now() + 30 * 24 * 3600_000).toISOString().slice(0, 10));
  const [weight, setWeight] = useState("1");
  const [notice, setNotice] = useState<string>();
  const loadErr = toFormErrors(res.error, [], t("app.networkError"));
  const oErr = toFormErrors(ores.error, ["text"], t("app.networkError"));
  const rErr = toFormErrors(rres.error, ["stars"], t("app.networkError"));
  // The close's errors clear as the fields they concern are edited.
  const [closeEdited, setCloseEdited] = useState<string[]>([]);
  const cErr = withoutFields(toFormErrors(cres.error, ["summary", "unfinishedReason"], t("app.networkError")), closeEdited);
  const editClose = (field: string) => setCloseEdited((e) => (e.includes(field) ? e : [...e, field]));
  const iErr = toFormErrors(ires.error, ["title", "ownerMemberId", "due", "weight"], t("app.networkError"));
  const reload = () => refetch({ requestPolicy: "network-only" });
  const node = res.data?.node;
  if (res.data && node?.__typename !== "Resolution") return <NotFoundPage />;
  const r = node?.__typename === "Resolution" ? node : null;
  if (r && r.topic.community.id !== community.id) return <Navigate to={`/c/${r.topic.community.id}/resolutions/${r.id}`} replace />;
  const zone = community.settings.timeZone;
  if (!r) {
    return (
      <Page title={t("resolution.title")}>
        <FormError message={loadErr.form} />
        <Skeleton lines={8} />
      </Page>
    );
  }
  const stage = resolutionStage(r, new Date());
  const unfinished = r.actionItems.length === 0 || r.progress < 100;
  const done = (msg: string) => {
    setNotice(msg);
    reload();
  };

  async function submitItem(e: FormEvent) {
    e.preventDefault();
    const party = owner.startsWith("party:") ? (owner.slice(6) as Party) : null;
    const res = await addItem({
      input: {
        resolutionId: rid,
        title: itemTitle,
        ownerParty: party,
        ownerMemberId: party ? null : owner || null,
        due: fromLocalInput(due + "T00:00") ?? "",
        weight: Number(weight) || null,
      },
    });
    if (res.data) {
      setItemTitle("");
      done(t("resolution.itemAdded"));
    }
  }

  return (
    <Page title={t("resolution.title")} wide>
      <p className="tags">
        <span className={stageTagClass(stage)}>{t(stageKey(stage))}</span>
      </p>
      <p className="muted meta">
        <span>
          {t("resolution.topic")} <Link to={`/c/${community.id}/topics/${r.topic.id}`}>{r.topic.title}</Link>
        </span>
        <span>{t("resolution.adoptedAt", { date: formatDate(r.adoptedAt, i18n.language, zone) })}</span>
        <span>{t(stageDateKey(stage), { date: formatDateTime(r.effectiveAt, i18n.language, zone) })}</span>
      </p>
      <Notice message={notice} />
      <FormError message={loadErr.form} />
      <div className="topic-layout">
        <div className="topic-body resolution-text">{r.text}</div>

        <section className="panel" aria-labelledby="progress-h">
          <h2 id="progress-h">{t("resolution.progressTitle")}</h2>
          <Progress value={r.progress} label={t("resolution.overall")} />
          {r.summary && (
            <>
              <h3>{t("resolution.summary")}</h3>
              <p className="prewrap">{r.summary}</p>
            </>
          )}
          {r.unfinishedReason && (
            <>
              <h3>{t("resolution.unfinishedReason")}</h3>
              <p className="prewrap">{r.unfinishedReason}</p>
            </>
          )}
        </section>

        <section className="panel" aria-labelledby="items-h">
          <h2 id="items-h">{t("resolution.items")}</h2>
          {r.actionItems.length === 0 ? (
            <EmptyState title={t("resolution.noItems")} hint={t("resolution.noItemsHint")} />
          ) : (
            <ul className="cards">
              {r.actionItems.map((it) => (
                <li key={it.id} className="card">
                  <ActionItemCard
                    item={it}
                    mayUpdate={can.committee || (!!it.owner && it.owner.id === viewer?.id) || (it.ownerParty === "OWNERS_COMMITTEE" && membership.roles.includes("OWNERS_COMMITTEE")) || (it.ownerParty === "PROPERTY_FIRM" && membership.roles.includes("PROPERTY_FIRM"))}
                    mayCorrect={can.committee}
                    closed={stage === "closed"}
                    onChanged={done}
                  />
                </li>
              ))}
            </ul>
          )}
          {r.removedActionItems.length > 0 && (
            <details className="disclosure">
              <summary>{t("resolution.removedItems", { count: r.removedActionItems.length })}</summary>
              <ul className="plain-list">
                {r.removedActionItems.map((it) => (
                  <li key={it.id}>
                    <p>
                      <s>{it.title}</s> <span className="tag">{t("resolution.removedTag")}</span>
                    </p>
                    <ol className="timeline">
                      {it.updates.map((u, i) => (
                        <li key={i} className="timeline-item">
                          <p className="timeline-what">{u.text}</p>
                          <p className="muted small">
                            {u.by?.name && <span>{u.by.name} · </span>}
                            <time dateTime={u.at}>{formatDateTime(u.at, i18n.language, zone)}</time>
                          </p>
                        </li>
                      ))}
                    </ol>
                  </li>
                ))}
              </ul>
            </details>
          )}
          {can.committee && stage !== "closed" && (
            <form onSubmit={submitItem} noValidate className="form" aria-labelledby="add-item-h">
              <h3 id="add-item-h">{t("resolution.addItem")}</h3>
              <FormError message={iErr.form} />
              <TextField label={t("resolution.itemTitle")} maxLength={100} value={itemTitle} error={iErr.fields.title} onChange={(e) => setItemTitle(e.target.value)} />
              <SelectField label={t("resolution.owner")} value={owner} error={iErr.fields.ownerMemberId} onChange={(e) => setOwner(e.target.value)}>
                {PARTIES.map((p) => (
                  <option key={p} value={`party:${p}`}>
                    {t(partyKey(p))}
                  </option>
                ))}
                {members.map((m) => (
                  <option key={m.id} value={m.id}>
                    {m.user.name}
                  </option>
                ))}
              </SelectField>
              <TextField label={t("resolution.due")} type="date" value={due} error={iErr.fields.due} onChange={(e) => setDue(e.target.value)} />
              <TextField label={t("resolution.weight")} hint={t("resolution.weightHint")} inputMode="numeric" value={weight} error={iErr.fields.weight} onChange={(e) => setWeight(e.target.value)} />
              <button type="submit" className="btn btn-primary" disabled={ires.fetching}>
                {t("resolution.addItemSubmit")}
              </button>
            </form>
          )}
        </section>

        <section className="panel" aria-labelledby="objections-h">
          <h2 id="objections-h">{t("resolution.objections")}</h2>
          {r.objections.length === 0 ? (
            <p className="muted">{t("resolution.noObjections")}</p>
          ) : (
            <ul className="cards">
              {r.objections.map((o) => (
                <li key={o.id} className="card">
                  <ObjectionCard objection={o} onChanged={done} />
                </li>
              ))}
            </ul>
          )}
          {stage === "notice" && can.resident && (
            <form
              className="form"
              noValidate
              onSubmit={async (e) => {
                e.preventDefault();
                const res = await object({ input: { resolutionId: rid, text: objection } });
                if (res.data) {
                  setObjection("");
                  done(t("resolution.objected"));
                }
              }}
            >
              <FormError message={oErr.form} />
              <TextArea label={t("resolution.objectLabel")} hint={t("resolution.objectHint")} rows={3} maxLength={1000} value={objection} error={oErr.fields.text} onChange={(e) => setObjection(e.target.value)} />
              <button type="submit" className="btn btn-primary" disabled={ores.fetching}>
                {t("resolution.objectSubmit")}
              </button>
            </form>
          )}
        </section>

        <section className="panel" aria-labelledby="rating-h">
          <h2 id="rating-h">{t("resolution.rating")}</h2>
          {r.satisfaction.count === 0 ? (
            <p className="muted">{t("resolution.noRatings")}</p>
          ) : (
            <p>
              <strong className="rating-word">{t(ratingWordKey(r.satisfaction.average))}</strong>{" "}
              <span aria-hidden="true" className="stars">
                {starsText(r.satisfaction.average)}
              </span>{" "}
              {t("resolution.ratingAverage", { average: r.satisfaction.average.toFixed(1), count: r.satisfaction.count })}
            </p>
          )}
          {r.myRating != null && (
            <p className="my-vote">
              <span aria-hidden="true" className="stars">
                {starsText(r.myRating)}
              </span>{" "}
              {t("resolution.myRating", { stars: t("resolution.stars", { count: r.myRating }) })}
            </p>
          )}
          {can.resident && ratingOpen(r) && (
            <div role="group" aria-labelledby="rate-h" className="rate">
              <p id="rate-h">{t("resolution.rateLabel")}</p>
              <div className="actions">
                {[1, 2, 3, 4, 5].map((n) => (
                  <button
                    key={n}
                    type="button"
                    className={r.myRating === n ? "btn btn-primary" : "btn"}
                    aria-pressed={r.myRating === n}
                    disabled={rres.fetching}
                    onClick={async () => {
                      const res = await rate({ input: { resolutionId: rid, stars: n } });
                      if (res.data) done(t("resolution.rated", { stars: n }));
                    }}
                  >
                    {t("resolution.stars", { count: n })}
                  </button>
                ))}
              </div>
              <FormError message={rErr.form ?? rErr.fields.stars} />
            </div>
          )}
          {can.resident && !ratingOpen(r) && <p className="muted small">{t("resolution.rateLater")}</p>}
        </section>

        {can.committee && stage !== "closed" && (
          <section className="panel" aria-labelledby="close-h">
            <h2 id="close-h">{t("resolution.close")}</h2>
            {!mayClose(stage) ? (
              <p className="muted">
                {stage === "notice"
                  ? t("resolution.closeAfterNotice", { date: formatDateTime(r.effectiveAt, i18n.language, zone) })
                  : t("resolution.closeAfterAnswers", { count: r.unansweredObjections })}
              </p>
            ) : (
              <form className="form" noValidate onSubmit={(e) => e.preventDefault()}>
                <FormError message={cErr.form} />
                <TextArea
                  label={t("resolution.summaryLabel")}
                  rows={4}
                  maxLength={2000}
                  value={summary}
                  error={cErr.fields.summary}
                  onChange={(e) => {
                    setSummary(e.target.value);
                    editClose("summary");
                  }}
                />
                {unfinished && (
                  <TextArea
                    label={t("resolution.unfinishedReason")}
                    hint={t("resolution.unfinishedHint")}
                    rows={2}
                    maxLength={500}
                    value={unfinishedReason}
                    error={cErr.fields.unfinishedReason}
                    onChange={(e) => {
                      setUnfinishedReason(e.target.value);
                      editClose("unfinishedReason");
                    }}
                  />
                )}
                <ConfirmSheet
                  trigger={t("resolution.closeSubmit")}
                  title={t("resolution.closeTitle")}
                  consequence={
                    <>
                      <p>{t("resolution.closeConsequence", { total: r.actionItems.length, done: r.actionItems.filter((it) => it.status === "DONE").length })}</p>
                      {unfinished && <p>{t("resolution.closeUnfinished")}</p>}
                    </>
                  }
                  confirm={t("resolution.closeYes")}
                  disabled={cres.fetching}
                  onConfirm={async () => {
                    setCloseEdited([]);
                    const res = await close({ input: { resolutionId: rid, summary, unfinishedReason: unfinished ? unfinishedReason : null } });
                    if (res.data) done(t("resolution.closedDone"));
                  }}
                />
              </form>
            )}
          </section>
        )}
      </div>
      <p>
        <Link to={`/c/${community.id}/topics/${r.topic.id}`}>{t("resolution.backToTopic")}</Link>
      </p>
    </Page>
  );
}

function ObjectionCard({
  objection: o,
  onChanged,
}: {
  objection: { id: string; text: string; at: string; answer?: string | null; answeredAt?: string | null; by: { name: string } };
  onChanged: (msg: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const { community, can } = useCommunity();
  const [res, answer] = useMutation(AnswerObjectionMutation);
  const [text, setText] = useState("");
  const errs = toFormErrors(res.error, ["answer"], t("app.networkError"));
  const zone = community.settings.timeZone;
  return (
    <article aria-label={t("resolution.objectionBy", { name: o.by.name })}>
      <p>
        <strong>{o.by.name}</strong> <span className="muted small">{formatDateTime(o.at, i18n.language, zone)}</span>
      </p>
      <p>{o.text}</p>
      {o.answer ? (
        <p className="alert alert-info">
          {t("resolution.answer")} {o.answer}
        </p>
      ) : can.committee ? (
        <form
          className="form"
          noValidate
          onSubmit={async (e) => {
            e.preventDefault();
            const r = await answer({ input: { objectionId: o.id, answer: text } });
            if (r.data) onChanged(t("resolution.answered"));
          }}
        >
          <FormError message={errs.form} />
          <TextArea label={t("resolution.answerLabel", { name: o.by.name })} rows={2} maxLength={1000} value={text} error={errs.fields.answer} onChange={(e) => setText(e.target.value)} />
          <button type="submit" className="btn btn-primary" disabled={res.fetching}>
            {t("resolution.answerSubmit")}
          </button>
        </form>
      ) : (
        <p className="muted small">{t("resolution.unanswered")}</p>
      )}
    </article>
  );
}

function ActionItemCard({
  item: it,
  mayUpdate,
  mayCorrect,
  closed,
  onChanged,
}: {
  item: {
    id: string;
    title: string;
    due: string;
    weight: number;
    progress: number;
    status: string;
    ownerParty?: string | null;
    owner?: { name: string } | null;
    updates: { at: string; progress: number; text: string; link?: string | null; by?: { name: string } | null }[];
    volunteerNeeds?: { id: string; title: string }[];
  };
  mayUpdate: boolean;
  mayCorrect: boolean;
  closed: boolean;
  onChanged: (msg: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const { community } = useCommunity();
  const [res, update] = useMutation(UpdateActionItemMutation);
  const [show, setShow] = useState(false);
  const [correcting, setCorrecting] = useState(false);
  const [progress, setProgress] = useState(String(it.progress));
  const [note, setNote] = useState("");
  const [badProgress, setBadProgress] = useState(false);
  const errs = toFormErrors(res.error, ["progress", "text", "link"], t("app.networkError"));
  const zone = community.settings.timeZone;
  const owner = it.owner?.name ?? (it.ownerParty ? t(partyKey(it.ownerParty), { defaultValue: it.ownerParty }) : "");
  return (
    <article aria-label={t("resolution.itemLabel", { title: it.title })}>
      <p>
        <strong>{it.title}</strong>{" "}
        <span className={`tag ${it.status === "OVERDUE" ? "tag-error" : it.status === "DONE" ? "tag-ok" : ""}`}>{t(`resolution.status.${it.status}`)}</span>
      </p>
      <p className="muted small meta">
        <span>{t("resolution.ownerIs", { owner })}</span>
        <span>{t("resolution.dueOn", { date: formatDate(it.due, i18n.language, zone) })}</span>
        <span>{t("resolution.weightIs", { weight: it.weight })}</span>
      </p>
      <Progress value={it.progress} label={t("resolution.itemProgress", { title: it.title })} />
      {it.updates.length > 0 && (
        <details className="disclosure">
          <summary>{t("resolution.history", { count: it.updates.length })}</summary>
          <ol className="timeline">
            {it.updates.map((u, i) => (
              <li key={i} className="timeline-item">
                <p className="timeline-what">
                  {t("resolution.percent", { value: u.progress })}
                  {u.text ? ` · ${u.text}` : ""}
                </p>
                <p className="muted small">
                  {u.by?.name && <span>{u.by.name} · </span>}
                  <time dateTime={u.at}>{formatDateTime(u.at, i18n.language, zone)}</time>
                </p>
              </li>
            ))}
          </ol>
        </details>
      )}
      {(it.volunteerNeeds ?? []).length > 0 && (
        <ul className="small">
          {it.volunteerNeeds!.map((n) => (
            <li key={n.id}>
              <Link to={`/c/${community.id}/needs/${n.id}`}>{t("resolution.volunteerNeed", { title: n.title })} →</Link>
            </li>
          ))}
        </ul>
      )}
      {!closed && mayCorrect && !show && !correcting && (
        <p>
          <Link className="btn btn-small" to={`/c/${community.id}/needs/new?item=${encodeURIComponent(it.id)}&title=${encodeURIComponent(it.title)}`}>
            {t("resolution.callForHands")}
          </Link>
        </p>
      )}
      {!closed && !show && !correcting && (mayUpdate || mayCorrect) && (
        <div className="actions">
          {mayUpdate && (
            <button type="button" className="btn" aria-label={t("resolution.updateFor", { title: it.title })} onClick={() => setShow(true)}>
              {t("resolution.update")}
            </button>
          )}
          {mayCorrect && (
            <button type="button" className="btn btn-quiet" aria-label={t("resolution.correctFor", { title: it.title })} onClick={() => setCorrecting(true)}>
              {t("resolution.correct")}
            </button>
          )}
        </div>
      )}
      {correcting && (
        <ItemCorrection
          item={it}
          onCancel={() => setCorrecting(false)}
          onDone={(msg) => {
            setCorrecting(false);
            onChanged(msg);
          }}
        />
      )}
      {mayUpdate && show && (
        <form
          className="form"
          noValidate
          onSubmit={async (e) => {
            e.preventDefault();
            const p = clampProgress(progress);
            setBadProgress(p === null);
            if (p === null) return;
            const r = await update({ input: { actionItemId: it.id, progress: p, text: note || null } });
            if (r.data) {
              setShow(false);
              setNote("");
              onChanged(t("resolution.updated"));
            }
          }}
        >
          <FormError message={errs.form} />
          <TextField
            label={t("resolution.progressLabel")}
            inputMode="numeric"
            value={progress}
            error={badProgress ? t("resolution.progressInvalid") : errs.fields.progress}
            onChange={(e) => setProgress(e.target.value)}
          />
          <TextArea label={t("resolution.note")} optional rows={2} maxLength={1000} value={note} error={errs.fields.text} onChange={(e) => setNote(e.target.value)} />
          <div className="actions">
            <button type="submit" className="btn btn-primary" disabled={res.fetching}>
              {t("resolution.updateSubmit")}
            </button>
            <button type="button" className="btn" onClick={() => setShow(false)}>
              {t("app.cancel")}
            </button>
          </div>
        </form>
      )}
    </article>
  );
}
