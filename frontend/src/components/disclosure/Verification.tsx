import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useMutation, useQuery } from "urql";
import { graphql } from "../../gql";
import { checkFile, type FileCheck } from "../../lib/disclosure";
import { formatBytes } from "../../lib/disclosureMoney";
import { toFormErrors } from "../../lib/errors";

const CheckOnServerMutation = graphql(`
  mutation CheckDisclosureAttachment($versionId: ID!, $index: Int!) {
    checkDisclosureAttachment(input: { versionId: $versionId, index: $index }) {
      reachable
      matches
    }
  }
`);

const RecordEntryOfQueryDoc = graphql(`
  query DisclosureRecordEntry($id: ID!, $version: ID!) {
    node(id: $version) {
      __typename
      ... on DisclosureVersion {
        id
        recordEntry {
          seq
          leafHash
          signed
        }
      }
    }
    community(id: $id) {
      id
      record {
        latestHead {
          size
          root
          at
        }
      }
    }
  }
`);

/**
 * useRecordEntry reads a published version's entry in the public record
 * (DisclosureVersion.recordEntry: its number, leaf hash and whether a
 * signed head covers it) with the record's latest signed head, for the
 * notice to print; null when it is not recorded (yet), undefined while
 * it loads.
 */
export function useRecordEntry(communityId: string, versionId: string | null, pause = false) {
  const [res] = useQuery({
    query: RecordEntryOfQueryDoc,
    variables: { id: communityId, version: versionId ?? "" },
    pause: pause || !versionId,
    requestPolicy: "cache-and-network",
  });
  if (!res.data) return undefined;
  const node = res.data.node;
  const entry = node?.__typename === "DisclosureVersion" ? node.recordEntry : null;
  return entry ? { ...entry, head: res.data.community?.record.latestHead ?? null } : null;
}

/** Attachment is a file a version links to, with the hash and size it had when attached. */
export interface Attachment {
  name: string;
  url: string;
  sha256: string;
  size: number;
}

/**
 * Attachments lists a version's files with their sizes, and checks one on
 * request: a file on this site the browser fetches and hashes (WebCrypto
 * SHA-256); one on another site, which the page may not read, the server
 * downloads and hashes for a published version (checkDisclosureAttachment).
 * Either way it says whether it is still the file published. The recorded
 * hashes are under the version's 公开核验 (VerifyFold).
 */
export function Attachments({ files, versionId }: { files: Attachment[]; /** a published version's, for the server's check */ versionId?: string }) {
  const { t } = useTranslation();
  if (files.length === 0) return null;
  return (
    <section className="attachments" aria-labelledby="attachments-h">
      <h3 id="attachments-h">{t("disclosure.attachments.title")}</h3>
      <ul className="cards">
        {files.map((f, i) => (
          <li key={`${f.url}-${i}`} className="card">
            <AttachmentRow file={f} index={i} versionId={versionId} />
          </li>
        ))}
      </ul>
    </section>
  );
}

function AttachmentRow({ file, index, versionId }: { file: Attachment; index: number; versionId?: string }) {
  const { t } = useTranslation();
  const [check, setCheck] = useState<FileCheck | "checking">();
  const [byServer, setByServer] = useState(false);
  const [serverError, setServerError] = useState<string>();
  const [, checkOnServer] = useMutation(CheckOnServerMutation);
  const result: Record<FileCheck, [string, string]> = {
    same: ["tag tag-ok", t("disclosure.attachments.same")],
    changed: ["tag tag-error", t("disclosure.attachments.changed")],
    unreachable: ["tag tag-warn", t("disclosure.attachments.unreachable")],
    elsewhere: ["tag", t("disclosure.attachments.elsewhere")],
  };
  const run = async () => {
    setCheck("checking");
    setServerError(undefined);
    const local = await checkFile(file.url, file.sha256, file.size);
    if (local !== "elsewhere" || !versionId) {
      setByServer(false);
      setCheck(local);
      return;
    }
    const res = await checkOnServer({ versionId, index });
    const c = res.data?.checkDisclosureAttachment;
    if (!c) {
      setServerError(toFormErrors(res.error, [], t("app.networkError")).form);
      setCheck("elsewhere");
      return;
    }
    setByServer(true);
    setCheck(!c.reachable ? "unreachable" : c.matches ? "same" : "changed");
  };
  return (
    <>
      <p className="item-head">
        <a href={file.url} target="_blank" rel="noopener noreferrer">
          {file.name}
        </a>
        <span className="muted small">{formatBytes(file.size)}</span>
      </p>
      <div className="record-check" aria-live="polite">
        <button
          type="button"
          className="btn btn-small"
          aria-label={t("disclosure.attachments.checkLabel", { name: file.name })}
          disabled={check === "checking"}
          onClick={run}
        >
          {t("disclosure.attachments.check")}
        </button>
        {check === "checking" && <span className="muted small">{t("disclosure.attachments.checking")}</span>}
        {check && check !== "checking" && <span className={result[check][0]}>{result[check][1]}</span>}
      </div>
      {byServer && check !== "checking" && <p className="small muted">{t("disclosure.attachments.byServer")}</p>}
      {serverError && <p className="small">{serverError}</p>}
      {check === "elsewhere" && <p className="small">{t("disclosure.attachments.elsewhereHint")}</p>}
    </>
  );
}

/**
 * VerifyFold is a version's 公开核验: its content hash, its entry in the
 * public record (公信链) when found, and the way to check it there.
 */
export function VerifyFold({
  communityId,
  versionId,
  contentHash,
  attachments = [],
}: {
  communityId: string;
  versionId: string;
  contentHash: string | null;
  attachments?: Attachment[];
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const entry = useRecordEntry(communityId, versionId, !open);
  return (
    <details className="disclosure" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{t("disclosure.verifyFold")}</summary>
      <dl className="record-facts">
        <dt>{t("disclosure.contentHash")}</dt>
        <dd className="record-hash">{contentHash ?? t("disclosure.noHash")}</dd>
        <dt>{t("disclosure.recordEntry")}</dt>
        <dd>
          {entry === undefined ? t("app.loading") : entry ? t("disclosure.entrySeq", { seq: entry.seq }) : t("disclosure.entryNotFound")}
        </dd>
        {attachments.map((a, i) => (
          <div key={`${a.url}-${i}`}>
            <dt>{t("disclosure.attachments.hashOf", { name: a.name })}</dt>
            <dd className="record-hash">{a.sha256}</dd>
          </div>
        ))}
      </dl>
      <p className="small">{t("disclosure.verifyHint")}</p>
      <p>
        <Link to={`/c/${communityId}/record`}>{t("disclosure.toRecord")} →</Link>
      </p>
    </details>
  );
}
