import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useClient, useQuery } from "urql";
import { graphql } from "../../gql";
import type { VolunteerBoardWeekQuery } from "../../gql/graphql";
import { todayIn } from "../../lib/disclosurePeriod";
import { toFormErrors } from "../../lib/errors";
import { addDays, coveragePercent, groupByNeed, pickCount, picksOf, removePick, replacePick, whenText, type Picks } from "../../lib/volunteerDesk";
import { ConfirmSheet } from "../ConfirmSheet";
import { Progress } from "../Progress";
import { CardSkeleton, EmptyState, FormError, Notice, formatDate } from "../ui";
import { InviteMutation } from "./FillTab";

const WeekQueryDoc = graphql(`
  query VolunteerBoardWeek($id: ID!, $day: String!) {
    community(id: $id) {
      id
      weekProposal(day: $day) {
        from
        to
        open
        covered
        bound
        exact
        assignments {
          occurrence {
            ...DeskWeekOccurrence
          }
          volunteer {
            id
            name
          }
        }
        unfilled {
          slots
          occurrence {
            ...DeskWeekOccurrence
          }
          reason {
            code
            text
          }
        }
      }
    }
  }

  fragment DeskWeekOccurrence on NeedOccurrence {
    id
    start
    end
    slots
    openSlots
    need {
      id
      title
    }
    candidates {
      candidates {
        score
        volunteer {
          id
          name
        }
      }
    }
  }
`);

type Proposal = NonNullable<VolunteerBoardWeekQuery["community"]>["weekProposal"];
type Occurrence = Proposal["assignments"][number]["occurrence"];

/**
 * WeekTab is the board's 每周建议: who could take the week's open slots,
 * as the server proposes it (most slots covered, then the fairest), beside
 * the bound no assignment can pass. The coordinator removes or replaces
 * anyone, then sends invitations to those kept. The proposal assigns no
 * one: each volunteer decides whether to claim.
 */
export function WeekTab({ communityId, zone }: { communityId: string; zone: string }) {
  const { t, i18n } = useTranslation();
  const today = todayIn(zone);
  const [next, setNext] = useState(false);
  const day = next ? addDays(today, 7) : today;
  const [res, reload] = useQuery({ query: WeekQueryDoc, variables: { id: communityId, day }, requestPolicy: "cache-and-network" });
  const p = res.data?.community?.weekProposal;
  const err = toFormErrors(res.error, [], t("app.networkError")).form;
  return (
    <section aria-labelledby="vd-week-h">
      <h2 id="vd-week-h">{t("volunteerDesk.week.title")}</h2>
      <div className="chips" role="group" aria-label={t("volunteerDesk.week.which")}>
        <button type="button" className="chip" aria-pressed={!next} onClick={() => setNext(false)}>
          {t("volunteerDesk.week.this")}
        </button>
        <button type="button" className="chip" aria-pressed={next} onClick={() => setNext(true)}>
          {t("volunteerDesk.week.next")}
        </button>
      </div>
      <p className="alert alert-info">{t("volunteerDesk.week.assignsNoOne")}</p>
      <FormError message={err} />
      {!p ? (
        !err && <CardSkeleton count={2} />
      ) : (
        <>
          <Coverage p={p} lang={i18n.language} zone={zone} />
          <ProposalList key={`${day}-${p.from}`} communityId={communityId} p={p} zone={zone} onSent={() => reload({ requestPolicy: "network-only" })} />
        </>
      )}
    </section>
  );
}

/** Coverage says how much of the week the proposal covers, beside the bound: "覆盖 X / Y 个名额，最优不超过 Z（覆盖率 X/Z）". */
function Coverage({ p, lang, zone }: { p: Proposal; lang: string; zone: string }) {
  const { t } = useTranslation();
  const percent = coveragePercent(p.covered, p.bound);
  // The week runs to Monday 00:00, excluded: its last day is the Sunday before.
  const last = new Date(new Date(p.to).getTime() - 1).toISOString();
  return (
    <div className="status-header vd-coverage" role="region" aria-label={t("volunteerDesk.week.coverageLabel")}>
      <p className="status-line">{t("volunteerDesk.week.range", { from: formatDate(p.from, lang, zone), to: formatDate(last, lang, zone) })}</p>
      {p.open === 0 ? (
        <p>{t("volunteerDesk.week.noOpen")}</p>
      ) : (
        <>
          <p className="vd-coverage-text">
            {percent === null
              ? t("volunteerDesk.week.coverageNone", { covered: p.covered, open: p.open })
              : t("volunteerDesk.week.coverage", { covered: p.covered, open: p.open, bound: p.bound, percent })}
          </p>
          {percent !== null && <Progress value={percent} label={t("volunteerDesk.week.ofBound")} />}
          <p className="muted small">
            {/* Covering the bound is the best there is, whether or not the bound is exact. */}
            {t(p.covered >= p.bound ? "volunteerDesk.week.optimal" : p.exact ? "volunteerDesk.week.exact" : "volunteerDesk.week.estimate", { bound: p.bound })}
          </p>
        </>
      )}
    </div>
  );
}

