import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { useMutation, useQuery } from "urql";
import { ConfirmSheet } from "../components/ConfirmSheet";
import { PositionFocus } from "../components/patrol/PositionFocus";
import { EmptyState, FormError, Notice, Page, Skeleton } from "../components/ui";
import { graphql } from "../gql";
import { useCommunity } from "../lib/community";
import { toFormErrors } from "../lib/errors";
import { inCheckInWindow, loadText, monthOf, positionTag } from "../lib/patrol";
import { whenText } from "../lib/volunteerDesk";
import { useViewer } from "../viewer";

const PatrolHomeQueryDoc = graphql(`
  query PatrolHome($id: ID!, $month: String!) {
    community(id: $id) {
      id
      patrolTeams {
        id
        name
        captain {
          id
          name
        }
        members {
          user {
            id
          }
        }
        myShifts(month: $month) {
          id
          start
          end
          night
          state
          weight
          pendingTaker {
            id
            name
          }
          route {
            id
            name
          }
        }
        openPositions(month: $month) {
          id
          start
          end
          night
          route {
            id
            name
          }
        }
        loads(month: $month) {
          shifts
          weight
          user {
            id
            name
          }
        }
        roster(month: $month) {
          month
          published
          shifts {
            start
            route {
              id
            }
            assigned {
              id
              name
            }
          }
        }
      }
    }
  }
`);

const CheckInPatrolDoc = graphql(`
  mutation CheckInPatrol($input: CheckInPatrolInput!) {
    checkInPatrol(input: $input) {
      position {
        id
        state
        passed {
          checkpoint
          at
        }
      }
    }
  }
`);

const DropShiftDoc = graphql(`
  mutation DropShift($input: DropShiftInput!) {
    dropShift(input: $input) {
      position {
        id
        state
      }
    }
  }
`);

const OfferShiftDoc = graphql(`
  mutation OfferShift($input: OfferShiftInput!) {
    offerShift(input: $input) {
      position {
        id
        state
      }
    }
  }
`);

const TakeShiftDoc = graphql(`
  mutation TakeShift($input: TakeShiftInput!) {
    takeShift(input: $input) {
      position {
        id
        state
      }
    }
  }
`);

/**
 * PatrolPage is /c/:cid/patrol (巡防), for the members of a patrol team:
 * their shifts this month, each with 签到 (a checkpoint's code, or the
 * ?code= link its QR code opens), 换班 and 放弃; the open places to take;
 * and the team's loads, so anyone can check the fairness. 上报 leads to
 * the report form.
 */
