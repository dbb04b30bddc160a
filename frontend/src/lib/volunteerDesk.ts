// The volunteer coordinator's desk, 我的时长 and the service certificate:
// the pure parts, so that they can be tested without a server. Minutes are
// what the API counts; people read and type hours, in steps of half an hour.

/** hoursText writes minutes as hours with one decimal: 90 → "1.5", 60 → "1.0", -30 → "-0.5". */
export function hoursText(minutes: number): string {
  const h = Math.round((minutes / 60) * 10) / 10;
  // (-0).toFixed gives "0.0", so a tiny negative does not show as "-0.0".
  return (h === 0 ? 0 : h).toFixed(1);
}

/** signedHoursText writes a change of minutes as hours with its sign: +1.5, −0.5, 0.0. */
export function signedHoursText(minutes: number): string {
  const text = hoursText(minutes);
  if (text === "0.0") return text;
  return minutes > 0 ? `+${text}` : `−${text.slice(1)}`;
}

/** HoursError is why a number of hours typed is not taken. */
export type HoursError = "required" | "invalid" | "step" | "positive" | "nonzero" | "tooMany";

/** MAX_TASK_HOURS bounds the hours confirmed or corrected at once for one task: the server's MaxTaskMinutes (a need's 12 hours and the check-in windows). */
export const MAX_TASK_HOURS = 14;

/**
 * parseHours reads hours typed in steps of half an hour (1.5, "2", "0,5"
 * with a comma) as minutes. A confirmation takes a positive number; a
 * correction (signed) takes a negative one too, but not zero.
 */
export function parseHours(text: string, opts: { signed?: boolean } = {}): { minutes: number } | { error: HoursError } {
  const s = text.trim().replace(",", ".").replace(/^[−–]/, "-").replace(/^\+/, "");
  if (s === "") return { error: "required" };
  if (!/^-?\d+(\.\d+)?$/.test(s)) return { error: "invalid" };
  const h = Number(s);
  if (!Number.isFinite(h)) return { error: "invalid" };
  if (Math.round(h * 2) !== h * 2) return { error: "step" };
  if (opts.signed) {
    if (h === 0) return { error: "nonzero" };
  } else if (h <= 0) {
    return { error: "positive" };
  }
  if (Math.abs(h) > MAX_TASK_HOURS) return { error: "tooMany" };
  return { minutes: Math.round(h * 60) };
}

/** halfHours rounds minutes to the nearest half hour, at least half an hour, as the hours typed: 100 → "1.5". */
export function halfHours(minutes: number): string {
  const halves = Math.max(1, Math.round(minutes / 30));
  return String(halves / 2);
}

/**
 * suggestedMinutes is what a task's hours field starts with: the time
 * between check-in and check-out when both were recorded, or else the
 * task's scheduled length.
 */
export function suggestedMinutes(c: { start: string; end: string; checkedInAt?: string | null; checkedOutAt?: string | null }): number {
  const span = (a: string, b: string) => (new Date(b).getTime() - new Date(a).getTime()) / 60000;
  if (c.checkedInAt && c.checkedOutAt) {
    const m = span(c.checkedInAt, c.checkedOutAt);
    if (m > 0) return m;
  }
  return Math.max(0, span(c.start, c.end));
}

/**
 * coveragePercent is the share of the bound a week's proposal covers, in
 * whole percent (rounded down, so that 100 means all of it); null when the
 * bound is 0 (nothing could be covered).
 */
export function coveragePercent(covered: number, bound: number): number | null {
  if (bound <= 0) return null;
  return Math.min(100, Math.floor((covered / bound) * 100));
}

/** Picks are the volunteers (User IDs) the coordinator keeps for each occurrence of a week's proposal, in order. */
export type Picks = Record<string, string[]>;

/** picksOf is the proposal as it came: every assignment kept. */
export function picksOf(assignments: readonly { occurrence: { id: string }; volunteer: { id: string } }[]): Picks {
  const out: Picks = {};
  for (const a of assignments) {
    const list = (out[a.occurrence.id] ??= []);
    if (!list.includes(a.volunteer.id)) list.push(a.volunteer.id);
  }
  return out;
}

/** removePick drops a volunteer from an occurrence's picks. */
export function removePick(picks: Picks, occurrenceId: string, volunteerId: string): Picks {
  return { ...picks, [occurrenceId]: (picks[occurrenceId] ?? []).filter((v) => v !== volunteerId) };
}

/** replacePick puts another volunteer in one's place, keeping the order; a volunteer already picked there is not picked twice. */
export function replacePick(picks: Picks, occurrenceId: string, from: string, to: string): Picks {
  const list = picks[occurrenceId] ?? [];
  if (from === to || !list.includes(from)) return picks;
  if (list.includes(to)) return removePick(picks, occurrenceId, from);
  return { ...picks, [occurrenceId]: list.map((v) => (v === from ? to : v)) };
}

