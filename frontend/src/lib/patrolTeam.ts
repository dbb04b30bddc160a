import type { AddShiftTemplateInput, Weekday } from "../gql/graphql";
import { PERIODS, WEEKDAYS, parseTime, timeText, type PeriodKey } from "./volunteer";

// The patrol team's page (巡防队): the links its checkpoints' QR codes
// encode, a member's availability in a few words, and the shift template
// form's text read into the API's input. The server decides (domain/patrol);
// a value the form cannot read goes out as one the server names the field of.

/** checkpointLink is the link a checkpoint's QR code encodes: the patrol page, which fills in the check-in with the code. */
export function checkpointLink(origin: string, communityId: string, code: string): string {
  return `${origin}/c/${communityId}/patrol?code=${encodeURIComponent(code)}`;
}

/** Span is a stretch of a day, minutes after midnight. */
export interface Span {
  start: number;
  end: number;
}

/** WeeklyGroup is days with the same hours: the days Monday first, and the hours in time order. */
export interface WeeklyGroup {
  days: Weekday[];
  spans: Span[];
}

/**
 * weeklyGroups sums up a member's weekly slots: the days that share the
 * same hours go together (daysText writes them as 周一至周六), in the
 * order of their first day.
 */
export function weeklyGroups(slots: readonly { weekday: Weekday; start: number; end: number }[]): WeeklyGroup[] {
  const groups: { key: string; days: number[]; spans: Span[] }[] = [];
  WEEKDAYS.forEach((day, i) => {
    const spans = slots
      .filter((s) => s.weekday === day)
      .map((s) => ({ start: s.start, end: s.end }))
      .sort((a, b) => a.start - b.start || a.end - b.end);
    if (spans.length === 0) return;
    const key = spans.map((s) => `${s.start}-${s.end}`).join(",");
    const g = groups.find((x) => x.key === key);
    if (g) g.days.push(i);
    else groups.push({ key, days: [i], spans });
  });
  return groups.map((g) => ({ days: g.days.map((i) => WEEKDAYS[i]), spans: g.spans }));
}

/** dayRuns groups days into runs of consecutive days, Monday first: Monday to Wednesday, then Friday to Friday. */
export function dayRuns(days: readonly Weekday[]): [Weekday, Weekday][] {
  const idx = WEEKDAYS.map((_, i) => i).filter((i) => days.includes(WEEKDAYS[i]));
  const runs: [Weekday, Weekday][] = [];
  idx.forEach((d, j) => {
    if (j > 0 && idx[j - 1] === d - 1) runs[runs.length - 1][1] = WEEKDAYS[d];
    else runs.push([WEEKDAYS[d], WEEKDAYS[d]]);
  });
  return runs;
}

/** DayWords are how a language writes days: a day's name, a run of days (周一至周五), every day, and the list joiner. */
export interface DayWords {
  day: (d: Weekday) => string;
  range: (from: string, to: string) => string;
  every: string;
  join: string;
}

/** daysText writes days in few words: 每天, 周一至周五、周日; two days in a row are just listed. */
export function daysText(days: readonly Weekday[], w: DayWords): string {
  const runs = dayRuns(days);
  if (runs.length === 1 && runs[0][0] === "MONDAY" && runs[0][1] === "SUNDAY") return w.every;
  const out: string[] = [];
  for (const [a, b] of runs) {
    const n = WEEKDAYS.indexOf(b) - WEEKDAYS.indexOf(a);
    if (n === 0) out.push(w.day(a));
    else if (n === 1) out.push(w.day(a), w.day(b));
    else out.push(w.range(w.day(a), w.day(b)));
  }
  return out.join(w.join);
}

/** spanText writes a span as the grid's part of the day it is (上午), else as hours: 07:00–22:00. */
export function spanText(s: Span, periodName: (p: PeriodKey) => string): string {
  const p = PERIODS.find((x) => x.start === s.start && x.end === s.end);
  return p ? periodName(p.key) : `${timeText(s.start)}–${timeText(s.end)}`;
}

/** TemplateDraft is the shift template form as typed. */
export interface TemplateDraft {
  name: string;
  routeId: string;
  days: Weekday[];
  start: string;
  end: string;
  overnight: boolean;
  night: boolean;
  min: string;
  max: string;
  weight: string;
}

