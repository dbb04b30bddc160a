import { useTranslation } from "react-i18next";
import { Link, useParams, useSearchParams } from "react-router";
import { useQuery } from "urql";
import { useVersionContent } from "../components/disclosure/ContentTab";
import { FinanceItems, FinanceSummary } from "../components/disclosure/Finance";
import { CommunityGate, type PublicCommunity } from "../components/disclosure/publicCommunity";
import { useRecordEntry } from "../components/disclosure/Verification";
import { QrCode } from "../components/meeting/QrCode";
import { NotFoundPage } from "../components/NotFound";
import { EmptyState, FormError, Page, Skeleton, formatDate } from "../components/ui";
import { graphql } from "../gql";
import { kindLabel, versionTypeKey } from "../lib/disclosure";
import { fenOf, formatYuan } from "../lib/disclosureMoney";
import { toFormErrors } from "../lib/errors";
import { periodLabel } from "../lib/disclosurePeriod";

const NoticeQueryDoc = graphql(`
  query DisclosureNotice($id: ID!, $cid: ID!) {
    node(id: $id) {
      __typename
      ... on Disclosure {
        id
        kind
        state
        community {
          id
        }
        period {
          key
        }
        current {
          ...DisclosureContentFields
        }
        versions {
          id
          number
          state
        }
      }
    }
    community(id: $cid) {
      id
      financeCategories {
        code
        label
      }
    }
  }
`);

/**
 * DisclosureNoticePage is /c/:cid/disclosures/:did/notice, the printable
 * notice (公示栏) of a disclosure's version in force, for anyone: on A4,
 * without the app's frame, with the text, the figures and items, a QR code
 * to the online version, and the reference of its entry in the public
 * record (the content hash, and the entry's number when found).
 * ?version=2 prints that published version instead, its QR code leading
 * to that version's full text online; ?draft=1 previews the draft waiting
 * to be published, for its editors: marked as a draft, without a QR code
 * or record entry.
 */
export function DisclosureNoticePage() {
  const { t } = useTranslation();
  const { cid = "", did = "" } = useParams();
  return <CommunityGate cid={cid} title={t("disclosure.notice.title")}>{(c) => <Notice community={c} did={did} />}</CommunityGate>;
}

