import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { useQuery } from "urql";
import { NotFoundPage } from "../components/NotFound";
import { Download, EntryCard, HeadCard, type Entry, type Head } from "../components/record/RecordCards";
import { EmptyState, FormError, LoadMore, Page, Skeleton } from "../components/ui";
import { graphql } from "../gql";
import { setCommunityKind } from "../i18n";
import { toFormErrors } from "../lib/errors";
import { checkHead, type SignatureCheck } from "../lib/merkle";
import { usePaged } from "../lib/paged";

// The public record (公信链) of a community, for anyone: it is routed
// outside the community layout, which lets only members in, so that a
// notice's QR code opens it logged out. The browser checks the record
// itself (lib/merkle.ts): the head's Ed25519 signature, and each entry's
// leaf hash and audit path up to the signed root.

const PublicRecordQueryDoc = graphql(`
  query PublicRecord($id: ID!, $after: String) {
    community(id: $id) {
      id
      name
      kind
      settings {
        timeZone
      }
      record {
        publicKey
        exportUrl
        latestHead {
          size
          root
          at
          signature
          message
        }
        entries(first: 20, after: $after, newestFirst: true) {
          totalCount
          pageInfo {
            hasNextPage
            endCursor
          }
          nodes {
            seq
            type
            subject
            subjectType
            leaf
            leafHash
            signed
            inclusion
            at
          }
        }
      }
    }
  }
`);

/** RecordPage is /c/:cid/record: the signed head, the entries newest first, and the download. */
export function RecordPage() {
  const { t } = useTranslation();
  const { cid = "" } = useParams();
  const variables = { id: cid };
  const [res] = useQuery({ query: PublicRecordQueryDoc, variables, requestPolicy: "cache-and-network" });
  const entries = usePaged(PublicRecordQueryDoc, variables, (d) => {
    const r = d.community?.record;
    if (!r) return null;
    return { ...r.entries, nodes: r.entries.nodes.map((n): Entry => ({ ...n, id: String(n.seq), head: r.latestHead })) };
  });
  // A head's check is asked for once, whether by its button or an entry's.
  const headChecks = useRef(new Map<string, Promise<SignatureCheck>>());
  useEffect(() => () => setCommunityKind(null), []);
  const errs = toFormErrors(res.error, [], t("app.networkError"));
  const community = res.data?.community;
  if (res.data && !community) return <NotFoundPage />;
  if (!community) {
    return (
      <Page title={t("record.title")}>
        <FormError message={errs.form} />
        <Skeleton lines={4} />
      </Page>
    );
  }
  setCommunityKind(community.kind);
  const { record } = community;
  const zone = community.settings.timeZone;
  const checkHeadOnce = (head: Head): Promise<SignatureCheck> => {
    let p = headChecks.current.get(head.message);
    if (!p) {
      p = record.publicKey ? checkHead(record.publicKey, head) : Promise.resolve("bad");
      headChecks.current.set(head.message, p);
    }
    return p;
  };
  return (
    <Page title={t("record.title")} wide>
      <p className="lead">{t("record.intro", { name: community.name })}</p>
      <HeadCard head={record.latestHead} publicKey={record.publicKey} zone={zone} check={checkHeadOnce} />
      <section className="panel" aria-labelledby="record-entries-h">
        <h2 id="record-entries-h">{t("record.entriesTitle")}</h2>
        <FormError message={toFormErrors(entries.error, [], t("app.networkError")).form} />
        <p className="muted count" aria-live="polite">
          {entries.totalCount !== undefined ? t("record.count", { count: entries.totalCount }) : "\u00a0"}
        </p>
        {!entries.nodes ? (
          <Skeleton lines={4} />
        ) : entries.nodes.length === 0 ? (
          <EmptyState title={t("record.empty")} hint={t("record.emptyHint")} />
        ) : (
          <ul className="cards" aria-label={t("record.listLabel")}>
            {entries.nodes.map((e) => (
              <li key={e.seq} className="card record-entry">
                <EntryCard entry={e} communityId={community.id} zone={zone} checkHead={checkHeadOnce} />
              </li>
            ))}
          </ul>
        )}
        {entries.hasNextPage && <LoadMore onClick={() => void entries.loadMore()} loading={entries.loadingMore} label={t("record.more")} />}
      </section>
      <Download exportUrl={record.exportUrl} />
    </Page>
  );
}
