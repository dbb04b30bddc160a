import type { ClaimState, NeedState, NeedUrgency, OccurrenceState, Weekday } from "../gql/graphql";

// The rules of volunteer service (志愿服务) as the volunteer-facing pages
// need them: the weekly availability grid and its slots, hours as text,
// times in the community's zone, why a volunteer was recommended, and
// where a need stands. The server decides (domain/volunteer); these only
// say in advance what it would answer.

/** WEEKDAYS lists the days Monday first, as a Chinese calendar does. */
export const WEEKDAYS: readonly Weekday[] = ["MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"];

/** PeriodKey names a part of the day of the availability grid. */
export type PeriodKey = "morning" | "afternoon" | "evening";

/** PERIODS are the grid's parts of the day: 上午 08–12, 下午 13–17, 晚上 18–21 (minutes after midnight). */
export const PERIODS: readonly { key: PeriodKey; start: number; end: number }[] = [
  { key: "morning", start: 8 * 60, end: 12 * 60 },
  { key: "afternoon", start: 13 * 60, end: 17 * 60 },
  { key: "evening", start: 18 * 60, end: 21 * 60 },
];

/** Slot is a weekly stretch of availability, as AvailabilitySlotInput has it. */
export interface Slot {
  weekday: Weekday;
  start: number;
  end: number;
}

/** Availability is the profile form's weekly availability: the grid's cells that are on, and the slots of other hours. */
export interface Availability {
  /** cellKey(day, period) of each cell on. */
  cells: string[];
  custom: Slot[];
}

/** cellKey names one cell of the availability grid. */
export function cellKey(day: Weekday, period: PeriodKey): string {
  return `${day}.${period}`;
}

const dayIndex = (d: Weekday) => WEEKDAYS.indexOf(d);

/** availabilityOf splits a profile's slots into the grid's cells and the other (custom) slots, Monday first. */
export function availabilityOf(slots: readonly Slot[]): Availability {
  const cells: string[] = [];
  const custom: Slot[] = [];
  for (const s of slots) {
    const p = PERIODS.find((x) => x.start === s.start && x.end === s.end);
    const key = p ? cellKey(s.weekday, p.key) : "";
    if (p && !cells.includes(key)) cells.push(key);
    else custom.push({ weekday: s.weekday, start: s.start, end: s.end });
  }
  custom.sort((a, b) => dayIndex(a.weekday) - dayIndex(b.weekday) || a.start - b.start);
  return { cells: sortCells(cells), custom };
}

function sortCells(cells: string[]): string[] {
  const rank = (k: string) => {
    const [d, p] = k.split(".");
    return dayIndex(d as Weekday) * 10 + PERIODS.findIndex((x) => x.key === p);
  };
  return [...cells].sort((a, b) => rank(a) - rank(b));
}

/** slotsOf turns the form's availability into slots: the grid's cells Monday first, morning first, then the custom slots in their order. */
export function slotsOf(a: Availability): Slot[] {
  const out: Slot[] = [];
  for (const key of sortCells(a.cells)) {
    const [d, pk] = key.split(".");
    const p = PERIODS.find((x) => x.key === pk);
    if (p && WEEKDAYS.includes(d as Weekday)) out.push({ weekday: d as Weekday, start: p.start, end: p.end });
  }
  return [...out, ...a.custom.map((s) => ({ ...s }))];
}

/** toggleCell turns one cell of the grid on or off. */
export function toggleCell(a: Availability, day: Weekday, period: PeriodKey): Availability {
  const key = cellKey(day, period);
  const cells = a.cells.includes(key) ? a.cells.filter((k) => k !== key) : sortCells([...a.cells, key]);
  return { ...a, cells };
}

/** firstOverlap returns the first two slots (by index) of one day that overlap, later one second; null when none do. */
export function firstOverlap(slots: readonly Slot[]): [number, number] | null {
  for (let i = 0; i < slots.length; i++) {
    for (let j = 0; j < i; j++) {
      const a = slots[j];
      const b = slots[i];
      if (a.weekday === b.weekday && a.start < b.end && b.start < a.end) return [j, i];
    }
  }
  return null;
}

