/**
 * monthOf writes the month of a moment on the community's clock, as the
 * API takes it: "2026-12".
 */
export function monthOf(at: Date, zone: string): string {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone: zone, year: "numeric", month: "2-digit" }).formatToParts(at);
  const y = parts.find((p) => p.type === "year")?.value ?? "1970";
  const m = parts.find((p) => p.type === "month")?.value ?? "01";
  return `${y}-${m}`;
}

/** dayOf writes the day of a moment on the community's clock, as the API takes it: "2026-12-01". */
export function dayOf(at: Date, zone: string): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit" }).format(at);
}

/** shiftMonth moves a month written "2026-12" by n months: shiftMonth("2026-12", 1) is "2027-01". */
export function shiftMonth(month: string, n: number): string {
  const [y, m] = month.split("-").map(Number);
  const i = y * 12 + (m - 1) + n;
  const ny = Math.floor(i / 12);
  const nm = (i % 12) + 1;
  return `${ny}-${String(nm).padStart(2, "0")}`;
}

/** validMonth says whether a string is a month written "2026-12". */
export function validMonth(s: string | null | undefined): s is string {
  return !!s && /^\d{4}-(0[1-9]|1[0-2])$/.test(s);
}

/** loadText writes a load's weight with at most one decimal: 4, 4.5. */
export function loadText(w: number): string {
  return String(Math.round(w * 10) / 10);
}

/** positionTag is a shift state's tag class: green done, amber waiting, red missed. */
export function positionTag(state: string): string {
  switch (state) {
    case "CHECKED_IN":
      return "tag tag-ok";
    case "OFFERED":
    case "OPEN":
      return "tag tag-warn";
    case "MISSED":
      return "tag tag-error";
    default:
      return "tag";
  }
}

/** inCheckInWindow says whether a shift takes check-ins at now: from half an hour before it to half an hour after. */
export function inCheckInWindow(start: string, end: string, now: Date): boolean {
  const half = 30 * 60 * 1000;
  const t = now.getTime();
  return t >= new Date(start).getTime() - half && t <= new Date(end).getTime() + half;
}

/** isHttpsUrl says whether a photo link is an https URL. */
export function isHttpsUrl(s: string): boolean {
  try {
    return new URL(s.trim()).protocol === "https:";
  } catch {
    return false;
  }
}

/** caseTag is a mediation case state's tag class: green agreed, amber waiting, grey otherwise. */
export function caseTag(state: string): string {
  if (state === "AGREED") return "tag tag-ok";
  if (state === "OPEN" || state === "TAKEN") return "tag tag-warn";
  return "tag";
}
