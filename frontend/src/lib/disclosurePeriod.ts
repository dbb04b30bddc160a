// Disclosure periods as the API writes them: a month 2026-10, a quarter
// 2026-Q4, or the day of an event or decision 2026-10-15. The API labels
// the periods it returns; the editor builds the ones it offers here.

export type PeriodUnit = "MONTH" | "QUARTER" | "DAY";

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const QUARTER = /^(\d{4})-Q([1-4])$/;
const DAY = /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

const MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** unitOf says what a period key is, null when it is none. */
export function unitOf(key: string): PeriodUnit | null {
  if (MONTH.test(key)) return "MONTH";
  if (QUARTER.test(key)) return "QUARTER";
  if (DAY.test(key)) return "DAY";
  return null;
}

/** periodLabel labels a period as the server does: 2026年10月 / October 2026, 2026年第4季度 / Q4 2026, 2026年10月15日 / 2026-10-15. */
export function periodLabel(key: string, lang: string): string {
  let m = MONTH.exec(key);
  if (m) return lang === "en" ? `${MONTHS_EN[Number(m[2]) - 1]} ${m[1]}` : `${m[1]}年${Number(m[2])}月`;
  m = QUARTER.exec(key);
  if (m) return lang === "en" ? `Q${m[2]} ${m[1]}` : `${m[1]}年第${m[2]}季度`;
  m = DAY.exec(key);
  if (m) return lang === "en" ? key : `${m[1]}年${Number(m[2])}月${Number(m[3])}日`;
  return key;
}

/**
 * periodShortLabel names a month or quarter within its year, for a filter
 * chip: 10月 / Oct (the month through Intl in the language), 第四季度 / Q4
 * (the quarter's name given by quarter, 1 to 4).
 */
export function periodShortLabel(key: string, lang: string, quarter: (n: number) => string): string {
  const m = MONTH.exec(key);
  if (m) return new Intl.DateTimeFormat(lang, { month: "short", timeZone: "UTC" }).format(new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1)));
  const q = QUARTER.exec(key);
  return q ? quarter(Number(q[2])) : key;
}

const pad = (n: number) => String(n).padStart(2, "0");

/** daysIn is the number of days of a month (1–12) of a year. */
function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** periodBounds gives a period's first and last day, 2026-10-01 and 2026-10-31; null for no period. */
export function periodBounds(key: string): { first: string; last: string } | null {
  let m = MONTH.exec(key);
  if (m) {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    return { first: `${m[1]}-${m[2]}-01`, last: `${m[1]}-${m[2]}-${pad(daysIn(y, mo))}` };
  }
  m = QUARTER.exec(key);
  if (m) {
    const y = Number(m[1]);
    const q = Number(m[2]);
    const last = q * 3;
    return { first: `${m[1]}-${pad(last - 2)}-01`, last: `${m[1]}-${pad(last)}-${pad(daysIn(y, last))}` };
  }
  if (DAY.test(key)) return { first: key, last: key };
  return null;
}

/** prevPeriod is the month or quarter before; null for a day, which has no chain of balances. */
export function prevPeriod(key: string): string | null {
  let m = MONTH.exec(key);
  if (m) {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    return mo === 1 ? `${y - 1}-12` : `${y}-${pad(mo - 1)}`;
  }
  m = QUARTER.exec(key);
  if (m) {
    const y = Number(m[1]);
    const q = Number(m[2]);
    return q === 1 ? `${y - 1}-Q4` : `${y}-Q${q - 1}`;
  }
  return null;
}

/** todayIn is today's date in a time zone, 2026-11-27. */
export function todayIn(zone: string, now: Date = new Date()): string {
  // en-CA writes dates as 2026-11-27.
  return new Intl.DateTimeFormat("en-CA", { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

/** periodOf is the month or quarter holding a day (2026-11-27). */
export function periodOf(unit: "MONTH" | "QUARTER", day: string): string {
  const y = day.slice(0, 4);
  const mo = Number(day.slice(5, 7));
  return unit === "MONTH" ? `${y}-${pad(mo)}` : `${y}-Q${Math.floor((mo - 1) / 3) + 1}`;
}

/**
 * recentPeriods lists the months or quarters up to the one holding today,
 * newest first: what the editor offers (a period must not be in the
 * future; the one that just ended is the usual choice).
 */
export function recentPeriods(unit: "MONTH" | "QUARTER", today: string, count: number): string[] {
  const out: string[] = [];
  let key: string | null = periodOf(unit, today);
  while (key && out.length < count) {
    out.push(key);
    key = prevPeriod(key);
  }
  return out;
}

/**
 * periodChoices lists the periods of a year a list can be filtered by: its
 * months in order (2026-01 …), then its quarters (2026-Q1 …), of the units
 * given, leaving out those that start after today.
 */
export function periodChoices(year: number, today: string, units: readonly ("MONTH" | "QUARTER")[]): string[] {
  const out: string[] = [];
  if (units.includes("MONTH")) for (let m = 1; m <= 12; m++) out.push(`${year}-${pad(m)}`);
  if (units.includes("QUARTER")) for (let q = 1; q <= 4; q++) out.push(`${year}-Q${q}`);
  return out.filter((k) => periodBounds(k)!.first <= today);
}

/** yearsBack lists the years from this one back to since's, newest first (at least this year). */
export function yearsBack(today: string, since: string | null | undefined, max = 10): number[] {
  const now = Number(today.slice(0, 4));
  const first = since ? Math.max(Number(since.slice(0, 4)), now - max + 1) : now;
  const out: number[] = [];
  for (let y = now; y >= Math.min(first, now); y--) out.push(y);
  return out;
}
