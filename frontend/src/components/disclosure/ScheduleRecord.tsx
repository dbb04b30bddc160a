import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useQuery } from "urql";
import { graphql } from "../../gql";
import type { DisclosureKind, DisclosureRecordPeriodFieldsFragment, PeriodStatus } from "../../gql/graphql";
import { KINDS, kindLabel, periodStatusTag } from "../../lib/disclosure";
import { toFormErrors } from "../../lib/errors";
import { FormError, Skeleton } from "../ui";
import type { PublicCommunity } from "./publicCommunity";
import { periodLabel } from "../../lib/disclosurePeriod";

export const DisclosureRecordPeriodFields = graphql(`
  fragment DisclosureRecordPeriodFields on DisclosureRecordPeriod {
    kind
    due
    status
    publishedAt
    period {
      key
    }
    disclosure {
      id
    }
  }
`);

const ScheduleRecordQueryDoc = graphql(`
  query DisclosureScheduleRecord($id: ID!, $finance: Int!, $village: Int!) {
    community(id: $id) {
      id
      party: disclosureRecord(kind: PARTY, periods: 12) {
        ...DisclosureRecordPeriodFields
      }
      village: disclosureRecord(kind: VILLAGE, periods: $village) {
        ...DisclosureRecordPeriodFields
      }
      finance: disclosureRecord(kind: FINANCE, periods: $finance) {
        ...DisclosureRecordPeriodFields
      }
      power: disclosureRecord(kind: POWER, periods: 12) {
        ...DisclosureRecordPeriodFields
      }
      questionCounts {
        kind
        asked
        answeredOnTime
        answeredLate
        escalated
        open
      }
    }
  }
`);

const SHOWN = 6;
const TALLY: PeriodStatus[] = ["ON_TIME", "LATE", "OVERDUE", "MISSING", "DUE_SOON"];

/**
 * ScheduleRecord is the list's 公开记录: for each kind, its rule in one
 * line, how its recent periods stand (on time, late, missing, due soon,
 * overdue) and the questions asked on it and how they were answered. For
 * the committee, a period due or overdue leads to the editor.
 */
export function ScheduleRecord({ community, only, editor }: { community: PublicCommunity; only: DisclosureKind | null; editor: (k: DisclosureKind) => boolean }) {
  const { t, i18n } = useTranslation();
  const schedule = community.disclosureSchedule;
  const quarterly = schedule.financeCadence === "QUARTERLY";
  const [res] = useQuery({
    query: ScheduleRecordQueryDoc,
    variables: { id: community.id, finance: quarterly ? 4 : 12, village: 4 },
    requestPolicy: "cache-and-network",
  });
  const data = res.data?.community;
  const err = toFormErrors(res.error, [], t("app.networkError")).form;
  const byKind: Record<DisclosureKind, DisclosureRecordPeriodFieldsFragment[]> | null = data
    ? { PARTY: data.party, VILLAGE: data.village, FINANCE: data.finance, POWER: data.power }
    : null;
  const base = `/c/${community.id}/disclosures`;
  return (
    <section className="panel" aria-labelledby="disclosure-record-h">
      <h2 id="disclosure-record-h">{t("disclosure.record.title")}</h2>
      <p className="muted small">{t("disclosure.record.intro")}</p>
      <FormError message={err} />
      {!byKind || !data ? (
        <Skeleton lines={4} />
      ) : (
        <ul className="cards">
          {KINDS.filter((k) => !only || only === k).map((k) => {
            const periods = byKind[k];
            const rule = schedule.rules.find((r) => r.kind === k);
            const counts = data.questionCounts.find((c) => c.kind === k);
            const tally = TALLY.map((s) => ({ s, n: periods.filter((p) => p.status === s).length })).filter((x) => x.n > 0);
            const label = kindLabel(t, k, community.kind);
            return (
              <li key={k} className="card schedule-kind">
                <h3 className="card-title">{label}</h3>
                {rule && <p className="small muted">{t(`disclosure.record.rule.${rule.cadence}`, { days: rule.dueDays })}</p>}
                {periods.length === 0 ? (
                  <p className="small">{t("disclosure.record.none")}</p>
                ) : (
                  <ul className="period-list" aria-label={t("disclosure.record.periodsOf", { kind: label })}>
                    {periods.slice(0, SHOWN).map((p) => {
                      const tag = periodStatusTag(p.status);
                      const due = p.status === "OVERDUE" || p.status === "DUE_SOON" || p.status === "MISSING";
                      return (
                        <li key={p.period.key}>
                          {p.disclosure ? <Link to={`${base}/${p.disclosure.id}`}>{periodLabel(p.period.key, i18n.language)}</Link> : <span>{periodLabel(p.period.key, i18n.language)}</span>}
                          <span className={tag.cls}>{t(tag.key)}</span>
                          {due && !p.disclosure && editor(k) && (
                            <Link className="btn btn-small" to={`${base}/new?kind=${k}&period=${p.period.key}`} aria-label={t("disclosure.record.draftFor", { period: periodLabel(p.period.key, i18n.language), kind: label })}>
                              {t("disclosure.record.draft")}
                            </Link>
                          )}
                        </li>
                      );
                    })}
                  </ul>
                )}
                {tally.length > 0 && (
                  <p className="small">
                    {t("disclosure.record.tally", { count: periods.length })}
                    {tally.map((x) => t(`disclosure.record.count.${x.s}`, { count: x.n })).join(t("app.listSep"))}
                  </p>
                )}
                {counts && counts.asked > 0 && (
                  <p className="small">
                    {t("disclosure.record.questions", {
                      count: counts.asked,
                      onTime: counts.answeredOnTime,
                      late: counts.answeredLate,
                      escalated: counts.escalated,
                      open: counts.open,
                    })}
                  </p>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
