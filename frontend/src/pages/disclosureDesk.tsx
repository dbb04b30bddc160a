import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useQuery } from "urql";
import { DisclosureCard } from "../components/disclosure/DisclosureCard";
import { DisclosureSettings } from "../components/disclosure/DisclosureSettings";
import { CardSkeleton, EmptyState, FormError, Page } from "../components/ui";
import { graphql } from "../gql";
import type { DisclosureRecordPeriodFieldsFragment } from "../gql/graphql";
import { useCommunity } from "../lib/community";
import { kindLabel, periodStatusTag } from "../lib/disclosure";
import { toFormErrors } from "../lib/errors";
import { hasRole } from "../viewer";
import { periodLabel } from "../lib/disclosurePeriod";

const DeskQueryDoc = graphql(`
  query DisclosureDesk($id: ID!, $editor: Boolean!) {
    community(id: $id) {
      id
      recent: disclosures(first: 50) {
        nodes {
          ...DisclosureCardFields
        }
      }
      finance: disclosureRecord(kind: FINANCE, periods: 12) @include(if: $editor) {
        ...DisclosureRecordPeriodFields
      }
      village: disclosureRecord(kind: VILLAGE, periods: 4) @include(if: $editor) {
        ...DisclosureRecordPeriodFields
      }
    }
  }
`);

const DUE = new Set(["DUE_SOON", "OVERDUE", "MISSING"]);

/**
 * DisclosureDeskPage is /c/:cid/disclosures/desk, the workbench's 公开事项:
 * for the committee (and the party organisation, for party affairs) the
 * drafts waiting to be published, the periods due or overdue with no
 * disclosure yet, and a new one; for grid workers the latest published
 * notices, to record where they were posted.
 */
export function DisclosureDeskPage() {
  const { t, i18n } = useTranslation();
  const { community, membership, can } = useCommunity();
  const party = hasRole(membership, "PARTY");
  const editor = can.committee || party;
  const [res] = useQuery({ query: DeskQueryDoc, variables: { id: community.id, editor }, requestPolicy: "cache-and-network" });
  const data = res.data?.community;
  const err = toFormErrors(res.error, [], t("app.networkError")).form;
  const zone = community.settings.timeZone;
  const base = `/c/${community.id}/disclosures`;
  const mine = (k: string) => can.committee || (party && k === "PARTY");
  const drafts = data?.recent.nodes.filter((d) => d.hasDraft && mine(d.kind)) ?? [];
  const due: DisclosureRecordPeriodFieldsFragment[] = can.committee ? [...(data?.finance ?? []), ...(data?.village ?? [])].filter((p) => DUE.has(p.status) && !p.disclosure) : [];
  const published = data?.recent.nodes.filter((d) => d.state === "PUBLISHED").slice(0, 10) ?? [];
  return (
    <Page title={t("disclosure.desk.title")} wide>
      <FormError message={err} />
      {!editor && !can.gridWorker && <EmptyState title={t("disclosure.editor.notAllowed")} />}
      {editor && (
        <>
          <p>
            <Link className="btn btn-primary" to={`${base}/new`}>
              {t("disclosure.desk.new")}
            </Link>
          </p>
          <section className="panel" aria-labelledby="desk-due-h">
            <h2 id="desk-due-h">{t("disclosure.desk.due")}</h2>
            {!data ? (
              <CardSkeleton count={1} />
            ) : due.length === 0 ? (
              <p className="muted">{t("disclosure.desk.noneDue")}</p>
            ) : (
              <ul className="cards">
                {due.map((p) => {
                  const tag = periodStatusTag(p.status);
                  const label = kindLabel(t, p.kind, community.kind);
                  return (
                    <li key={`${p.kind}-${p.period.key}`} className="card card-row">
                      <p>
                        <strong>{t("disclosure.desk.dueItem", { kind: label, period: periodLabel(p.period.key, i18n.language) })}</strong>
                        <br />
                        <span className={tag.cls}>{t(tag.key)}</span> <span className="muted small">{t("disclosure.dueOn", { date: periodLabel(p.due, i18n.language) })}</span>
                      </p>
                      <Link className="btn" to={`${base}/new?kind=${p.kind}&period=${p.period.key}`} aria-label={t("disclosure.record.draftFor", { period: periodLabel(p.period.key, i18n.language), kind: label })}>
                        {t("disclosure.record.draft")}
                      </Link>
                    </li>
                  );
                })}
              </ul>
            )}
          </section>
          <section className="panel" aria-labelledby="desk-drafts-h">
            <h2 id="desk-drafts-h">{t("disclosure.desk.drafts")}</h2>
            {!data ? (
              <CardSkeleton count={1} />
            ) : drafts.length === 0 ? (
              <p className="muted">{t("disclosure.desk.noDrafts")}</p>
            ) : (
              <ul className="cards">
                {drafts.map((d) => (
                  <li key={d.id} className="card">
                    <DisclosureCard d={d} communityId={community.id} communityKind={community.kind} zone={zone} to={`${base}/${d.id}/edit`} />
                  </li>
                ))}
              </ul>
            )}
          </section>
        </>
      )}
      {(can.gridWorker || can.committee) && (
        <section className="panel" aria-labelledby="desk-post-h">
          <h2 id="desk-post-h">{t("disclosure.desk.postings")}</h2>
          <p className="muted small">{t("disclosure.desk.postingsHint")}</p>
          {!data ? (
            <CardSkeleton count={2} />
          ) : published.length === 0 ? (
            <p className="muted">{t("disclosure.empty")}</p>
          ) : (
            <ul className="cards">
              {published.map((d) => (
                <li key={d.id} className="card card-row">
                  <p>
                    <strong>{d.current.title}</strong>
                    <br />
                    <span className="muted small">{periodLabel(d.period.key, i18n.language)}</span>
                  </p>
                  <Link className="btn" to={`${base}/${d.id}?tab=postings`} aria-label={t("disclosure.desk.postFor", { title: d.current.title })}>
                    {t("disclosure.desk.post")}
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
      {can.committee && <DisclosureSettings communityId={community.id} />}
      <p>
        <Link to={base}>{t("disclosure.desk.toList")}</Link>
      </p>
    </Page>
  );
}
