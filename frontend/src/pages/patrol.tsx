import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { useMutation, useQuery } from "urql";
import { ConfirmSheet } from "../components/ConfirmSheet";
import { CaptainDay } from "../components/patrol/CaptainDay";
import { MediationPanel } from "../components/patrol/MediationPanel";
import { OfferedShifts } from "../components/patrol/OfferedShifts";
import { PositionFocus } from "../components/patrol/PositionFocus";
import { ShiftHead } from "../components/patrol/ShiftHead";
import { EmptyState, FormError, formatTime, Notice, Page, Skeleton } from "../components/ui";
import { graphql } from "../gql";
import { useCommunity } from "../lib/community";
import { toFormErrors } from "../lib/errors";
import { inCheckInWindow, loadText, monthOf, positionTag, shiftMonth } from "../lib/patrol";
import { whenText } from "../lib/volunteerDesk";
import { useViewer } from "../viewer";

const PatrolHomeQueryDoc = graphql(`
  query PatrolHome($id: ID!, $month: String!, $next: String!) {
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
          ...PatrolMyShift
        }
        myShiftsNext: myShifts(month: $next) {
          ...PatrolMyShift
        }
        offeredPositions(month: $month) {
          ...PatrolOffered
        }
        offeredNext: offeredPositions(month: $next) {
          ...PatrolOffered
        }
        openPositions(month: $month) {
          ...PatrolOpen
        }
        openNext: openPositions(month: $next) {
          ...PatrolOpen
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
          ...PatrolMates
        }
        rosterNext: roster(month: $next) {
          ...PatrolMates
        }
      }
    }
  }

  fragment PatrolMyShift on PatrolPosition {
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
    passed {
      checkpoint
      at
    }
    route {
      id
      name
      checkpoints {
        name
      }
    }
  }

  fragment PatrolOffered on PatrolPosition {
    id
    start
    end
    night
    user {
      id
      name
    }
    route {
      id
      name
    }
  }

  fragment PatrolMates on PatrolRoster {
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

  fragment PatrolOpen on PatrolPosition {
    id
    start
    end
    night
    candidates {
      shifts
      user {
        id
        name
      }
    }
    route {
      id
      name
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
 * their shifts this month and the next, each with 签到 (a checkpoint's code, or the
 * ?code= link its QR code opens), 换班 and 放弃; the open places to take;
 * and the team's loads, so anyone can check the fairness. 上报 leads to
 * the report form; below, the 和事佬 cases (MediationPanel).
 */
export function PatrolPage() {
  const { t, i18n } = useTranslation();
  const { community, can } = useCommunity();
  const { viewer } = useViewer();
  const [params] = useSearchParams();
  const zone = community.settings.timeZone;
  const month = monthOf(new Date(), zone);
  const next = shiftMonth(month, 1);
  const [res, refetch] = useQuery({ query: PatrolHomeQueryDoc, variables: { id: community.id, month, next }, requestPolicy: "cache-and-network" });
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
      {teams.length > mine.length && (
        <ul className="plain-list" aria-label={t("patrol.teams")}>
          {teams
            .filter((tm) => !mine.includes(tm))
            .map((tm) => (
              <li key={tm.id} className="card">
                <p>{t("patrol.inTeam", { team: tm.name, captain: tm.captain.name })}</p>
                <Link className="btn btn-block" to={`${base}/teams/${tm.id}`}>
                  {t("patrol.seeTeam")}
                </Link>
              </li>
            ))}
        </ul>
      )}
      {mine.map((team) => {
        const shifts = [...(team.roster?.shifts ?? []), ...(team.rosterNext?.shifts ?? [])];
        const mates = (start: string, routeId: string) =>
          shifts
            .find((s) => s.start === start && s.route.id === routeId)
            ?.assigned.filter((u) => u.id !== viewer?.id)
            .map((u) => u.name) ?? [];
        const upcoming = [...team.myShifts, ...team.myShiftsNext].filter((s) => new Date(s.end).getTime() + 30 * 60 * 1000 >= now.getTime());
        const offered = [...team.offeredPositions, ...team.offeredNext];
        const openPlaces = [...team.openPositions, ...team.openNext];
        const maxW = Math.max(0, ...team.loads.map((l) => l.weight));
        const minW = team.loads.length ? Math.min(...team.loads.map((l) => l.weight)) : 0;
        return (
          <div key={team.id} className="patrol-team">
            <p className="lead">
              {t("patrol.inTeam", { team: team.name, captain: team.captain.name })} · <Link to={`${base}/teams/${team.id}`}>{t("patrol.teamPage")}</Link>
            </p>
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
                        <ShiftHead
                          start={s.start}
                          end={s.end}
                          night={s.night}
                          zone={zone}
                          route={s.route.name}
                          tag={<span className={positionTag(s.state)}>{t(`patrol.states.${s.state}`)}</span>}
                        />
                        <p className="muted">{names.length > 0 ? t("patrol.mates", { names: names.join("、") }) : t("patrol.alone")}</p>
                        {s.passed.length > 0 && (
                          <p className="patrol-passed">
                            {t("patrol.passed", {
                              list: s.passed.map((p) => `${s.route.checkpoints[p.checkpoint]?.name ?? p.checkpoint + 1} ${formatTime(p.at, i18n.language, zone)}`).join("、"),
                            })}
                          </p>
                        )}
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
            {(team.captain.id === viewer?.id || can.committee) && (
              <CaptainDay
                teamId={team.id}
                zone={zone}
                onDone={(m) => {
                  setDone(m);
                  refresh();
                }}
              />
            )}
            <OfferedShifts
              teamId={team.id}
              shifts={offered}
              zone={zone}
              onDone={(m) => {
                setDone(m);
                refresh();
              }}
            />
            {openPlaces.length > 0 && (
              <section className="panel" aria-labelledby={`pt-open-${team.id}`}>
                <h2 id={`pt-open-${team.id}`}>{t("patrol.open")}</h2>
                <p className="muted">{t("patrol.openHint")}</p>
                <ul className="plain-list patrol-shifts">
                  {openPlaces.map((p) => (
                    <li key={p.id} className="card patrol-shift">
                      <ShiftHead start={p.start} end={p.end} night={p.night} zone={zone} route={p.route.name} />
                      {p.candidates.length > 0 && (
                        <p className="muted small">
                          {t("patrol.candidates", {
                            names: p.candidates
                              .slice(0, 5)
                              .map((c) => t("patrol.candidate", { name: c.user.name, shifts: c.shifts }))
                              .join("、"),
                          })}
                        </p>
                      )}
                      {!p.candidates.some((c) => c.user.id === viewer?.id) && <p className="field-hint">{t("patrol.notFit")}</p>}
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
      <MediationPanel />
    </Page>
  );
}
