import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { useMutation, useQuery } from "urql";
import { ConfirmSheet } from "../components/ConfirmSheet";
import { EmptyState, FormError, Notice, Page, Skeleton } from "../components/ui";
import { graphql } from "../gql";
import { useCommunity } from "../lib/community";
import { toFormErrors } from "../lib/errors";
import { loadText, monthOf, shiftMonth, validMonth } from "../lib/patrol";
import { whenText } from "../lib/volunteerDesk";
import { useViewer } from "../viewer";

graphql(`
  fragment PatrolRosterFields on PatrolRoster {
    month
    published
    publishedAt
    generatedAt
    spread
    lowerBound
    fairness
    loads {
      counted
      shifts
      weight
      user {
        id
        name
      }
    }
    shifts {
      start
      end
      night
      min
      max
      missing
      route {
        id
        name
      }
      assigned {
        id
        name
      }
    }
    unfilled {
      start
      end
      missing
      route {
        id
        name
      }
      shortage {
        code
        text
      }
    }
  }
`);

const PatrolRosterQueryDoc = graphql(`
  query PatrolRosterPage($id: ID!, $month: String!) {
    community(id: $id) {
      id
      patrolTeams {
        id
        name
        captain {
          id
        }
        roster(month: $month) {
          ...PatrolRosterFields
        }
      }
    }
  }
`);

const GeneratePatrolRosterDoc = graphql(`
  mutation GeneratePatrolRoster($input: GeneratePatrolRosterInput!) {
    generatePatrolRoster(input: $input) {
      roster {
        ...PatrolRosterFields
      }
    }
  }
`);

const PublishPatrolRosterDoc = graphql(`
  mutation PublishPatrolRoster($input: PublishPatrolRosterInput!) {
    publishPatrolRoster(input: $input) {
      roster {
        ...PatrolRosterFields
      }
    }
  }
`);

