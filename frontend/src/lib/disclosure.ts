import type { TFunction } from "i18next";
import type {
  CommunityKind,
  DiffLineOp,
  DisclosureCadence,
  DisclosureKind,
  DisclosureState,
  DisclosureVersionType,
  PeriodStatus,
  QuestionState,
} from "../gql/graphql";
import { fenOf, formatYuan } from "./disclosureMoney";

// The disclosure pages' rules in words and colours (UX.md 5: neutral by
// default, green for done, amber for waiting or late, red only for what
// is overdue or failed), and the small pure pieces the pages share.

export const KINDS: DisclosureKind[] = ["PARTY", "VILLAGE", "FINANCE", "POWER"];

/** kindLabel names a kind by the community's: 村务 in a village, 居务 in a 社区, 村（居）务 when unknown. */
export function kindLabel(t: TFunction, kind: DisclosureKind, community?: CommunityKind | null): string {
  if (kind === "VILLAGE") {
    if (community === "VILLAGE") return t("disclosure.kinds.VILLAGE_VILLAGE");
    if (community === "COMMUNITY") return t("disclosure.kinds.VILLAGE_COMMUNITY");
  }
  return t(`disclosure.kinds.${kind}`);
}

/**
 * StatusFilter is a status chip of the list, as the address writes it
 * (?status=): in force, first published on time or late, withdrawn, or a
 * draft (for its editors).
 */
export type StatusFilter = "published" | "onTime" | "late" | "withdrawn" | "draft";

/** STATUS_FILTERS are the status chips in their order; draft is for editors only. */
export const STATUS_FILTERS: readonly StatusFilter[] = ["published", "onTime", "late", "withdrawn", "draft"];

/** statusArgs turns a status chip into Community.disclosures' state and late arguments (null: not filtered). */
export function statusArgs(s: StatusFilter | null): { state: DisclosureState | null; late: boolean | null } {
  switch (s) {
    case "published":
      return { state: "PUBLISHED", late: null };
    case "withdrawn":
      return { state: "WITHDRAWN", late: null };
    case "draft":
      return { state: "DRAFT", late: null };
    case "onTime":
      return { state: null, late: false };
    case "late":
      return { state: null, late: true };
    default:
      return { state: null, late: null };
  }
}

/**
 * periodUnits are the units a list of kind (of every kind when null) can
 * be filtered by period in, by the community's rules: months for a monthly
 * kind, quarters for a quarterly one; none for a kind disclosed per event,
 * whose periods are days.
 */
export function periodUnits(kind: DisclosureKind | null, rules: readonly { kind: DisclosureKind; cadence: DisclosureCadence }[]): ("MONTH" | "QUARTER")[] {
  const cadences = new Set(rules.filter((r) => !kind || r.kind === kind).map((r) => r.cadence));
  const out: ("MONTH" | "QUARTER")[] = [];
  if (cadences.has("MONTHLY")) out.push("MONTH");
  if (cadences.has("QUARTERLY")) out.push("QUARTER");
  return out;
}

/** Tag is a tag's words (a message key) and its colour class. */
export interface Tag {
  key: string;
  cls: string;
}

const TAG = { ok: "tag tag-ok", warn: "tag tag-warn", error: "tag tag-error", neutral: "tag" };

/** periodStatusTag is a period's standing: on time green, late amber, due soon amber, overdue and missing red, upcoming neutral. */
export function periodStatusTag(status: PeriodStatus): Tag {
  const cls = {
    ON_TIME: TAG.ok,
    LATE: TAG.warn,
    DUE_SOON: TAG.warn,
    OVERDUE: TAG.error,
    MISSING: TAG.error,
    UPCOMING: TAG.neutral,
  }[status];
  return { key: `disclosure.status.${status}`, cls };
}

/**
 * disclosureTags are the tags of a disclosure in a list or its header: a
 * draft is neutral (and says when it is overdue), a withdrawal neutral, a
 * published one on time or late, and corrected when it was.
 */
export function disclosureTags(d: { state: DisclosureState; status: PeriodStatus; current: { type: DisclosureVersionType; number: number } }): Tag[] {
  const out: Tag[] = [];
  if (d.state === "DRAFT") {
    out.push({ key: "disclosure.state.DRAFT", cls: TAG.neutral });
    if (d.status === "OVERDUE" || d.status === "MISSING" || d.status === "DUE_SOON") out.push(periodStatusTag(d.status));
    return out;
  }
  if (d.state === "WITHDRAWN") out.push({ key: "disclosure.state.WITHDRAWN", cls: TAG.neutral });
  out.push(periodStatusTag(d.status));
  if (d.state === "PUBLISHED" && d.current.type === "CORRECTION") out.push({ key: "disclosure.state.CORRECTED", cls: TAG.neutral });
  return out;
}

/** questionTag is a question's state in words and colour: 待答复 amber, 已按时答复 green, 逾期答复 amber, 已转监委会 red. */
export function questionTag(q: { state: QuestionState; onTime: boolean | null }): Tag {
  switch (q.state) {
    case "OPEN":
      return { key: "disclosure.questions.state.OPEN", cls: TAG.warn };
    case "ESCALATED":
      return { key: "disclosure.questions.state.ESCALATED", cls: TAG.error };
    case "ANSWERED":
      return q.onTime ? { key: "disclosure.questions.state.ON_TIME", cls: TAG.ok } : { key: "disclosure.questions.state.LATE", cls: TAG.warn };
  }
}

