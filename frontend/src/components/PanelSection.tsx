import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useMutation, useQuery } from "urql";
import { graphql } from "../gql";
import type { SeatKind } from "../gql/graphql";
import { useCommunity } from "../lib/community";
import { DRAWN_KINDS, SEAT_KINDS, assistedOfWorker, seatAccepted } from "../lib/deliberation";
import { toFormErrors } from "../lib/errors";
import { useMemberPicker } from "../lib/memberPicker";
import { useViewer } from "../viewer";
import { DrawVerification } from "./DrawVerification";
import { Representativeness } from "./Representativeness";
import { TopicMotions } from "./TopicMotions";
import { EmptyState, FormError, Notice, SelectField, Skeleton, TextField, formatDateTime } from "./ui";

const TopicPanelQuery = graphql(`
  query TopicPanel($id: ID!) {
    node(id: $id) {
      __typename
      ... on Topic {
        id
        state
        grids {
          id
          name
        }
        panel {
          state
          seed
          seedPublishedAt
          confirmedAt
          confirmedBy {
            id
            name
          }
          rules {
            kind
            min
            max
            grid {
              id
              name
            }
          }
          seats {
            kind
            drawn
            drawId
            state
            grid {
              id
              name
            }
            user {
              id
              name
            }
            answeredBy {
              id
              name
            }
            witness
          }
          representativeness {
            rules {
              filled
              accepted
              gap
              rule {
                kind
                min
                max
                grid {
                  id
                  name
                }
              }
            }
            uncoveredGrids {
              id
              name
            }
          }
        }
        motions {
          id
          text
          closed
          deadline
          result {
            passed
          }
          resolution {
            id
            stage
          }
          ...MotionVotersFields
        }
      }
    }
  }
`);

const SetSeatRulesMutation = graphql(`
  mutation SetSeatRules($input: SetSeatRulesInput!) {
    setSeatRules(input: $input) {
      panel {
        state
      }
    }
  }
`);

const PublishSeedMutation = graphql(`
  mutation PublishSeed($input: PublishSeedInput!) {
    publishSeed(input: $input) {
      panel {
        seed
        seedPublishedAt
      }
    }
  }
`);

const DrawSeatsMutation = graphql(`
  mutation DrawSeats($input: DrawSeatsInput!) {
    drawSeats(input: $input) {
      panel {
        state
      }
    }
  }
`);

const NominateSeatMutation = graphql(`
  mutation NominateSeat($input: NominateSeatInput!) {
    nominateSeat(input: $input) {
      panel {
        state
      }
    }
  }
`);

const ConfirmPanelMutation = graphql(`
  mutation ConfirmPanel($input: ConfirmPanelInput!) {
    confirmPanel(input: $input) {
      panel {
        state
        confirmedAt
      }
    }
  }
`);

const RespondToSeatMutation = graphql(`
  mutation RespondToSeat($input: RespondToSeatInput!) {
    respondToSeat(input: $input) {
      ok
    }
  }
`);

interface RuleRow {
  kind: SeatKind;
  gridId: string;
  min: string;
  max: string;
}

/**
 * PanelSection is 谁来议 on an accepted topic: the panel builder for the
 * committee, the invitation for a seated member, and for a grid worker the
 * answers of the assisted residents of their grids. onChanged tells the
 * topic page that its timeline may have grown.
 */