/** pickCount is how many invitations the picks would send. */
export function pickCount(picks: Picks): number {
  return Object.values(picks).reduce((n, l) => n + l.length, 0);
}

/** OccurrenceLike is what grouping needs of an occurrence. */
export interface OccurrenceLike {
  id: string;
  start: string;
  need: { id: string };
}

/** NeedGroup is a need's occurrences in a week's proposal, each with its items. */
export interface NeedGroup<O extends OccurrenceLike, T> {
  need: O["need"];
  occurrences: { occurrence: O; items: T[] }[];
}

/**
 * groupByNeed groups a proposal's items (assignments, or unfilled slots) by
 * occurrence, and the occurrences by need: the needs in the order of their
 * first occurrence, the occurrences by start, the items as they came.
 */
export function groupByNeed<T extends { occurrence: OccurrenceLike }>(items: readonly T[]): NeedGroup<T["occurrence"], T>[] {
  type O = T["occurrence"];
  const byOcc = new Map<string, { occurrence: O; items: T[] }>();
  for (const it of items) {
    const g = byOcc.get(it.occurrence.id);
    if (g) g.items.push(it);
    else byOcc.set(it.occurrence.id, { occurrence: it.occurrence, items: [it] });
  }
  const occs = [...byOcc.values()].sort((a, b) => a.occurrence.start.localeCompare(b.occurrence.start) || a.occurrence.id.localeCompare(b.occurrence.id));
  const byNeed = new Map<string, NeedGroup<O, T>>();
  for (const o of occs) {
    const g = byNeed.get(o.occurrence.need.id);
    if (g) g.occurrences.push(o);
    else byNeed.set(o.occurrence.need.id, { need: o.occurrence.need, occurrences: [o] });
  }
  return [...byNeed.values()];
}

/** DAY is a calendar day as the API writes it: 2026-11-27. */
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** isDay reports whether s is a real calendar day (2026-02-30 is not). */
export function isDay(s: string): boolean {
  const m = DAY.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/** addDays moves a calendar day by n days: addDays("2026-02-28", 1) is "2026-03-01". */
export function addDays(day: string, n: number): string {
  const [y, m, d] = day.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

/** RangeErrors are a certificate period's errors, by field, as message keys under volunteerDesk.range. */
export interface RangeErrors {
  from?: "required" | "invalid";
  to?: "required" | "invalid" | "beforeFrom" | "future" | "tooLong";
}

/** MAX_CERTIFICATE_YEARS is the longest period a certificate covers (the server's rule). */
export const MAX_CERTIFICATE_YEARS = 5;

/**
 * checkRange checks a certificate's period as the server will: both days
 * given and real, the end not before the start, not after today, and at
 * most five years long. No errors is {}.
 */
export function checkRange(from: string, to: string, today: string): RangeErrors {
  const out: RangeErrors = {};
  if (!from) out.from = "required";
  else if (!isDay(from)) out.from = "invalid";
  if (!to) out.to = "required";
  else if (!isDay(to)) out.to = "invalid";
  else if (to > today) out.to = "future";
  else if (!out.from && to < from) out.to = "beforeFrom";
  else if (!out.from && to > addYears(from, MAX_CERTIFICATE_YEARS)) out.to = "tooLong";
  return out;
}

/** addYears moves a day by whole years; 29 February falls back to the 28th. */
function addYears(day: string, n: number): string {
  const y = Number(day.slice(0, 4)) + n;
  const md = day.slice(5);
  const out = `${y}-${md}`;
  return isDay(out) ? out : `${y}-02-28`;
}

/** yearStart is the first day of the year of a day: the period a certificate starts with. */
export function yearStart(day: string): string {
  return `${day.slice(0, 4)}-01-01`;
}

/** dayLabel writes a calendar day for people: 2026年11月27日, or 27 Nov 2026. */
export function dayLabel(day: string, lang: string): string {
  if (!isDay(day)) return day;
  const [y, m, d] = day.split("-").map(Number);
  return new Intl.DateTimeFormat(lang === "en" ? "en-GB" : "zh-CN", { dateStyle: "medium", timeZone: "UTC" }).format(new Date(Date.UTC(y, m - 1, d)));
}

/**
 * whenText writes a task's time in the community's zone, for people: the
 * day with its weekday and the hours, "11月28日周六 09:00–11:00"; a task
 * over midnight gives both days.
 */
export function whenText(start: string, end: string, lang: string, zone: string): string {
  const locale = lang === "en" ? "en-GB" : "zh-CN";
  const day = new Intl.DateTimeFormat(locale, { month: "short", day: "numeric", weekday: "short", timeZone: zone });
  const time = new Intl.DateTimeFormat(locale, { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: zone });
  const s = new Date(start);
  const e = new Date(end);
  const sameDay = day.format(s) === day.format(e);
  return sameDay ? `${day.format(s)} ${time.format(s)}–${time.format(e)}` : `${day.format(s)} ${time.format(s)} – ${day.format(e)} ${time.format(e)}`;
}