/** versionTypeKey names a version's type: 首次公布, 更正, 撤回. */
export function versionTypeKey(type: DisclosureVersionType): string {
  return `disclosure.versionTypes.${type}`;
}

/** ExportWhat is what a spreadsheet holds: the finance items, or the question log. */
export type ExportWhat = "finance" | "questions";

/** exportHref is the address of a spreadsheet of a year (2026) or a period (2026-10, 2026-Q4), in English with lang en. */
export function exportHref(code: string, what: ExportWhat, scope: string | number, format: "xlsx" | "csv", lang: string): string {
  return `/exports/${encodeURIComponent(code)}/${what}/${scope}.${format}${lang === "en" ? "?lang=en" : ""}`;
}

/** ItemField is a server error's field that names an item: items[3].amount is row 3's amount. */
export function itemField(field: string): { row: number; name: string } | null {
  const m = /^items\[(\d+)\](?:\.(\w+))?$/.exec(field);
  return m ? { row: Number(m[1]), name: m[2] ?? "" } : null;
}

/** ITEM_FIELDS are an item's fields the editor shows, with the server's names. */
export const ITEM_FIELDS = ["date", "direction", "category", "amount", "counterparty", "voucher", "note", "link", "id"] as const;

/** itemFieldNames lists the fields of rows items, as the server names them: items[0].date … */
export function itemFieldNames(rows: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < rows; i++) for (const f of ITEM_FIELDS) out.push(`items[${i}].${f}`);
  return out;
}

/** diffMark is the sign a diff line starts with: + added, − removed, nothing kept. */
export function diffMark(op: DiffLineOp): string {
  return op === "ADDED" ? "+" : op === "REMOVED" ? "−" : " ";
}

/** AmountChangeLike is a total before and after, as yuan strings. */
export interface AmountChangeLike {
  changed: boolean;
  from: string;
  to: string;
}

/** amountDelta says by how much a total moved: +¥18,600.00, −¥20.00; empty when it did not. */
export function amountDelta(c: AmountChangeLike): string {
  const d = fenOf(c.to) - fenOf(c.from);
  if (d === 0) return "";
  return `${d > 0 ? "+" : "−"}${formatYuan(Math.abs(d))}`;
}

/**
 * compactLines shortens a line diff for a phone: runs of kept lines longer
 * than 2 × context are cut to their ends, with the count of lines left out.
 */
export function compactLines<L extends { op: DiffLineOp }>(lines: readonly L[], context = 1): (L | { op: "SKIP"; count: number })[] {
  const out: (L | { op: "SKIP"; count: number })[] = [];
  let i = 0;
  while (i < lines.length) {
    if (lines[i].op !== "KEPT") {
      out.push(lines[i++]);
      continue;
    }
    let j = i;
    while (j < lines.length && lines[j].op === "KEPT") j++;
    const run = lines.slice(i, j);
    const head = i === 0 ? 0 : context;
    const tail = j === lines.length ? 0 : context;
    if (run.length > head + tail + 1) {
      out.push(...run.slice(0, head), { op: "SKIP", count: run.length - head - tail }, ...run.slice(run.length - tail));
    } else {
      out.push(...run);
    }
    i = j;
  }
  return out;
}

/** sha256Hex is the SHA-256 of bytes in lowercase hex, with WebCrypto. */
export async function sha256Hex(data: ArrayBuffer): Promise<string> {
  // A copy in this realm's typed array: a body read by fetch may come from another one.
  const bytes = new Uint8Array(data.byteLength);
  bytes.set(new Uint8Array(data));
  const digest = await crypto.subtle.digest("SHA-256", bytes);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
}

/** FileCheck is what checking an attachment found. */
export type FileCheck = "same" | "changed" | "unreachable" | "elsewhere";

/**
 * sameOrigin reports whether a link is on this site: the page may fetch
 * only those (the content security policy allows no other), so a file
 * elsewhere is checked by downloading it.
 */
export function sameOrigin(url: string, origin: string): boolean {
  try {
    return new URL(url, origin).origin === origin;
  } catch {
    return false;
  }
}

/** checkFile fetches a file on this site and compares its SHA-256 and size with those recorded. */
export async function checkFile(url: string, sha256: string, size: number, fetcher: typeof fetch = fetch): Promise<FileCheck> {
  if (!sameOrigin(url, window.location.origin)) return "elsewhere";
  let body: ArrayBuffer;
  try {
    const r = await fetcher(url, { cache: "no-store", credentials: "omit" });
    if (!r.ok) return "unreachable";
    body = await r.arrayBuffer();
  } catch {
    return "unreachable";
  }
  if (body.byteLength !== size) return "changed";
  return (await sha256Hex(body)) === sha256 ? "same" : "changed";
}

/**
 * linkPath is the page of what a finance item's money served: a topic or a
 * resolution of the community, named by its global ID (base64 of
 * "Topic:…" or "Resolution:…"); null for anything else.
 */
export function linkPath(communityId: string, globalId: string | null | undefined): { to: string; kind: "topic" | "resolution" } | null {
  if (!globalId) return null;
  let decoded = "";
  try {
    decoded = atob(globalId.replace(/-/g, "+").replace(/_/g, "/"));
  } catch {
    return null;
  }
  if (decoded.startsWith("Topic:")) return { to: `/c/${communityId}/topics/${globalId}`, kind: "topic" };
  if (decoded.startsWith("Resolution:")) return { to: `/c/${communityId}/resolutions/${globalId}`, kind: "resolution" };
  return null;
}