export function PatrolPage() {
  const { t, i18n } = useTranslation();
  const { community } = useCommunity();
  const { viewer } = useViewer();
  const [params] = useSearchParams();
  const zone = community.settings.timeZone;
  const month = monthOf(new Date(), zone);
  const [res, refetch] = useQuery({ query: PatrolHomeQueryDoc, variables: { id: community.id, month }, requestPolicy: "cache-and-network" });
  const [checkRes, checkIn] = useMutation(CheckInPatrolDoc);
  const [dropRes, drop] = useMutation(DropShiftDoc);
  const [offerRes, offer] = useMutation(OfferShiftDoc);
  const [takeRes, take] = useMutation(TakeShiftDoc);
  const [codes, setCodes] = useState<Record<string, string>>({});
  const [done, setDone] = useState<string>();
  const base = `/c/${community.id}/patrol`;
  const scanned = params.get("code") ?? "";
  const focus = params.get("position");
  const err = toFormErrors(res.error ?? checkRes.error ?? dropRes.error ?? offerRes.error ?? takeRes.error, [], t("app.networkError")).form;
  const teams = res.data?.community?.patrolTeams;
  const refresh = () => refetch({ requestPolicy: "network-only" });
  const act = async (p: Promise<{ error?: unknown }>, message: string) => {
    const r = await p;
    if (!r.error) {
      setDone(message);
      refresh();
    }
  };
  if (!teams) {
    return (
      <Page title={t("patrol.title")}>
        <FormError message={err} />
        <Skeleton lines={6} />
      </Page>
    );
  }
  const mine = teams.filter((tm) => tm.members.some((m) => m.user.id === viewer?.id) || tm.captain.id === viewer?.id);
  const now = new Date();
  return (
    <Page title={t("patrol.title")}>
      <FormError message={err} />
      <Notice message={done} />
      {focus && <PositionFocus positionId={focus} zone={zone} onChange={refresh} />}
      <nav className="action-tiles" aria-label={t("patrol.actions")}>
        <Link className="action-tile" to={`${base}/report`}>
          <span aria-hidden="true">📣</span> {t("patrol.report")}
        </Link>
        {teams.length > 0 && (
          <Link className="action-tile" to={`${base}/roster?month=${month}`}>
            <span aria-hidden="true">🗓</span> {t("patrol.roster")}
          </Link>
        )}
      </nav>
      {mine.length === 0 && <EmptyState title={t("patrol.notMember")} hint={t("patrol.notMemberHint")} />}
      {mine.map((team) => {
        const mates = (start: string, routeId: string) =>
          team.roster?.shifts
            .find((s) => s.start === start && s.route.id === routeId)
            ?.assigned.filter((u) => u.id !== viewer?.id)
            .map((u) => u.name) ?? [];
        const upcoming = team.myShifts.filter((s) => new Date(s.end).getTime() + 30 * 60 * 1000 >= now.getTime());
        const maxW = Math.max(0, ...team.loads.map((l) => l.weight));
        const minW = team.loads.length ? Math.min(...team.loads.map((l) => l.weight)) : 0;
        return (
          <div key={team.id} className="patrol-team">
            <p className="lead">{t("patrol.inTeam", { team: team.name, captain: team.captain.name })}</p>
            <section className="panel" aria-labelledby={`pt-mine-${team.id}`}>
              <h2 id={`pt-mine-${team.id}`}>{t("patrol.myShifts")}</h2>
              {upcoming.length === 0 ? (
                <p className="muted">{t("patrol.noShifts")}</p>
              ) : (
                <ul className="plain-list patrol-shifts">
                  {upcoming.map((s) => {
                    const open = inCheckInWindow(s.start, s.end, now);
                    const code = codes[s.id] ?? (open ? scanned : "");
                    const names = mates(s.start, s.route.id);
                    return (
                      <li key={s.id} className="card patrol-shift">
                        <p className="patrol-when">
                          <strong>{whenText(s.start, s.end, i18n.language, zone)}</strong>
                          {s.night && <span className="tag">{t("patrol.night")}</span>}
                          <span className={positionTag(s.state)}>{t(`patrol.states.${s.state}`)}</span>
                        </p>
                        <p>
                          {t("patrol.route")}：{s.route.name}
                        </p>
                        <p className="muted">{names.length > 0 ? t("patrol.mates", { names: names.join("、") }) : t("patrol.alone")}</p>
                        {s.state === "OFFERED" && s.pendingTaker && <p className="muted">{t("patrol.pending", { name: s.pendingTaker.name })}</p>}
                        {(s.state === "ASSIGNED" || s.state === "CHECKED_IN") && open && (
                          <form
                            className="patrol-checkin"
                            onSubmit={(e) => {
                              e.preventDefault();
                              void act(checkIn({ input: { positionId: s.id, code: code.trim() } }), t("patrol.checkedIn"));
                            }}
                          >
                            <label>
                              <span>{t("patrol.code")}</span>
                              <input autoCapitalize="characters" autoComplete="off" maxLength={8} value={code} onChange={(e) => setCodes({ ...codes, [s.id]: e.target.value })} />
                            </label>
                            <button type="submit" className="btn btn-primary" disabled={!code.trim() || checkRes.fetching}>
                              {t("patrol.checkIn")}
                            </button>
                          </form>
                        )}
                        {s.state === "ASSIGNED" && new Date(s.start) > now && (
                          <div className="actions patrol-actions">
                            <button type="button" className="btn" disabled={offerRes.fetching} onClick={() => void act(offer({ input: { positionId: s.id } }), t("patrol.offered"))}>
                              {t("patrol.offer")}
                            </button>
                            <ConfirmSheet
                              trigger={t("patrol.drop")}
                              triggerClass="btn btn-danger"
                              title={t("patrol.dropTitle")}
                              consequence={t("patrol.dropConsequence", { when: whenText(s.start, s.end, i18n.language, zone) })}
                              confirm={t("patrol.dropConfirm")}
                              onConfirm={() => act(drop({ input: { positionId: s.id } }), t("patrol.dropped"))}
                            />
                          </div>
                        )}
                      </li>
                    );
                  })}
                </ul>
              )}
            </section>
            {team.openPositions.length > 0 && (
              <section className="panel" aria-labelledby={`pt-open-${team.id}`}>
                <h2 id={`pt-open-${team.id}`}>{t("patrol.open")}</h2>
                <p className="muted">{t("patrol.openHint")}</p>
                <ul className="plain-list patrol-shifts">
                  {team.openPositions.map((p) => (
                    <li key={p.id} className="card patrol-shift">
                      <p className="patrol-when">
                        <strong>{whenText(p.start, p.end, i18n.language, zone)}</strong>
                        {p.night && <span className="tag">{t("patrol.night")}</span>}
                      </p>
                      <p>
                        {t("patrol.route")}：{p.route.name}
                      </p>
                      <button type="button" className="btn btn-primary btn-block" disabled={takeRes.fetching} onClick={() => void act(take({ input: { positionId: p.id } }), t("patrol.taken"))}>
                        {t("patrol.take")}
                      </button>
                    </li>
                  ))}
                </ul>
              </section>
            )}
            {team.loads.length > 0 && (
              <section className="panel" aria-labelledby={`pt-loads-${team.id}`}>
                <h2 id={`pt-loads-${team.id}`}>{t("patrol.loads")}</h2>
                <p>{t("patrol.fairness", { spread: loadText(maxW - minW), count: team.loads.length })}</p>
                <ul className="plain-list patrol-loads">
                  {team.loads.map((l) => (
                    <li key={l.user.id} className={l.user.id === viewer?.id ? "patrol-load me" : "patrol-load"}>
                      <span className="patrol-name">{l.user.name}</span>
                      <span className="muted">{t("patrol.loadLine", { shifts: l.shifts, weight: loadText(l.weight) })}</span>
                    </li>
                  ))}
                </ul>
              </section>
            )}
          </div>
        );
      })}
    </Page>
  );
}