/** weekOf is the Monday (on the community's clock) of a shift's week, written 2026-12-07, for grouping. */
function weekOf(iso: string, zone: string): string {
  const d = new Date(iso);
  const ymd = new Intl.DateTimeFormat("en-CA", { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit" }).format(d);
  const day = new Date(`${ymd}T00:00:00Z`);
  const back = (day.getUTCDay() + 6) % 7;
  return new Date(day.getTime() - back * 86400000).toISOString().slice(0, 10);
}

/**
 * PatrolRosterPage is /c/:cid/patrol/roster?month=2026-12. The captain
 * (and the committee) generates a month's roster, reads it week by week
 * with names, the loads with the spread beside the bound no roster can
 * pass, and the shifts it cannot fill with why, then publishes it behind
 * a confirmation. Members see the published roster, read-only.
 */
export function PatrolRosterPage() {
  const { t, i18n } = useTranslation();
  const { community, can } = useCommunity();
  const { viewer } = useViewer();
  const zone = community.settings.timeZone;
  const [params, setParams] = useSearchParams();
  const asked = params.get("month");
  const month = validMonth(asked) ? asked : monthOf(new Date(), zone);
  const [res, refetch] = useQuery({ query: PatrolRosterQueryDoc, variables: { id: community.id, month }, requestPolicy: "cache-and-network" });
  const [genRes, generate] = useMutation(GeneratePatrolRosterDoc);
  const [pubRes, publish] = useMutation(PublishPatrolRosterDoc);
  const [done, setDone] = useState<string>();
  const err = toFormErrors(res.error ?? genRes.error ?? pubRes.error, [], t("app.networkError")).form;
  const teams = res.data?.community?.patrolTeams;
  const go = (m: string) => {
    setDone(undefined);
    setParams({ month: m });
  };
  const title = t("patrol.rosterPage.title");
  if (!teams) {
    return (
      <Page title={title}>
        <FormError message={err} />
        <Skeleton lines={6} />
      </Page>
    );
  }
  return (
    <Page title={title} wide>
      <FormError message={err} />
      <Notice message={done} />
      <nav className="patrol-months" aria-label={t("patrol.rosterPage.months")}>
        <button type="button" className="btn" onClick={() => go(shiftMonth(month, -1))}>
          ← {shiftMonth(month, -1)}
        </button>
        <strong className="patrol-month">{month}</strong>
        <button type="button" className="btn" onClick={() => go(shiftMonth(month, 1))}>
          {shiftMonth(month, 1)} →
        </button>
      </nav>
      {teams.length === 0 && <EmptyState title={t("patrol.notMember")} />}
      {teams.map((team) => {
        const manages = team.captain.id === viewer?.id || can.committee;
        const r = team.roster;
        const weeks = new Map<string, NonNullable<typeof r>["shifts"]>();
        for (const s of r?.shifts ?? []) {
          const w = weekOf(s.start, zone);
          weeks.set(w, [...(weeks.get(w) ?? []), s]);
        }
        return (
          <div key={team.id} className="patrol-team">
            <h2>{team.name}</h2>
            {r ? (
              <section className="status-header" aria-label={t("patrol.rosterPage.status")}>
                <p className="status-line">
                  <span className={r.published ? "tag tag-ok" : "tag tag-warn"}>{r.published ? t("patrol.rosterPage.published") : t("patrol.rosterPage.draft")}</span>
                </p>
                <p className="patrol-spread">{t("patrol.rosterPage.spread", { spread: loadText(r.spread), bound: loadText(r.lowerBound) })}</p>
                <p className="muted">{r.fairness}</p>
              </section>
            ) : (
              <p className="muted">{manages ? t("patrol.rosterPage.none") : t("patrol.rosterPage.notPublished")}</p>
            )}
            {manages && !r?.published && (
              <div className="actions patrol-roster-actions">
                <button
                  type="button"
                  className="btn btn-primary"
                  disabled={genRes.fetching}
                  onClick={async () => {
                    const g = await generate({ input: { patrolTeamId: team.id, month } });
                    if (!g.error) {
                      setDone(t("patrol.rosterPage.generated"));
                      refetch({ requestPolicy: "network-only" });
                    }
                  }}
                >
                  {r ? t("patrol.rosterPage.regenerate") : t("patrol.rosterPage.generate")}
                </button>
                {r && (
                  <ConfirmSheet
                    trigger={t("patrol.rosterPage.publish")}
                    triggerClass="btn btn-danger"
                    title={t("patrol.rosterPage.publishTitle", { month })}
                    consequence={t("patrol.rosterPage.publishConsequence", { count: r.unfilled.length })}
                    confirm={t("patrol.rosterPage.publishConfirm")}
                    onConfirm={async () => {
                      const p = await publish({ input: { patrolTeamId: team.id, month } });
                      if (!p.error) {
                        setDone(t("patrol.rosterPage.publishedDone"));
                        refetch({ requestPolicy: "network-only" });
                      }
                    }}
                  />
                )}
              </div>
            )}
            {r && r.unfilled.length > 0 && (
              <section className="panel" aria-labelledby={`pr-unf-${team.id}`}>
                <h3 id={`pr-unf-${team.id}`}>{t("patrol.rosterPage.unfilled", { count: r.unfilled.length })}</h3>
                <ul className="plain-list">
                  {r.unfilled.map((s) => (
                    <li key={`${s.route.id}-${s.start}`} className="card">
                      <strong>{whenText(s.start, s.end, i18n.language, zone)}</strong> · {s.route.name}
                      <p>
                        <span className="tag tag-warn">{t("patrol.rosterPage.missing", { count: s.missing })}</span> {s.shortage?.text}
                      </p>
                    </li>
                  ))}
                </ul>
              </section>
            )}
            {r && (
              <section className="panel" aria-labelledby={`pr-loads-${team.id}`}>
                <h3 id={`pr-loads-${team.id}`}>{t("patrol.loads")}</h3>
                <ul className="plain-list patrol-loads">
                  {r.loads.map((l) => (
                    <li key={l.user.id} className="patrol-load">
                      <span className="patrol-name">{l.user.name}</span>
                      <span className="muted">
                        {t("patrol.loadLine", { shifts: l.shifts, weight: loadText(l.weight) })}
                        {l.counted === false && ` · ${t("patrol.rosterPage.notCounted")}`}
                      </span>
                    </li>
                  ))}
                </ul>
              </section>
            )}
            {r && (
              <section className="panel" aria-labelledby={`pr-cal-${team.id}`}>
                <h3 id={`pr-cal-${team.id}`}>{t("patrol.rosterPage.calendar")}</h3>
                {[...weeks.entries()].map(([w, shifts]) => (
                  <details key={w} className="patrol-week" open={w === weeks.keys().next().value}>
                    <summary>{t("patrol.rosterPage.week", { date: w, count: shifts.length })}</summary>
                    <ul className="plain-list">
                      {shifts.map((s) => (
                        <li key={`${s.route.id}-${s.start}`} className="patrol-cal-shift">
                          <strong>{whenText(s.start, s.end, i18n.language, zone)}</strong>
                          {s.night && <span className="tag">{t("patrol.night")}</span>}
                          <span className="muted"> {s.route.name}</span>
                          <p>{s.assigned.length > 0 ? s.assigned.map((u) => u.name).join("、") : t("patrol.rosterPage.nobody")}</p>
                        </li>
                      ))}
                    </ul>
                  </details>
                ))}
              </section>
            )}
          </div>
        );
      })}
      <p className="section-more">
        <Link to={`/c/${community.id}/patrol`}>{t("patrol.toPatrol")}</Link>
      </p>
    </Page>
  );
}
