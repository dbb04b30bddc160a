import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { formatDate, formatDateTime } from "../ui";
import type { PublicRecordQuery, Role } from "../../gql/graphql";
import { checkEntry, cryptoAvailable, type SignatureCheck } from "../../lib/merkle";
import { ROLES } from "../../lib/roles";

/** The record as the page reads it, and its parts. */
type RecordData = NonNullable<PublicRecordQuery["community"]>["record"];
export type Head = NonNullable<RecordData["latestHead"]>;
/** Entry is an entry with the head its page was read with, whose root its path reaches. */
export type Entry = RecordData["entries"]["nodes"][number] & { id: string; head: Head | null };
type Check = "checking" | "ok" | "bad" | "unsupported";


/** CheckResult shows what a check found, in a tag and a line: green when it holds, red when it does not. */
function CheckResult({ check, ok, bad }: { check: Check | undefined; ok: [string, string]; bad: [string, string] }) {
  const { t } = useTranslation();
  if (!check) return null;
  if (check === "checking") return <span className="muted small">{t("record.verifying")}</span>;
  if (check === "unsupported") return <span className="small">{t("record.unsupported")}</span>;
  const [tag, hint] = check === "ok" ? ok : bad;
  return (
    <>
      <span className={check === "ok" ? "tag tag-ok" : "tag tag-error"}>{check === "ok" ? "✓" : "✗"} {tag}</span>
      <span className="small">{hint}</span>
    </>
  );
}

export function HeadCard({ head, publicKey, zone, check }: { head: Head | null; publicKey: string | null; zone: string; check: (h: Head) => Promise<SignatureCheck> }) {
  const { t, i18n } = useTranslation();
  const [state, setState] = useState<Check>();
  const verify = async (h: Head) => {
    setState("checking");
    setState(await check(h));
  };
  return (
    <section className="panel" aria-labelledby="record-head-h">
      <h2 id="record-head-h">{t("record.headTitle")}</h2>
      {!head ? (
        <p>{t("record.headNone")}</p>
      ) : (
        <>
          <p className="facts">{t("record.headSummary", { count: head.size })}</p>
          <p className="muted small">{t("record.headAt", { date: formatDateTime(head.at, i18n.language, zone) })}</p>
          {publicKey && (
            <div className="record-check" aria-live="polite">
              <button type="button" className="btn" onClick={() => void verify(head)}>
                {t("record.verifyHead")}
              </button>
              <CheckResult check={state} ok={[t("record.headOk"), t("record.headOkHint")]} bad={[t("record.headBad"), t("record.headBadHint")]} />
            </div>
          )}
        </>
      )}
      <details className="disclosure">
        <summary>{t("record.verifyFold")}</summary>
        <dl className="record-facts">
          <dt>{t("record.publicKey")}</dt>
          <dd className="record-hash">{publicKey ?? t("record.noKey")}</dd>
          {head && (
            <>
              <dt>{t("record.root")}</dt>
              <dd className="record-hash">{head.root}</dd>
              <dt>{t("record.signature")}</dt>
              <dd className="record-hash">{head.signature}</dd>
              <dt>{t("record.message")}</dt>
              <dd>
                <pre className="record-hash">{head.message}</pre>
              </dd>
            </>
          )}
        </dl>
      </details>
    </section>
  );
}

/** Leaf is what an entry's leaf text states (domain/ledger, Entry.Leaf). */
interface Leaf {
  seq?: number;
  role?: string;
  payload?: Record<string, unknown>;
}

function parseLeaf(leaf: string): Leaf {
  try {
    const v: unknown = JSON.parse(leaf);
    return v && typeof v === "object" ? (v as Leaf) : {};
  } catch {
    return {};
  }
}