/** emptyTemplate is a new template form: every day, 08:00 to 10:00, 2 to 3 patrollers, weight 1. */
export function emptyTemplate(routeId: string): TemplateDraft {
  return { name: "", routeId, days: [...WEEKDAYS], start: "08:00", end: "10:00", overnight: false, night: false, min: "2", max: "3", weight: "1" };
}

/** numberOf reads a number as typed, a full-width comma as a point; NaN when it is not one. */
function numberOf(s: string): number {
  const t = s.trim().replace(/[，,]/g, ".");
  return t === "" ? NaN : Number(t);
}

/** wholeOf reads a whole number as typed; -1 (which the server refuses by name) when it is not one. */
export function wholeOf(s: string): number {
  const n = numberOf(s);
  return Number.isInteger(n) ? n : -1;
}

/**
 * templateInput reads the form into addShiftTemplate's input, its days
 * Monday first. A time, count or weight that cannot be read goes out as
 * one the server refuses, so that its error stands by the field.
 */
export function templateInput(teamId: string, d: TemplateDraft): AddShiftTemplateInput {
  const weight = numberOf(d.weight);
  return {
    patrolTeamId: teamId,
    routeId: d.routeId,
    name: d.name.trim(),
    days: WEEKDAYS.filter((w) => d.days.includes(w)),
    start: parseTime(d.start) ?? -1,
    end: parseTime(d.end) ?? -1,
    overnight: d.overnight,
    night: d.night,
    min: wholeOf(d.min),
    max: wholeOf(d.max),
    weight: Number.isFinite(weight) ? weight : 0,
  };
}

/** templateFields lists the fields of the template form the server's errors may name. */
export function templateFields(days: number): string[] {
  const out = ["name", "routeId", "days", "start", "end", "min", "max", "weight"];
  for (let i = 0; i < days; i++) out.push(`days[${i}]`);
  return out;
}

/** memberFields lists the fields of the availability form the server's errors may name. */
export function memberFields(slots: number, daysOff: number): string[] {
  const out = ["weekly", "maxPerWeek", "noNight", "daysOff", "note"];
  for (let i = 0; i < slots; i++) for (const f of ["weekday", "start", "end"]) out.push(`weekly[${i}].${f}`);
  for (let i = 0; i < daysOff; i++) out.push(`daysOff[${i}]`);
  return out;
}

/** CheckpointDraft is a checkpoint of the route form as typed. */
export interface CheckpointDraft {
  name: string;
  microGridId: string;
  lat: string;
  lng: string;
}

/** coordOf reads a latitude or longitude as typed: null when left empty, 999 (out of range, which the server names) when it is not a number. */
function coordOf(s: string): number | null {
  if (s.trim() === "") return null;
  const n = numberOf(s);
  return Number.isFinite(n) ? n : 999;
}

/** checkpointsInput reads the route form's checkpoints into addPatrolRoute's, in walking order; the coordinates only where typed. */
export function checkpointsInput(points: readonly CheckpointDraft[]): { name: string; microGridId: string; lat?: number | null; lng?: number | null }[] {
  return points.map((p) => {
    const lat = coordOf(p.lat);
    const lng = coordOf(p.lng);
    return { name: p.name.trim(), microGridId: p.microGridId, ...(lat === null && lng === null ? {} : { lat, lng }) };
  });
}

/** routeFields lists the fields of the route form the server's errors may name. */
export function routeFields(points: number): string[] {
  const out = ["name", "gridId", "checkpoints"];
  for (let i = 0; i < points; i++) for (const f of ["name", "microGridId", "lat", "lng"]) out.push(`checkpoints[${i}].${f}`);
  return out;
}

/** monthText writes a month given as 2026-12 in words: 2026年12月, December 2026; anything else as it is. */
export function monthText(month: string, lang: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  if (!m) return month;
  const fmt = new Intl.DateTimeFormat(lang === "en" ? "en-GB" : "zh-CN", { year: "numeric", month: "long", timeZone: "UTC" });
  return fmt.format(new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1)));
}