function Notice({ community, did }: { community: PublicCommunity; did: string }) {
  const { t, i18n } = useTranslation();
  const [params] = useSearchParams();
  const draft = params.get("draft") === "1";
  const asked = draft ? null : params.get("version");
  const [res] = useQuery({ query: NoticeQueryDoc, variables: { id: did, cid: community.id }, requestPolicy: draft ? "network-only" : "cache-first" });
  const node = res.data?.node;
  const d = node?.__typename === "Disclosure" ? node : null;
  // The version to print: the draft, the published version asked for, or the one in force.
  const wanted = !d
    ? undefined
    : draft
      ? (d.versions.find((x) => x.state === "DRAFT") ?? null)
      : asked
        ? (d.versions.find((x) => x.state === "PUBLISHED" && String(x.number) === asked) ?? null)
        : d.current;
  const other = wanted && wanted.id !== d?.current.id ? wanted.id : null;
  const loaded = useVersionContent(other, draft ? "network-only" : "cache-first");
  // undefined while loading, null when there is no such version (or none the viewer may see)
  const v = !d || wanted === undefined ? undefined : wanted === null ? null : other ? loaded.version : d.current;
  const entry = useRecordEntry(community.id, v && v.state === "PUBLISHED" ? v.id : null);
  const err = toFormErrors(res.error ?? loaded.error, [], t("app.networkError")).form;
  if (res.data && (!d || d.community.id !== community.id)) return <NotFoundPage />;
  const base = `/c/${community.id}/disclosures/${did}`;
  if (wanted === null || v === null) {
    return (
      <Page title={t("disclosure.notice.title")}>
        <EmptyState title={draft ? t("disclosure.notice.noDraft") : t("disclosure.notice.noVersion", { n: asked })}>
          <p>
            <Link to={base}>{t("disclosure.notice.back")}</Link>
          </p>
        </EmptyState>
      </Page>
    );
  }
  if (!d || !v) {
    return (
      <Page title={t("disclosure.notice.title")}>
        <FormError message={err} />
        <Skeleton lines={8} />
      </Page>
    );
  }
  const zone = community.settings.timeZone;
  // The QR code opens the version printed: the disclosure for the one in force, else that version's full text.
  const online = `${window.location.origin}${base}${asked ? `?tab=versions&version=${v.number}` : ""}`;
  const preview = v.state !== "PUBLISHED";
  const superseded = !preview && v.number < d.current.number;
  const categories = new Map((res.data?.community?.financeCategories ?? []).map((c) => [c.code, c.label]));
  const kind = kindLabel(t, d.kind, community.kind);
  return (
    <div className="notice-sheet">
      <p className="no-print actions notice-tools">
        <button type="button" className="btn btn-primary" onClick={() => window.print()}>
          {t("disclosure.notice.print")}
        </button>
        {preview ? (
          <Link className="btn" to={`${base}/edit`}>
            {t("disclosure.notice.backToDraft")}
          </Link>
        ) : (
          <Link className="btn" to={asked ? `${base}?tab=versions&version=${v.number}` : base}>
            {t("disclosure.notice.back")}
          </Link>
        )}
      </p>
      <Page title={v.title}>
        <p className="notice-head">
          <span>{community.name}</span>
          <span>{t("disclosure.notice.kindPeriod", { kind, period: periodLabel(d.period.key, i18n.language) })}</span>
        </p>
        <p className="notice-meta">
          {t("disclosure.notice.version", { n: v.number, type: t(versionTypeKey(v.type)) })}
          {v.publishedAt && ` · ${t("disclosure.publishedOn", { date: formatDate(v.publishedAt, i18n.language, zone) })}`}
        </p>
        {preview && <p className="alert alert-warn">{t("disclosure.notice.draft")}</p>}
        {superseded && <p className="alert alert-info">{t("disclosure.notice.superseded", { n: v.number, current: d.current.number })}</p>}
        {v.reason && <p className="notice-reason">{t(v.type === "WITHDRAWAL" ? "disclosure.notice.withdrawReason" : "disclosure.notice.correctionReason", { reason: v.reason })}</p>}
        {v.body && <div className="notice-body">{v.body}</div>}
        {v.power && (
          <dl className="notice-facts">
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
        {v.finance && (
          <>
            <FinanceSummary f={v.finance} />
            {/* On paper always a table; on a phone's screen, cards. */}
            <div className="print-only">
              <FinanceItems items={v.finance.items} categories={categories} communityId={community.id} table />
            </div>
            <div className="screen-only">
              <FinanceItems items={v.finance.items} categories={categories} communityId={community.id} />
            </div>
          </>
        )}
        {!preview && (
          <footer className="notice-foot">
            <div className="notice-qr">
              <QrCode url={online} label={t("disclosure.notice.qrLabel")} />
              <p className="small">{t("disclosure.notice.scan")}</p>
              <p className="record-hash">{online}</p>
            </div>
            <dl className="notice-ref">
              <dt>{t("disclosure.notice.issuer")}</dt>
              <dd>{t("disclosure.notice.issuerName", { name: community.name })}</dd>
              <dt>{t("disclosure.contentHash")}</dt>
              <dd className="record-hash">{v.contentHash ?? t("disclosure.noHash")}</dd>
              <dt>{t("disclosure.recordEntry")}</dt>
              <dd>{entry ? t("disclosure.notice.entry", { seq: entry.seq, code: community.code }) : t("disclosure.notice.entryPending", { code: community.code })}</dd>
              {entry && (
                <>
                  <dt>{t("disclosure.notice.leafHash")}</dt>
                  <dd className="record-hash">{entry.leafHash}</dd>
                </>
              )}
              {entry?.head && (
                <>
                  <dt>{t("disclosure.notice.head")}</dt>
                  <dd className="record-hash">
                    {t("disclosure.notice.headText", { size: entry.head.size, date: formatDate(entry.head.at, i18n.language, community.settings.timeZone), root: entry.head.root })}
                  </dd>
                </>
              )}
            </dl>
          </footer>
        )}
      </Page>
    </div>
  );
}
