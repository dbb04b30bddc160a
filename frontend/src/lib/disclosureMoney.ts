// Money in the disclosure pages. The API gives and takes yuan as strings
// with two decimals ("1234.50", "-20.00"); the UI counts in whole fen
// (分), so that totals are exact, and shows yuan with Chinese grouping:
// ¥12,345.67, and beside a large sum 1.23 万元.

/** YuanError is why a typed amount could not be read. */
export type YuanError = "empty" | "format" | "decimals" | "negative" | "zero" | "tooBig";

/**
 * MAX_FEN is the largest amount the UI reads (2^53 − 1 fen), one fen below
 * the server's limit (MaxFen, 2^53, domain/disclosure/money.go): 2^53 is
 * the first integer a JS number cannot tell from its neighbour (2^53 + 1
 * reads as 2^53), so the UI stops at the last safe integer.
 */
export const MAX_FEN = Number.MAX_SAFE_INTEGER;

const FULL_WIDTH = /[０-９．，－]/g;

/** halfWidth turns the full-width digits a Chinese keyboard may type into ASCII. */
function halfWidth(s: string): string {
  return s.replace(FULL_WIDTH, (c) => (c === "．" ? "." : c === "，" ? "," : c === "－" ? "-" : String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
}

/**
 * parseYuan reads an amount typed in yuan: digits with at most two
 * decimals, commas between groups allowed, ¥ and spaces ignored. It gives
 * whole fen, or why it cannot. An item's amount must be more than zero;
 * a balance (signed) may be zero or negative.
 */
export function parseYuan(input: string, opts: { signed?: boolean } = {}): { fen: number } | { error: YuanError } {
  let s = halfWidth(input).replace(/[\s¥￥]/g, "");
  if (s === "") return { error: "empty" };
  let sign = 1;
  if (s.startsWith("-")) {
    if (!opts.signed) return { error: "negative" };
    sign = -1;
    s = s.slice(1);
  }
  if (!/^(\d{1,3}(,\d{3})+|\d+)(\.\d*)?$/.test(s) && !/^\.\d+$/.test(s)) return { error: "format" };
  const [whole, frac = ""] = s.replace(/,/g, "").split(".");
  if (frac.length > 2) return { error: "decimals" };
  const digits = (whole || "0") + frac.padEnd(2, "0");
  const fen = Number(digits);
  // Digits past MAX_FEN read as 2^53 or more, never back below it.
  if (fen > MAX_FEN) return { error: "tooBig" };
  if (!opts.signed && fen === 0) return { error: "zero" };
  return { fen: sign * fen === 0 ? 0 : sign * fen };
}

/** fenOf reads the API's yuan string ("1234.50", "-20.00") as fen; 0 when it is not one. */
export function fenOf(yuan: string | null | undefined): number {
  const r = parseYuan(yuan ?? "", { signed: true });
  return "fen" in r ? r.fen : 0;
}

/** toYuan writes fen as the API takes it: "1234.50", "-20.00". */
export function toYuan(fen: number): string {
  const neg = fen < 0;
  const abs = Math.abs(Math.trunc(fen));
  const whole = Math.floor(abs / 100);
  const cents = String(abs % 100).padStart(2, "0");
  return `${neg ? "-" : ""}${whole}.${cents}`;
}

/** group writes the whole part of a number with commas between groups of three. */
function group(whole: string): string {
  return whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** formatYuan shows fen as yuan, exact to the fen: ¥12,345.67, −¥20.00. */
export function formatYuan(fen: number): string {
  const [whole, cents] = toYuan(Math.abs(fen)).split(".");
  return `${fen < 0 ? "−" : ""}¥${group(whole)}.${cents}`;
}

/** formatAmount shows fen as yuan without the ¥, as a table's column does: 12,345.67. */
export function formatAmount(fen: number): string {
  const [whole, cents] = toYuan(Math.abs(fen)).split(".");
  return `${fen < 0 ? "−" : ""}${group(whole)}.${cents}`;
}

/**
 * formatWan gives a large sum the way it is said in Chinese, 约 312.60 万元,
 * for a reader to take in at a glance beside the exact figure; null for
 * sums under 10,000 yuan, and in English.
 */
export function formatWan(fen: number, lang: string): string | null {
  if (lang === "en" || Math.abs(fen) < 1_000_000) return null;
  const wan = Math.abs(fen) / 1_000_000;
  const text = wan >= 10_000 ? `${(wan / 10_000).toFixed(2)} 亿元` : `${wan.toFixed(2)} 万元`;
  return `${fen < 0 ? "−" : ""}${text}`;
}

/** FinanceLine is what totals need of an item. */
export interface FinanceLine {
  direction: "INCOME" | "EXPENSE";
  fen: number | null;
}

/** Totals are a period's figures in fen. */
export interface Totals {
  income: number;
  expense: number;
  closing: number;
  /** lines whose amount could not be read, left out of the sums */
  unreadable: number;
}

/** totals sums a period's items: closing = opening + income − expense, in whole fen. */
export function totals(opening: number, lines: readonly FinanceLine[]): Totals {
  let income = 0;
  let expense = 0;
  let unreadable = 0;
  for (const l of lines) {
    if (l.fen === null) unreadable++;
    else if (l.direction === "INCOME") income += l.fen;
    else expense += l.fen;
  }
  return { income, expense, closing: opening + income - expense, unreadable };
}

/** formatBytes shows a file's size: 820 B, 35.2 KB, 1.4 MB. */
export function formatBytes(size: number): string {
  if (size < 1024) return `${size} B`;
  const units = ["KB", "MB", "GB"];
  let v = size / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v >= 100 ? v.toFixed(0) : v.toFixed(1)} ${units[i]}`;
}