export function PanelSection({ topicId, onChanged }: { topicId: string; onChanged?: () => void }) {
  const { t, i18n } = useTranslation();
  const { viewer } = useViewer();
  const { community, membership, can } = useCommunity();
  const [res, refetch] = useQuery({ query: TopicPanelQuery, variables: { id: topicId }, requestPolicy: "cache-and-network" });
  const [rres, setRules] = useMutation(SetSeatRulesMutation);
  const [sres, publish] = useMutation(PublishSeedMutation);
  const [dres, draw] = useMutation(DrawSeatsMutation);
  const [nres, nominate] = useMutation(NominateSeatMutation);
  const [ares, respond] = useMutation(RespondToSeatMutation);
  const [cfres, confirm] = useMutation(ConfirmPanelMutation);
  const members = useMemberPicker(community.id, !(can.committee || can.gridWorker));
  const [rows, setRows] = useState<RuleRow[] | null>(null);
  const [drawKind, setDrawKind] = useState<SeatKind>("AFFECTED_RESIDENTS");
  const [drawGrid, setDrawGrid] = useState("");
  const [count, setCount] = useState("3");
  const [nomKind, setNomKind] = useState<SeatKind>("REPRESENTATIVES");
  const [nomMember, setNomMember] = useState("");
  const [notice, setNotice] = useState<string>();
  const zone = community.settings.timeZone;
  const node = res.data?.node;
  const topic = node?.__typename === "Topic" ? node : null;
  const rulesErr = toFormErrors(rres.error, ["rules"], t("app.networkError"));
  const seedErr = toFormErrors(sres.error, [], t("app.networkError"));
  const drawErr = toFormErrors(dres.error, ["count", "gridId", "kind"], t("app.networkError"));
  const nomErr = toFormErrors(nres.error, ["memberId", "kind"], t("app.networkError"));
  const respErr = toFormErrors(ares.error, [], t("app.networkError"));
  const confirmErr = toFormErrors(cfres.error, [], t("app.networkError"));
  const loadErr = toFormErrors(res.error, [], t("app.networkError"));
  const reload = () => refetch({ requestPolicy: "network-only" });

  if (!topic) {
    return (
      <section className="panel" aria-labelledby="panel-h">
        <h2 id="panel-h">{t("panel.title")}</h2>
        <FormError message={loadErr.form} />
        <Skeleton lines={3} />
      </section>
    );
  }
  const panel = topic.panel;
  const grids = topic.grids;
  const current: RuleRow[] =
    rows ??
    (panel?.rules ?? []).map((r) => ({ kind: r.kind, gridId: r.grid?.id ?? "", min: String(r.min), max: String(r.max) }));
  const seedPublished = !!panel?.seed;
  const locked = panel?.state === "LOCKED";
  const mySeat = panel?.seats.find((s) => s.user.id === viewer?.id);
  const kindLabel = (k: string) => t(`panel.kinds.${k}`);
  const drawIds = [...new Set((panel?.seats ?? []).map((s) => s.drawId).filter((d): d is string => !!d))];
  // A grid worker answers invitations for the assisted residents of their grids.
  const assisted = new Set(
    can.gridWorker
      ? assistedOfWorker(
          members,
          membership.workerGrids.map((g) => g.id),
        ).map((m) => m.user.id)
      : [],
  );
  const answered = (msg: string) => {
    setNotice(msg);
    reload();
  };

  async function saveRules(e: FormEvent) {
    e.preventDefault();
    setNotice(undefined);
    const r = await setRules({
      input: {
        topicId,
        rules: current.map((row) => ({
          kind: row.kind,
          gridId: row.kind === "AFFECTED_RESIDENTS" ? row.gridId || null : null,
          min: Number(row.min) || 0,
          max: Number(row.max) || 0,
        })),
      },
    });
    if (r.data) {
      setRows(null);
      setNotice(t("panel.rulesSaved"));
      reload();
    }
  }

  async function doDraw(e: FormEvent) {
    e.preventDefault();
    setNotice(undefined);
    const r = await draw({
      input: {
        topicId,
        kind: drawKind,
        gridId: drawKind === "AFFECTED_RESIDENTS" ? drawGrid || grids[0]?.id || null : null,
        count: Number(count) || 0,
      },
    });
    if (r.data) {
      setNotice(t("panel.drawn"));
      reload();
      onChanged?.();
    }
  }

  async function doNominate(e: FormEvent) {
    e.preventDefault();
    setNotice(undefined);
    const r = await nominate({ input: { topicId, kind: nomKind, memberId: nomMember } });
    if (r.data) {
      setNomMember("");
      setNotice(t("panel.nominated"));
      reload();
    }
  }

  const setRow = (i: number, patch: Partial<RuleRow>) =>
    setRows(current.map((row, j) => (i === j ? { ...row, ...patch } : row)));

  return (
    <section className="panel topic-panel" aria-labelledby="panel-h">
      <h2 id="panel-h">{t("panel.title")}</h2>
      <Notice message={notice} />
      <FormError message={loadErr.form} />

      {mySeat && (
        <div className="alert alert-info callout seat-invite">
          <span>
            {t("panel.mySeat", { kind: kindLabel(mySeat.kind) })} · {t(`panel.seatStates.${mySeat.state.toLowerCase()}`)}
          </span>
          {!locked && (
            <span className="actions">
              <button
                type="button"
                className="btn btn-primary"
                disabled={ares.fetching || seatAccepted(mySeat.state)}
                onClick={async () => {
                  const r = await respond({ input: { topicId, accept: true } });
                  if (r.data) {
                    setNotice(t("panel.acceptedDone"));
                    reload();
                  }
                }}
              >
                {t("panel.accept")}
              </button>
              <button
                type="button"
                className="btn"
                disabled={ares.fetching || mySeat.state === "DECLINED"}
                onClick={async () => {
                  const r = await respond({ input: { topicId, accept: false } });
                  if (r.data) {
                    setNotice(t("panel.declinedDone"));
                    reload();
                  }
                }}
              >
                {t("panel.decline")}
              </button>
            </span>
          )}
        </div>
      )}
      <FormError message={respErr.form} />

      {!panel && !can.committee && <EmptyState title={t("panel.empty")} hint={t("panel.emptyHint")} />}

      {can.committee && (
        <form onSubmit={saveRules} noValidate className="form seat-rules" aria-labelledby="rules-h">
          <h3 id="rules-h">{t("panel.rules")}</h3>
          <FormError message={rulesErr.form} />
          {current.length === 0 && <p className="muted">{t("panel.noRules")}</p>}
          <ol className="rule-rows">
            {current.map((row, i) => (
              <li key={i} className="rule-row">
                <fieldset className="check-group">
                  <legend>{t("panel.ruleN", { n: i + 1 })}</legend>
                  <SelectField
                    label={t("panel.kind")}
                    value={row.kind}
                    disabled={seedPublished}
                    onChange={(e) => setRow(i, { kind: e.target.value as SeatKind, gridId: e.target.value === "AFFECTED_RESIDENTS" ? row.gridId || grids[0]?.id || "" : "" })}
                  >
                    {SEAT_KINDS.map((k) => (
                      <option key={k} value={k}>
                        {kindLabel(k)}
                      </option>
                    ))}
                  </SelectField>
                  {row.kind === "AFFECTED_RESIDENTS" && (
                    <SelectField label={t("panel.grid")} value={row.gridId} disabled={seedPublished} onChange={(e) => setRow(i, { gridId: e.target.value })}>
                      {grids.map((g) => (
                        <option key={g.id} value={g.id}>
                          {g.name}
                        </option>
                      ))}
                    </SelectField>
                  )}
                  <TextField label={t("panel.min")} inputMode="numeric" value={row.min} disabled={seedPublished} onChange={(e) => setRow(i, { min: e.target.value })} />
                  <TextField label={t("panel.max")} inputMode="numeric" value={row.max} disabled={seedPublished} onChange={(e) => setRow(i, { max: e.target.value })} />
                  {!seedPublished && (
                    <button type="button" className="btn" onClick={() => setRows(current.filter((_, j) => j !== i))}>
                      {t("panel.removeRule", { n: i + 1 })}
                    </button>
                  )}
                </fieldset>
              </li>
            ))}
          </ol>
          {rulesErr.fields.rules && (
            <p className="field-error" role="alert">
              <span aria-hidden="true">⚠ </span>
              {rulesErr.fields.rules}
            </p>
          )}
          {!seedPublished && (
            <div className="actions">
              <button
                type="button"
                className="btn"
                onClick={() => setRows([...current, { kind: "AFFECTED_RESIDENTS", gridId: grids[0]?.id ?? "", min: "1", max: "3" }])}
              >
                {t("panel.addRule")}
              </button>
              <button type="submit" className="btn btn-primary" disabled={rres.fetching}>
                {t("panel.saveRules")}
              </button>
            </div>
          )}
        </form>
      )}

      {panel && (
        <div className="seed">
          <h3>{t("panel.seedTitle")}</h3>
          {panel.seed ? (
            <p>
              {t("panel.seed")} <code className="seed-value">{panel.seed}</code>
              <br />
              <span className="muted small">
                {t("panel.seedAt", { date: panel.seedPublishedAt ? formatDateTime(panel.seedPublishedAt, i18n.language, zone) : "" })}
              </span>
            </p>
          ) : (
            <p className="muted">{t("panel.noSeed")}</p>
          )}
          <FormError message={seedErr.form} />
          {can.committee && !panel.seed && (
            <button
              type="button"
              className="btn btn-primary"
              disabled={sres.fetching}
              onClick={async () => {
                setNotice(undefined);
                const r = await publish({ input: { topicId } });
                if (r.data) {
                  setNotice(t("panel.seedDone"));
                  reload();
                  onChanged?.();
                }
              }}
            >
              {t("panel.publishSeed")}
            </button>
          )}
        </div>
      )}

      {panel && can.committee && !locked && (
        <div className="panel-forms">
          <form onSubmit={doDraw} noValidate className="form" aria-labelledby="draw-h">
            <h3 id="draw-h">{t("panel.drawTitle")}</h3>
            <FormError message={drawErr.form} />
            <SelectField label={t("panel.drawKind")} value={drawKind} error={drawErr.fields.kind} onChange={(e) => setDrawKind(e.target.value as SeatKind)}>
              {DRAWN_KINDS.map((k) => (
                <option key={k} value={k}>
                  {kindLabel(k)}
                </option>
              ))}
            </SelectField>
            {drawKind === "AFFECTED_RESIDENTS" && (
              <SelectField label={t("panel.drawGrid")} value={drawGrid || grids[0]?.id || ""} error={drawErr.fields.gridId} onChange={(e) => setDrawGrid(e.target.value)}>
                {grids.map((g) => (
                  <option key={g.id} value={g.id}>
                    {g.name}
                  </option>
                ))}
              </SelectField>
            )}
            <TextField label={t("panel.count")} inputMode="numeric" value={count} error={drawErr.fields.count} onChange={(e) => setCount(e.target.value)} />
            <button type="submit" className="btn btn-primary" disabled={dres.fetching || !seedPublished}>
              {t("panel.draw")}
            </button>
            {!seedPublished && <p className="muted small">{t("panel.drawNeedsSeed")}</p>}
          </form>

          <form onSubmit={doNominate} noValidate className="form" aria-labelledby="nominate-h">
            <h3 id="nominate-h">{t("panel.nominateTitle")}</h3>
            <FormError message={nomErr.form} />
            <SelectField label={t("panel.nominateKind")} value={nomKind} error={nomErr.fields.kind} onChange={(e) => setNomKind(e.target.value as SeatKind)}>
              {SEAT_KINDS.map((k) => (
                <option key={k} value={k}>
                  {kindLabel(k)}
                </option>
              ))}
            </SelectField>
            <SelectField label={t("panel.member")} value={nomMember} error={nomErr.fields.memberId} onChange={(e) => setNomMember(e.target.value)}>
              <option value="">{t("panel.chooseMember")}</option>
              {members.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.user.name}
                  {m.grid ? `（${m.grid.name}）` : ""}
                </option>
              ))}
            </SelectField>
            <button type="submit" className="btn btn-primary" disabled={nres.fetching}>
              {t("panel.nominate")}
            </button>
          </form>
        </div>
      )}

      {panel && (
        <>
          <h3 id="seats-h">{t("panel.seats", { count: panel.seats.length })}</h3>
          {panel.seats.length === 0 ? (
            <p className="muted">{t("panel.noSeats")}</p>
          ) : (
            <ul className="cards seats" aria-labelledby="seats-h">
              {panel.seats.map((s) => (
                <li key={s.user.id} className="card seat">
                  <strong>{s.user.name}</strong>{" "}
                  <span className="tags">
                    <span className="tag">{kindLabel(s.kind)}</span>
                    {s.grid && <span className="tag">{s.grid.name}</span>}
                    <span className="tag tag-info">{s.drawn ? t("panel.byLot") : t("panel.byNomination")}</span>
                    <span className={seatAccepted(s.state) ? "tag tag-ok" : s.state === "DECLINED" ? "tag tag-muted" : "tag tag-warn"}>
                      {t(`panel.seatStates.${s.state.toLowerCase()}`)}
                    </span>
                  </span>
                  {s.answeredBy && (
                    <p className="muted small seat-answered">{t("panel.answeredBy", { name: s.answeredBy.name, witness: s.witness ?? "" })}</p>
                  )}
                  {!locked && s.state === "INVITED" && assisted.has(s.user.id) && (
                    <AssistedAnswer topicId={topicId} user={s.user} onDone={answered} />
                  )}
                </li>
              ))}
            </ul>
          )}
          {drawIds.length > 0 && <DrawVerification drawIds={drawIds} />}
          <Representativeness rep={panel.representativeness} kindLabel={kindLabel} />
          {panel.confirmedAt ? (
            <p className="alert alert-ok panel-confirmed">
              {panel.confirmedBy
                ? t("panel.confirmedBy", { name: panel.confirmedBy.name, date: formatDateTime(panel.confirmedAt, i18n.language, zone) })
                : t("panel.confirmedAt", { date: formatDateTime(panel.confirmedAt, i18n.language, zone) })}
            </p>
          ) : (
            can.committee &&
            panel.state === "DRAFT" && (
              <div className="panel-confirm">
                <p className="muted small" id="confirm-hint">
                  {t("panel.confirmHint")}
                </p>
                <button
                  type="button"
                  className="btn btn-primary"
                  aria-describedby="confirm-hint"
                  disabled={cfres.fetching}
                  onClick={async () => {
                    setNotice(undefined);
                    const r = await confirm({ input: { topicId } });
                    if (r.data) {
                      setNotice(t("panel.confirmedDone"));
                      reload();
                      onChanged?.();
                    }
                  }}
                >
                  {t("panel.confirm")}
                </button>
                <FormError message={confirmErr.form} />
              </div>
            )
          )}
        </>
      )}
      <TopicMotions motions={topic.motions} communityId={community.id} />
    </section>
  );
}

