import type { DisclosureKind, FinanceDirection } from "../gql/graphql";
import { itemFieldNames } from "./disclosure";
import { parseYuan, toYuan, totals, type Totals } from "./disclosureMoney";
import { periodBounds } from "./disclosurePeriod";

// The committee's disclosure editor as pure data: the form's state, read
// from a version and written as the API's content input, and the live
// totals of a finance period.

/** Row is a finance item as the editor holds it: amounts as typed. */
export interface Row {
  /** the row's identity on the page */
  uid: string;
  /** the item's key across versions; null for a new item */
  key: string | null;
  date: string;
  direction: FinanceDirection;
  category: string;
  amount: string;
  counterparty: string;
  voucher: string;
  note: string;
  link: string | null;
}

/** AttachmentRow is an attachment as the editor holds it. */
export interface AttachmentRow {
  uid: string;
  name: string;
  url: string;
  sha256: string;
  size: number;
}

/** Draft is the editor's state. */
export interface Draft {
  kind: DisclosureKind;
  period: string;
  title: string;
  body: string;
  reason: string;
  opening: string;
  items: Row[];
  power: { decision: string; decidedBy: string; basis: string; amount: string };
  attachments: AttachmentRow[];
}

let seq = 0;
/** uid gives a row an identity for React's keys. */
export function uid(): string {
  seq += 1;
  return `r${seq}`;
}

/** emptyDraft is a new disclosure of a kind and period. */
export function emptyDraft(kind: DisclosureKind, period: string): Draft {
  return { kind, period, title: "", body: "", reason: "", opening: "", items: [], power: { decision: "", decidedBy: "", basis: "", amount: "" }, attachments: [] };
}

/** VersionLike is what the editor reads of a version. */
export interface VersionLike {
  kind: DisclosureKind;
  period: { key: string };
  title: string;
  body: string;
  reason: string | null;
  power: { decision: string; decidedBy: string; basis: string; amount: string } | null;
  finance: {
    openingBalance: string;
    items: { key: string; date: string; direction: FinanceDirection; category: string; amount: string; counterparty: string; voucher: string; note: string; link: string | null }[];
  } | null;
  attachments: { name: string; url: string; sha256: string; size: number }[];
}

/** fromVersion fills the editor from a version: a draft to go on with, or the published one a correction starts from. */
export function fromVersion(v: VersionLike, opts: { keepReason?: boolean } = {}): Draft {
  return {
    kind: v.kind,
    period: v.period.key,
    title: v.title,
    body: v.body,
    reason: opts.keepReason ? v.reason ?? "" : "",
    opening: v.finance?.openingBalance ?? "",
    items: (v.finance?.items ?? []).map((it) => ({ ...it, uid: uid(), key: it.key })),
    power: v.power ? { ...v.power, amount: v.power.amount === "0.00" ? "" : v.power.amount } : { decision: "", decidedBy: "", basis: "", amount: "" },
    attachments: v.attachments.map((a) => ({ ...a, uid: uid() })),
  };
}

/** newRow is an empty item dated within the period: today when the period holds it, else its last day. */
export function newRow(period: string, today: string, direction: FinanceDirection = "EXPENSE"): Row {
  const b = periodBounds(period);
  const date = b && (today < b.first || today > b.last) ? b.last : today;
  return { uid: uid(), key: null, date, direction, category: "", amount: "", counterparty: "", voucher: "", note: "", link: null };
}

/** yuanOut writes a typed amount as the API takes it when it can be read; as typed otherwise, for the server to name the error. */
function yuanOut(typed: string, signed = false): string {
  const r = parseYuan(typed, { signed });
  return "fen" in r ? toYuan(r.fen) : typed.trim();
}

/** ContentInput is the content every draft mutation takes. */
export interface ContentInput {
  title: string;
  body: string;
  openingBalance?: string;
  items?: {
    key?: string;
    date: string;
    direction: FinanceDirection;
    category: string;
    amount: string;
    counterparty: string;
    voucher: string;
    note: string;
    link?: string;
  }[];
  power?: { decision: string; decidedBy: string; basis: string; amount?: string };
  attachments: { name: string; url: string; sha256: string; size: number }[];
}

/** toContent writes the editor's state as the API's content: finance fields for finance only, power fields for power items only. */
export function toContent(d: Draft): ContentInput {
  const out: ContentInput = {
    title: d.title.trim(),
    body: d.body,
    attachments: d.attachments.map(({ name, url, sha256, size }) => ({ name: name.trim(), url: url.trim(), sha256, size })),
  };
  if (d.kind === "FINANCE") {
    out.openingBalance = yuanOut(d.opening, true) || "0.00";
    out.items = d.items.map((r) => ({
      ...(r.key ? { key: r.key } : {}),
      date: r.date,
      direction: r.direction,
      category: r.category,
      amount: yuanOut(r.amount),
      counterparty: r.counterparty.trim(),
      voucher: r.voucher.trim(),
      note: r.note.trim(),
      ...(r.link ? { link: r.link } : {}),
    }));
  }
  if (d.kind === "POWER") {
    const amount = d.power.amount.trim() ? yuanOut(d.power.amount, true) : undefined;
    out.power = { decision: d.power.decision, decidedBy: d.power.decidedBy, basis: d.power.basis, ...(amount ? { amount } : {}) };
  }
  return out;
}

/** liveTotals are the period's figures as typed so far. */
export function liveTotals(d: Draft): Totals & { opening: number | null } {
  const o = parseYuan(d.opening, { signed: true });
  const opening = "fen" in o ? o.fen : null;
  const lines = d.items.map((r) => {
    const a = parseYuan(r.amount);
    return { direction: r.direction, fen: "fen" in a ? a.fen : null };
  });
  return { ...totals(opening ?? 0, lines), opening };
}

/** editorFields are the fields whose server errors the editor shows beside them. */
export function editorFields(rows: number, attachments: number): string[] {
  const out = ["kind", "period", "title", "body", "reason", "openingBalance", "items", "power", "power.decision", "power.decidedBy", "power.basis", "power.amount", "attachments"];
  out.push(...itemFieldNames(rows));
  for (let i = 0; i < attachments; i++) for (const f of ["url", "name", "sha256", "size"]) out.push(`attachments[${i}].${f}`);
  return out;
}
