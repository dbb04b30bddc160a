import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useQuery, type RequestPolicy } from "urql";
import { graphql } from "../../gql";
import type { DisclosureContentFieldsFragment } from "../../gql/graphql";
import { exportHref } from "../../lib/disclosure";
import { fenOf, formatYuan } from "../../lib/disclosureMoney";
import { formatDate } from "../ui";
import { FinanceItems, FinanceSummary } from "./Finance";
import { Attachments, VerifyFold } from "./Verification";

export const DisclosureContentFields = graphql(`
  fragment DisclosureContentFields on DisclosureVersion {
    id
    number
    type
    state
    title
    body
    reason
    contentHash
    publishedAt
    readCount
    attachments {
      name
      url
      sha256
      size
    }
    power {
      decision
      decidedBy
      basis
      amount
    }
    finance {
      openingBalance
      incomeTotal
      expenseTotal
      closingBalance
      itemCount
      items {
        key
        date
        direction
        category
        amount
        counterparty
        voucher
        note
        link
      }
    }
  }
`);

const VersionContentQueryDoc = graphql(`
  query DisclosureVersionContent($id: ID!) {
    node(id: $id) {
      __typename
      ... on DisclosureVersion {
        ...DisclosureContentFields
      }
    }
  }
`);

/**
 * useVersionContent loads one version's content (a draft for its editors
 * only), for an earlier version's full text or notice, or nothing when
 * versionId is null; ask for a draft, which changes, "network-only". It
 * gives the version (null when it is none the viewer may see), undefined
 * while it loads, and the request's error.
 */
export function useVersionContent(versionId: string | null, requestPolicy: RequestPolicy = "cache-first") {
  const [res] = useQuery({ query: VersionContentQueryDoc, variables: { id: versionId ?? "" }, pause: !versionId, requestPolicy });
  const node = res.data?.node;
  // An answer for the version asked before stands for none while this one loads.
  const version = !res.data || res.operation?.variables.id !== versionId ? undefined : node?.__typename === "DisclosureVersion" ? node : null;
  return { version, error: res.error };
}

/**
 * VersionContent is what a version makes public: its text; a power item's
 * decision, who decided, the basis and the amount; a finance period's
 * figures and items; its attachments; and under 公开核验 its content hash
 * and record entry.
 */
export function VersionContent({
  v,
  communityId,
  categories,
  zone,
  exports,
}: {
  v: DisclosureContentFieldsFragment;
  communityId: string;
  categories: Map<string, string>;
  zone: string;
  /** the community's code and the period, for the period's spreadsheets (published finance only) */
  exports?: { code: string; period: string };
}) {
  const { t, i18n } = useTranslation();
  if (v.type === "WITHDRAWAL") {
    return (
      <section className="panel">
        <p className="alert alert-info">{t("disclosure.content.withdrawn", { reason: v.reason ?? "" })}</p>
        <p>
          <Link to="?tab=versions">{t("disclosure.content.earlier")} →</Link>
        </p>
        {v.state === "PUBLISHED" && <VerifyFold communityId={communityId} versionId={v.id} contentHash={v.contentHash} />}
      </section>
    );
  }
  return (
    <>
      <section className="panel disclosure-content" aria-labelledby="content-h">
        <h2 id="content-h">{v.title}</h2>
        <p className="muted small meta">
          <span>{t("disclosure.content.version", { n: v.number })}</span>
          {v.publishedAt && <span>{t("disclosure.publishedOn", { date: formatDate(v.publishedAt, i18n.language, zone) })}</span>}
        </p>
        {v.type === "CORRECTION" && v.reason && <p className="alert alert-info">{t("disclosure.content.correctionReason", { reason: v.reason })}</p>}
        {v.body && <div className="topic-body">{v.body}</div>}
        {v.power && (
          <dl className="record-facts power-facts">
            <dt>{t("disclosure.power.decision")}</dt>
            <dd>{v.power.decision}</dd>
            <dt>{t("disclosure.power.decidedBy")}</dt>
            <dd>{v.power.decidedBy}</dd>
            <dt>{t("disclosure.power.basis")}</dt>
            <dd>{v.power.basis}</dd>
            <dt>{t("disclosure.power.amount")}</dt>
            <dd>{fenOf(v.power.amount) === 0 ? t("disclosure.power.noAmount") : formatYuan(fenOf(v.power.amount))}</dd>
          </dl>
        )}
        <Attachments files={v.attachments} versionId={v.state === "PUBLISHED" ? v.id : undefined} />
        {v.state === "PUBLISHED" && <VerifyFold communityId={communityId} versionId={v.id} contentHash={v.contentHash} attachments={v.attachments} />}
      </section>
      {v.finance && (
        <section className="panel" aria-labelledby="finance-h">
          <h2 id="finance-h">{t("disclosure.finance.title")}</h2>
          <FinanceSummary f={v.finance} />
          <h3>{t("disclosure.finance.itemsCount", { count: v.finance.itemCount })}</h3>
          <FinanceItems items={v.finance.items} categories={categories} communityId={communityId} />
          {exports && v.state === "PUBLISHED" && (
            <p className="actions export-period">
              <span>{t("disclosure.exports.period")}</span>
              {(["xlsx", "csv"] as const).map((f) => (
                <a
                  key={f}
                  className="btn btn-small"
                  href={exportHref(exports.code, "finance", exports.period, f, i18n.language)}
                  download
                  aria-label={t("disclosure.exports.periodLabel", { format: f.toUpperCase() })}
                >
                  {f.toUpperCase()}
                </a>
              ))}
            </p>
          )}
        </section>
      )}
    </>
  );
}