/** AssistedAnswer lets a grid worker accept or decline a seat for an assisted resident, before a named witness. */
function AssistedAnswer({ topicId, user, onDone }: { topicId: string; user: { id: string; name: string }; onDone: (msg: string) => void }) {
  const { t } = useTranslation();
  const [res, respond] = useMutation(RespondToSeatMutation);
  const [witness, setWitness] = useState("");
  const errs = toFormErrors(res.error, ["witness"], t("app.networkError"));
  const name = user.name;
  async function answer(accept: boolean) {
    const r = await respond({ input: { topicId, accept, userId: user.id, witness } });
    if (r.data) {
      setWitness("");
      onDone(t(accept ? "panel.acceptedFor" : "panel.declinedFor", { name }));
    }
  }
  return (
    <form
      className="form assisted-answer"
      noValidate
      aria-label={t("panel.answerFor", { name })}
      onSubmit={(e) => {
        e.preventDefault();
        void answer(true);
      }}
    >
      <p className="muted small">{t("panel.answerForHint", { name })}</p>
      <FormError message={errs.form} />
      <TextField
        label={t("panel.witness")}
        hint={t("panel.witnessHint")}
        maxLength={64}
        required
        autoComplete="off"
        value={witness}
        error={errs.fields.witness}
        onChange={(e) => setWitness(e.target.value)}
      />
      <div className="actions">
        <button type="submit" className="btn btn-primary" disabled={res.fetching} aria-label={t("app.labelFor", { action: t("panel.acceptFor"), name })}>
          {t("panel.acceptFor")}
        </button>
        <button
          type="button"
          className="btn"
          disabled={res.fetching}
          aria-label={t("app.labelFor", { action: t("panel.declineFor"), name })}
          onClick={() => void answer(false)}
        >
          {t("panel.declineFor")}
        </button>
      </div>
    </form>
  );
}