/** timeText writes minutes after midnight as 08:30 (1440 is 24:00). */
export function timeText(minutes: number): string {
  const m = Math.max(0, Math.min(1440, Math.round(minutes)));
  return `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
}

/** parseTime reads 8:30 or 08:30 (24:00 too) as minutes after midnight; null when it is not a time. */
export function parseTime(s: string): number | null {
  const m = /^\s*(\d{1,2}):(\d{2})\s*$/.exec(s);
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (min > 59 || h > 24 || (h === 24 && min > 0)) return null;
  return h * 60 + min;
}

/** hoursText writes minutes as hours with at most two decimals: 90 is "1.5", 120 is "2". */
export function hoursText(minutes: number): string {
  const h = Math.round((minutes / 60) * 100) / 100;
  return String(h);
}

/** minutesOfHours reads hours (1.5, "2", "0.5") as whole minutes; null when it is not a positive number. */
export function minutesOfHours(hours: string | number): number | null {
  const n = typeof hours === "number" ? hours : Number(String(hours).trim().replace(/[，,]/g, "."));
  if (!Number.isFinite(n) || n <= 0 || (typeof hours === "string" && hours.trim() === "")) return null;
  return Math.round(n * 60);
}

/** halfHours rounds minutes to the nearest half hour, at least half an hour. */
export function halfHours(minutes: number): number {
  return Math.max(30, Math.round(minutes / 30) * 30);
}

/**
 * confirmMinutes is the minutes a coordinator is offered to confirm for a
 * claim: from check-in to check-out when both were recorded, else the
 * occurrence's length, to the half hour.
 */
export function confirmMinutes(c: { checkedInAt?: string | null; checkedOutAt?: string | null; start: string; end: string }): number {
  const from = c.checkedInAt && c.checkedOutAt ? c.checkedInAt : c.start;
  const to = c.checkedInAt && c.checkedOutAt ? c.checkedOutAt : c.end;
  return halfHours((Date.parse(to) - Date.parse(from)) / 60_000);
}

/** CHECK_WINDOW_MS is how long before the start one may check in, and after the end check out (volunteer.CheckWindow). */
export const CHECK_WINDOW_MS = 60 * 60 * 1000;

/** LATE_CANCEL_MS is how close to the start a cancellation counts as late (volunteer.LateCancel). */
export const LATE_CANCEL_MS = 12 * 60 * 60 * 1000;

/** inCheckWindow reports whether one may check in or out now: from an hour before the start to an hour after the end. */
export function inCheckWindow(o: { start: string; end: string }, now: Date): boolean {
  const t = now.getTime();
  return t >= Date.parse(o.start) - CHECK_WINDOW_MS && t <= Date.parse(o.end) + CHECK_WINDOW_MS;
}

/** isLateCancel reports whether cancelling a claim now counts as late (within 12 hours of the start). */
export function isLateCancel(start: string, now: Date): boolean {
  return Date.parse(start) - now.getTime() < LATE_CANCEL_MS;
}

/** Factor is one reason of a match, as MatchFactor has it. */
export interface Factor {
  key: string;
  detail: string;
  points: number;
  max: number;
}

/** FACTOR_KEYS are the matching's factors in the order the ranking weighs them. */
export const FACTOR_KEYS = ["skills", "availability", "distance", "fairness", "reliability", "weekly_limit"] as const;

/** sortFactors orders the reasons of a match strongest first: the most points, then the heaviest, then the ranking's order. */
export function sortFactors<F extends Factor>(factors: readonly F[]): F[] {
  const order = (k: string) => {
    const i = (FACTOR_KEYS as readonly string[]).indexOf(k);
    return i < 0 ? FACTOR_KEYS.length : i;
  };
  return [...factors].sort((a, b) => b.points - a.points || b.max - a.max || order(a.key) - order(b.key));
}

/** pointsText writes a factor's points as at most one decimal: 13.8, 20. */
export function pointsText(n: number): string {
  return String(Math.round(n * 10) / 10);
}

/** scoreText writes a match's score (at most 100) as a whole number. */
export function scoreText(score: number): string {
  return String(Math.round(score));
}

/** Tone is a colour that means something (UX.md 5). */
export type Tone = "neutral" | "success" | "warning" | "danger";

/** NeedStatus is where a need stands, in one line: its catalog key under volunteer.status, the tone, and the numbers. */
export interface NeedStatus {
  key: "pending" | "rejected" | "cancelled" | "open" | "filled" | "inProgress" | "done" | "over";
  tone: Tone;
  filled: number;
  slots: number;
  missing: number;
  /** the occurrence the line is about: the next one not over; null when none is left. */
  next: { start: string; end: string; index: number } | null;
}

/** OccurrenceLike is what needStatus reads of an occurrence. */
export interface OccurrenceLike {
  index: number;
  state: OccurrenceState;
  slots: number;
  openSlots: number;
  start: string;
  end: string;
}

/**
 * needStatus says where a need stands: waiting for approval, rejected,
 * cancelled, done, or, open, how its next occurrence is filled (amber
 * when hands are missing and it is urgent or within a day), in progress,
 * or over.
 */
export function needStatus(n: { state: NeedState; urgency: NeedUrgency }, occurrences: readonly OccurrenceLike[], now: Date): NeedStatus {
  const base = { filled: 0, slots: 0, missing: 0, next: null };
  switch (n.state) {
    case "PENDING":
      return { ...base, key: "pending", tone: "warning" };
    case "REJECTED":
      return { ...base, key: "rejected", tone: "neutral" };
    case "CANCELLED":
      return { ...base, key: "cancelled", tone: "neutral" };
    case "DONE":
      return { ...base, key: "done", tone: "success" };
  }
  const live = occurrences
    .filter((o) => o.state === "OPEN" || o.state === "IN_PROGRESS")
    .filter((o) => Date.parse(o.end) > now.getTime() || o.state === "IN_PROGRESS")
    .sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
  const o = live[0];
  if (!o) {
    const done = occurrences.length > 0 && occurrences.every((x) => x.state === "DONE" || x.state === "CANCELLED") && occurrences.some((x) => x.state === "DONE");
    return { ...base, key: done ? "done" : "over", tone: done ? "success" : "neutral" };
  }
  const filled = Math.max(0, o.slots - o.openSlots);
  const next = { start: o.start, end: o.end, index: o.index };
  const nums = { filled, slots: o.slots, missing: Math.max(0, o.openSlots), next };
  if (o.state === "IN_PROGRESS") return { ...nums, key: "inProgress", tone: "success" };
  if (o.openSlots <= 0) return { ...nums, key: "filled", tone: "success" };
  const soon = Date.parse(o.start) - now.getTime() < 24 * 60 * 60 * 1000;
  return { ...nums, key: "open", tone: n.urgency === "URGENT" || soon ? "warning" : "neutral" };
}

/** needStateTag colours a need's state. */
export function needStateTag(state: NeedState): string {
  switch (state) {
    case "OPEN":
      return "tag tag-info";
    case "PENDING":
      return "tag tag-warn";
    default:
      return "tag tag-muted";
  }
}

/** occurrenceTag colours an occurrence's state (open and filled are told apart). */
export function occurrenceTag(o: { state: OccurrenceState; openSlots: number }): { key: string; cls: string } {
  switch (o.state) {
    case "OPEN":
      return o.openSlots <= 0 ? { key: "filled", cls: "tag tag-ok" } : { key: "open", cls: "tag tag-info" };
    case "IN_PROGRESS":
      return { key: "inProgress", cls: "tag tag-ok" };
    case "DONE":
      return { key: "done", cls: "tag tag-ok" };
    default:
      return { key: "cancelled", cls: "tag tag-muted" };
  }
}

/** claimTag colours a claim's state: amber where something waits (a no-show, checked out and unconfirmed). */
export function claimTag(state: ClaimState): string {
  switch (state) {
    case "CONFIRMED":
    case "CHECKED_IN":
    case "EXCUSED":
      return "tag tag-ok";
    case "NO_SHOW":
    case "CHECKED_OUT":
      return "tag tag-warn";
    default:
      return "tag tag-info";
  }
}

/** ZonedParts is an instant's calendar day (2026-05-03), time of day (09:30) and weekday in a zone. */
export interface ZonedParts {
  date: string;
  time: string;
  weekday: Weekday;
}

const WEEKDAY_OF: Record<string, Weekday> = {
  Mon: "MONDAY",
  Tue: "TUESDAY",
  Wed: "WEDNESDAY",
  Thu: "THURSDAY",
  Fri: "FRIDAY",
  Sat: "SATURDAY",
  Sun: "SUNDAY",
};

function partsIn(ms: number, zone: string) {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone: zone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    weekday: "short",
  }).formatToParts(new Date(ms));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return {
    y: Number(get("year")),
    mo: Number(get("month")),
    d: Number(get("day")),
    h: Number(get("hour")) % 24,
    mi: Number(get("minute")),
    s: Number(get("second")),
    wd: get("weekday"),
  };
}

/** zonedParts reads an instant's day, time and weekday in a zone. */
export function zonedParts(iso: string, zone: string): ZonedParts {
  const p = partsIn(Date.parse(iso), zone);
  const pad = (n: number) => String(n).padStart(2, "0");
  return { date: `${p.y}-${pad(p.mo)}-${pad(p.d)}`, time: `${pad(p.h)}:${pad(p.mi)}`, weekday: WEEKDAY_OF[p.wd] ?? "MONDAY" };
}

/** offsetMs is how far a zone's wall clock is ahead of UTC at an instant. */
function offsetMs(ms: number, zone: string): number {
  const p = partsIn(ms, zone);
  return Date.UTC(p.y, p.mo - 1, p.d, p.h, p.mi, p.s) - Math.floor(ms / 1000) * 1000;
}

/**
 * zonedISO turns a day (2026-05-03) and a time of day (09:30) on the
 * community's wall clock into an instant (a DateTime); null when either
 * cannot be read.
 */
export function zonedISO(date: string, time: string, zone: string): string | null {
  const dm = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const minutes = parseTime(time);
  if (!dm || minutes === null) return null;
  const local = Date.UTC(Number(dm[1]), Number(dm[2]) - 1, Number(dm[3]), 0, minutes);
  if (Number.isNaN(local)) return null;
  let guess = local - offsetMs(local, zone);
  guess = local - offsetMs(guess, zone);
  return new Date(guess).toISOString();
}

/** todayInZone is today's day (2026-05-03) in a zone. */
export function todayInZone(zone: string, now = new Date()): string {
  return zonedParts(now.toISOString(), zone).date;
}

/**
 * spanText writes an occurrence's time on the community's clock, its day
 * with the weekday and both times: "5月3日周六 09:00–11:00"; an end on
 * another day carries its day too.
 */
export function spanText(start: string, end: string, lang: string, zone: string): string {
  const locale = lang === "en" ? "en-GB" : "zh-CN";
  const day = new Intl.DateTimeFormat(locale, { timeZone: zone, month: lang === "en" ? "short" : "long", day: "numeric", weekday: "short" });
  const a = zonedParts(start, zone);
  const b = zonedParts(end, zone);
  const from = `${day.format(new Date(start))} ${a.time}`;
  const to = a.date === b.date ? b.time : `${day.format(new Date(end))} ${b.time}`;
  return `${from}–${to}`;
}

/** splitList reads a list typed with commas, 、 or spaces: "杭州话、普通话" is two. */
export function splitList(text: string): string[] {
  const out: string[] = [];
  for (const x of text.split(/[,，、;；\s]+/)) {
    const v = x.trim();
    if (v && !out.includes(v)) out.push(v);
  }
  return out;
}

/** skillNames writes skill codes as the taxonomy names them, an unknown code as itself. */
export function skillNames(codes: readonly string[], skills: readonly { code: string; name: string }[]): string[] {
  return codes.map((c) => skills.find((s) => s.code === c)?.name ?? c);
}

/** checkInLink is the link a need's QR code encodes: the need page with its check-in code. */
export function checkInLink(origin: string, communityId: string, needId: string, code: string): string {
  return `${origin}/c/${communityId}/needs/${needId}?code=${encodeURIComponent(code)}`;
}

/** SkillChoice is one skill of the profile form: chosen or not, its level, its credential. */
export interface SkillChoice {
  code: string;
  level: number;
  credential: string;
}

/**
 * skillsInput is the skills a profile form sends, in the taxonomy's order,
 * so that the server's skills[i] names the i-th chosen skill of the list.
 */
export function skillsInput(chosen: readonly SkillChoice[], taxonomy: readonly { code: string; credentialed: boolean }[]) {
  const out: { code: string; level: number; credential: string | null }[] = [];
  for (const k of taxonomy) {
    const c = chosen.find((x) => x.code === k.code);
    if (!c) continue;
    const cred = c.credential.trim();
    out.push({ code: c.code, level: c.level, credential: k.credentialed && cred ? cred : null });
  }
  return out;
}

/** profileFields lists the fields of the profile form the server's errors may name (extensions.field). */
export function profileFields(skills: number, slots: number, aways: number, dialects: number, grids: number): string[] {
  const out = ["skills", "weekly", "away", "gridIds", "grids", "maxMinutesPerWeek", "dialects", "teamId"];
  for (let i = 0; i < skills; i++) for (const f of ["code", "level", "credential"]) out.push(`skills[${i}].${f}`);
  for (let i = 0; i < slots; i++) for (const f of ["weekday", "start", "end"]) out.push(`weekly[${i}].${f}`);
  for (let i = 0; i < aways; i++) for (const f of ["from", "to"]) out.push(`away[${i}].${f}`);
  for (let i = 0; i < dialects; i++) out.push(`dialects[${i}]`);
  for (let i = 0; i < grids; i++) out.push(`grids[${i}]`, `gridIds[${i}]`);
  return out;
}

/** fieldErrorsFor gathers the errors of fields under a prefix (weekly[2]. → start and end), first one first. */
export function fieldErrorFor(fields: Record<string, string>, prefix: string): string | undefined {
  for (const [k, v] of Object.entries(fields)) if (k === prefix || k.startsWith(prefix + ".")) return v;
  return undefined;
}

/** ratingWordKey names a rating of 1–5 stars in words (非常满意 … 很不满意). */
export function ratingWordKey(stars: number): string {
  const n = Math.min(5, Math.max(1, Math.round(stars)));
  return ["veryPoor", "poor", "fair", "good", "veryGood"][n - 1];
}