export function EntryCard({ entry, communityId, zone, checkHead }: { entry: Entry; communityId: string; zone: string; checkHead: (h: Head) => Promise<SignatureCheck> }) {
  const { t, i18n } = useTranslation();
  const [state, setState] = useState<Check>();
  // What the card says comes from the leaf, the very text the browser hashes.
  const leaf = parseLeaf(entry.leaf);
  const payload = leaf.payload ?? {};
  const role = (leaf.role ?? "").toUpperCase() as Role;
  const type = t(`record.types.${entry.type}`);
  const link =
    entry.subjectType === "Resolution"
      ? { to: `/c/${communityId}/resolutions/${entry.subject}`, label: t("record.viewResolution") }
      : entry.subjectType === "Topic"
        ? { to: `/c/${communityId}/topics/${entry.subject}`, label: t("record.viewTopic") }
        : typeof payload.topic === "string"
          ? { to: `/c/${communityId}/topics/${payload.topic}`, label: t("record.viewTopic") }
          : null;
  const verify = async () => {
    const head = entry.head;
    if (!head) return;
    if (!cryptoAvailable()) return setState("unsupported");
    setState("checking");
    const [hashes, signature] = await Promise.all([checkEntry(entry, head), checkHead(head)]);
    setState(hashes === "ok" && signature !== "bad" ? "ok" : "bad");
  };
  return (
    <article aria-label={t("record.entryLabel", { seq: entry.seq, type })}>
      <p className="tags">
        <span className="tag">{t("record.seq", { seq: entry.seq })}</span>
        <span className="tag">{type}</span>
        {!entry.signed && <span className="tag tag-warn">{t("record.unsigned")}</span>}
      </p>
      <EntryFacts type={entry.type} payload={payload} zone={zone} />
      <p className="muted small meta">
        <span>{formatDateTime(entry.at, i18n.language, zone)}</span>
        <span>{t("record.by", { role: ROLES.includes(role) ? t(`roles.${role}`) : leaf.role })}</span>
        {link && <Link to={link.to}>{link.label}</Link>}
      </p>
      {entry.signed ? (
        <div className="record-check" aria-live="polite">
          <button type="button" className="btn" aria-label={t("record.verifyLabel", { seq: entry.seq })} onClick={() => void verify()}>
            {t("record.verify")}
          </button>
          <CheckResult check={state} ok={[t("record.entryOk"), t("record.entryOkHint")]} bad={[t("record.entryBad"), t("record.entryBadHint")]} />
        </div>
      ) : (
        <p className="muted small">{t("record.unsignedHint")}</p>
      )}
      <details className="disclosure">
        <summary>{t("record.verifyFold")}</summary>
        <dl className="record-facts">
          <dt>{t("record.leafHash")}</dt>
          <dd className="record-hash">{entry.leafHash}</dd>
          {entry.inclusion.length > 0 && (
            <>
              <dt>{t("record.path", { count: entry.inclusion.length })}</dt>
              <dd>
                <ol className="record-path">
                  {entry.inclusion.map((h, i) => (
                    <li key={i} className="record-hash">
                      {h}
                    </li>
                  ))}
                </ol>
              </dd>
            </>
          )}
          <dt>{t("record.leaf")}</dt>
          <dd>
            <pre className="record-hash">{entry.leaf}</pre>
          </dd>
        </dl>
      </details>
    </article>
  );
}

/** EntryFacts says an entry's key facts in words, from its payload. */
function EntryFacts({ type, payload, zone }: { type: Entry["type"]; payload: Record<string, unknown>; zone: string }) {
  const { t, i18n } = useTranslation();
  const s = (k: string) => (typeof payload[k] === "string" ? (payload[k] as string) : "");
  const n = (k: string) => (typeof payload[k] === "number" ? (payload[k] as number) : 0);
  const lines: string[] = [];
  switch (type) {
    case "SCREENING":
      lines.push(t("record.screening", { title: s("title"), decision: t(`record.decisions.${s("decision")}`, { defaultValue: s("decision") }) }));
      if (s("note")) lines.push(t("record.note", { note: s("note") }));
      break;
    case "DRAW":
      lines.push(t("record.draw", { eligible: n("eligibleCount"), count: n("count") }));
      break;
    case "VOTE_RESULT":
      lines.push(t("record.quoted", { text: s("text") }) + " " + t(payload.passed === true ? "record.passed" : "record.failed"));
      if (typeof payload.yes === "number") lines.push(t("record.counts", { yes: n("yes"), no: n("no"), abstain: n("abstain") }));
      else lines.push(t("record.secretCounts", { cast: n("cast"), voters: n("voters") }));
      if (payload.quorum === false) lines.push(t("record.noQuorum"));
      break;
    case "RESOLUTION":
      lines.push(t("record.quoted", { text: s("text") }));
      if (s("effectiveAt")) lines.push(t("record.effective", { date: formatDate(s("effectiveAt"), i18n.language, zone) }));
      break;
    case "RESOLUTION_CLOSED":
      lines.push(t("record.closed", { summary: s("summary") }));
      if (s("unfinishedReason")) lines.push(t("record.unfinished", { reason: s("unfinishedReason") }));
      break;
    default:
      if (s("title")) lines.push(t("record.quoted", { text: s("title") }));
  }
  return (
    <>
      {lines.map((l, i) => (
        <p key={i} className={i === 0 ? "card-title" : "small"}>
          {l}
        </p>
      ))}
    </>
  );
}

/** Download offers the whole record as a file, and says how to check it offline. */
export function Download({ exportUrl }: { exportUrl: string }) {
  const { t } = useTranslation();
  const url = new URL(exportUrl, window.location.origin).href;
  return (
    <section className="panel" aria-labelledby="record-download-h">
      <h2 id="record-download-h">{t("record.downloadTitle")}</h2>
      <p>
        <a className="btn" href={exportUrl} download>
          {t("record.download")}
        </a>
      </p>
      <p>{t("record.offline")}</p>
      <p>
        <code className="record-hash record-command">yishi record verify {url}</code>
      </p>
      <p className="muted small">{t("record.offlineHint")}</p>
    </section>
  );
}
