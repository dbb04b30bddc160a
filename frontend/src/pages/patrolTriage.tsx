import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useQuery } from "urql";
import { TriageCard } from "../components/patrol/TriageCard";
import { EmptyState, FormError, Notice, Page, Skeleton } from "../components/ui";
import { graphql } from "../gql";
import { useCommunity } from "../lib/community";
import { toFormErrors } from "../lib/errors";

const PatrolTriageQueryDoc = graphql(`
  query PatrolTriage($id: ID!) {
    community(id: $id) {
      id
      patrolReports(state: NEW) {
        id
        kind
        severity
        place
        text
        photos
        reportedAt
        reportedBy {
          id
          name
        }
        microGrid {
          id
          name
        }
      }
      patrolSuggestions {
        kind
        microGrid {
          id
          name
        }
        reports {
          id
          kind
          severity
          place
          text
          photos
          state
          reportedAt
          reportedBy {
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

/**
 * PatrolTriagePage is /c/:cid/patrol/triage, the grid worker's (and the
 * committee's) queue of new patrol reports, each a decision card, with
 * first the suggestions: the same kind reported three times in one
 * micro-grid within 30 days, best made a topic: 转为议题 opens its newest
 * untriaged report on that step, titled after the place and kind.
 */
export function PatrolTriagePage() {
  const { t } = useTranslation();
  const { community } = useCommunity();
  const [res, refetch] = useQuery({ query: PatrolTriageQueryDoc, variables: { id: community.id }, requestPolicy: "cache-and-network" });
  const [done, setDone] = useState<string>();
  const [topicId, setTopicId] = useState<string>();
  const [escalating, setEscalating] = useState<string>();
  const c = res.data?.community;
  const finish = (message: string, topic?: string) => {
    setDone(message);
    setTopicId(topic);
    setEscalating(undefined);
    refetch({ requestPolicy: "network-only" });
  };
  const err = toFormErrors(res.error, [], t("app.networkError")).form;
  if (!c) {
    return (
      <Page title={t("patrol.triage.title")}>
        <FormError message={err} />
        <Skeleton lines={6} />
      </Page>
    );
  }
  return (
    <Page title={t("patrol.triage.title")}>
      <FormError message={err} />
      <Notice message={done} />
      {topicId && (
        <p>
          <Link to={`/c/${community.id}/topics/${topicId}`}>{t("patrol.triage.openTopic")}</Link>
        </p>
      )}
      {c.patrolSuggestions.length > 0 && (
        <section className="panel" aria-labelledby="pt-sugg-h">
          <h2 id="pt-sugg-h">{t("patrol.triage.suggestions")}</h2>
          <ul className="plain-list">
            {c.patrolSuggestions.map((s) => {
              const key = `${s.microGrid.id}-${s.kind}`;
              const newest = s.reports.find((r) => r.state === "NEW");
              const kind = t(`patrol.kinds.${s.kind}`);
              return (
                <li key={key} className="alert alert-info patrol-suggestion">
                  <strong>
                    {s.microGrid.name} · {kind}
                  </strong>
                  <p>{t("patrol.triage.suggest", { count: s.reports.length })}</p>
                  <p className="muted small">{s.reports.map((r) => r.place).join("、")}</p>
                  {newest &&
                    (escalating === key ? (
                      <TriageCard report={newest} zone={community.settings.timeZone} escalateAs={t("patrol.triage.suggestTitle", { place: s.microGrid.name, kind })} onDone={finish} />
                    ) : (
                      <button type="button" className="btn btn-primary" onClick={() => setEscalating(key)}>
                        {t("patrol.triage.actions.ESCALATE")}
                      </button>
                    ))}
                </li>
              );
            })}
          </ul>
        </section>
      )}
      <section className="panel" aria-labelledby="pt-queue-h">
        <h2 id="pt-queue-h">{t("patrol.triage.queue")}</h2>
        {c.patrolReports.length === 0 ? (
          <EmptyState title={t("patrol.triage.empty")} />
        ) : (
          <ul className="plain-list">
            {c.patrolReports.map((r) => (
              <li key={r.id}>
                <TriageCard
                  report={r}
                  zone={community.settings.timeZone}
                  onDone={finish}
                />
              </li>
            ))}
          </ul>
        )}
      </section>
    </Page>
  );
}