function ProposalList({ communityId, p, zone, onSent }: { communityId: string; p: Proposal; zone: string; onSent: () => void }) {
  const { t, i18n } = useTranslation();
  const client = useClient();
  const [picks, setPicks] = useState<Picks>(() => picksOf(p.assignments));
  const [sent, setSent] = useState<string>();
  const [error, setError] = useState<string>();
  const names = new Map<string, string>();
  for (const a of p.assignments) names.set(a.volunteer.id, a.volunteer.name);
  // Every occurrence of the proposal, assigned or left open, grouped by need.
  const occurrences = new Map<string, Occurrence>();
  for (const a of p.assignments) occurrences.set(a.occurrence.id, a.occurrence);
  for (const u of p.unfilled) occurrences.set(u.occurrence.id, u.occurrence);
  for (const o of occurrences.values()) for (const c of o.candidates.candidates) names.set(c.volunteer.id, c.volunteer.name);
  const unfilled = new Map(p.unfilled.map((u) => [u.occurrence.id, u]));
  const groups = groupByNeed([...occurrences.values()].map((o) => ({ occurrence: o })));
  const count = pickCount(picks);
  if (groups.length === 0) return <EmptyState title={t("volunteerDesk.week.empty")} />;
  return (
    <>
      <ul className="cards" aria-label={t("volunteerDesk.week.listLabel")}>
        {groups.map((g) => (
          <li key={g.need.id} className="card vd-week-need">
            <h3 className="card-title">
              <Link to={`/c/${communityId}/needs/${g.need.id}`}>{g.need.title}</Link>
            </h3>
            {g.occurrences.map(({ occurrence: o }) => {
              const kept = picks[o.id] ?? [];
              const others = o.candidates.candidates.filter((c) => !kept.includes(c.volunteer.id));
              const left = unfilled.get(o.id);
              const when = whenText(o.start, o.end, i18n.language, zone);
              return (
                <div key={o.id} className="vd-week-occ">
                  <p className="vd-week-when">
                    <strong>{when}</strong> <span className="muted small">{t("volunteerDesk.fill.open", { open: o.openSlots, slots: o.slots })}</span>
                  </p>
                  {kept.length > 0 && (
                    <ul className="vd-picks" aria-label={t("volunteerDesk.week.picksFor", { when })}>
                      {kept.map((v) => {
                        const name = names.get(v) ?? "";
                        return (
                          <li key={v} className="vd-pick">
                            <span className="vd-pick-name">{name}</span>
                            <span className="vd-pick-tools">
                              {others.length > 0 && (
                                <select
                                  className="vd-replace"
                                  aria-label={t("volunteerDesk.week.replaceLabel", { name, when })}
                                  value=""
                                  onChange={(e) => e.target.value && setPicks((ps) => replacePick(ps, o.id, v, e.target.value))}
                                >
                                  <option value="">{t("volunteerDesk.week.replace")}</option>
                                  {others.map((c) => (
                                    <option key={c.volunteer.id} value={c.volunteer.id}>
                                      {t("volunteerDesk.week.option", { name: c.volunteer.name, score: c.score })}
                                    </option>
                                  ))}
                                </select>
                              )}
                              <button
                                type="button"
                                className="btn btn-quiet btn-small"
                                aria-label={t("volunteerDesk.week.removeLabel", { name, when })}
                                onClick={() => setPicks((ps) => removePick(ps, o.id, v))}
                              >
                                {t("volunteerDesk.week.remove")}
                              </button>
                            </span>
                          </li>
                        );
                      })}
                    </ul>
                  )}
                  {kept.length < o.openSlots && others.length > 0 && (
                    <select
                      className="vd-replace vd-add"
                      aria-label={t("volunteerDesk.week.addLabel", { when })}
                      value=""
                      onChange={(e) => e.target.value && setPicks((ps) => ({ ...ps, [o.id]: [...(ps[o.id] ?? []), e.target.value] }))}
                    >
                      <option value="">{t("volunteerDesk.week.add")}</option>
                      {others.map((c) => (
                        <option key={c.volunteer.id} value={c.volunteer.id}>
                          {t("volunteerDesk.week.option", { name: c.volunteer.name, score: c.score })}
                        </option>
                      ))}
                    </select>
                  )}
                  {left && (
                    <p className="muted small">
                      {t("volunteerDesk.week.unfilled", { count: left.slots, reason: left.reason.text })}
                    </p>
                  )}
                </div>
              );
            })}
          </li>
        ))}
      </ul>
      <Notice message={sent} />
      <FormError message={error} />
      <div className="vd-send">
        <ConfirmSheet
          trigger={t("volunteerDesk.week.send", { count })}
          triggerClass="btn btn-primary"
          disabled={count === 0}
          title={t("volunteerDesk.week.sendTitle", { count })}
          consequence={t("volunteerDesk.week.sendConsequence", { count })}
          confirm={t("volunteerDesk.week.sendConfirm")}
          onConfirm={async () => {
            setSent(undefined);
            setError(undefined);
            let invited = 0;
            for (const [occurrenceId, ids] of Object.entries(picks)) {
              if (ids.length === 0) continue;
              const r = await client.mutation(InviteMutation, { input: { occurrenceId, volunteerIds: ids } }).toPromise();
              if (r.error) {
                setError(toFormErrors(r.error, [], t("app.networkError")).form);
                break;
              }
              invited += r.data?.inviteVolunteers.invited.length ?? 0;
            }
            if (invited > 0) {
              setSent(t("volunteerDesk.week.sent", { count: invited }));
              onSent();
            }
          }}
        />
      </div>
    </>
  );
}
