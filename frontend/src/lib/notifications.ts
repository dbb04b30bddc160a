import type { NotificationKind } from "../gql/graphql";

// Notification preferences as the settings form shows them, and the
// server's technical delivery notes in words.

/** PrefsLike is the viewer's notificationPreferences as the API gives them. */
export interface PrefsLike {
  off: readonly NotificationKind[];
  digest: boolean;
  quietHoursEnabled: boolean;
  quietStart: string;
  quietEnd: string;
}

/** PrefsForm is what the settings form edits. */
export interface PrefsForm {
  /** optional kinds turned off, the weekly digest aside */
  off: NotificationKind[];
  digest: boolean;
  quietHoursEnabled: boolean;
  quietStart: string;
  quietEnd: string;
}

const DIGEST: NotificationKind = "WEEKLY_DIGEST";

/**
 * prefsToForm reads preferences into the form. The weekly digest can be off
 * two ways on the server (digest false, or WEEKLY_DIGEST in off); the form
 * has one switch for it, on only when neither turns it off.
 */
export function prefsToForm(p: PrefsLike): PrefsForm {
  return {
    off: p.off.filter((k) => k !== DIGEST),
    digest: p.digest && !p.off.includes(DIGEST),
    quietHoursEnabled: p.quietHoursEnabled,
    quietStart: p.quietStart,
    quietEnd: p.quietEnd,
  };
}

/** formToInput turns the form into updateNotificationPreferences' input. */
export function formToInput(f: PrefsForm) {
  return {
    off: f.off.filter((k) => k !== DIGEST),
    digest: f.digest,
    quietHoursEnabled: f.quietHoursEnabled,
    quietStart: normalizeClock(f.quietStart),
    quietEnd: normalizeClock(f.quietEnd),
  };
}

/**
 * normalizeClock tidies a time of day as people type it on a phone: a
 * full-width colon (22：00), no colon (2200, 800), one-digit hours (8:00).
 * Anything else is sent as typed, and the server says what is wrong.
 */
export function normalizeClock(s: string): string {
  const v = s.trim().replace(/[：.．]/g, ":");
  let m = v.match(/^(\d{1,2}):(\d{2})$/);
  if (m) return `${m[1].padStart(2, "0")}:${m[2]}`;
  m = v.match(/^(\d{1,2})(\d{2})$/);
  if (m) return `${m[1].padStart(2, "0")}:${m[2]}`;
  return v;
}

/** DeliveryNote is a known lastError of the outbox, as a catalog key under notify.errors. */
export type DeliveryNote = "noEmail" | "notVerified" | "turnedOff" | "subjectCancelled" | "undeliverable";

/**
 * deliveryNote recognises the outbox's own reasons (domain/notify): they
 * are in English for the log, so the UI says them in words. A mailer's
 * error is returned as undefined and shown as it is.
 */
export function deliveryNote(lastError: string | null | undefined): DeliveryNote | undefined {
  const e = (lastError ?? "").trim();
  if (e === "recipient has no email") return "noEmail";
  if (e === "email not verified") return "notVerified";
  if (e === "turned off by the recipient") return "turnedOff";
  if (e === "subject cancelled") return "subjectCancelled";
  if (e.startsWith("address undeliverable")) return "undeliverable";
  return undefined;
}

/** undeliverableKey names why mail stopped (viewer.emailUndeliverable), under notify.undeliverable. */
export function undeliverableKey(reason: string): "bounce" | "dropped" | "spamreport" | "other" {
  const r = reason.trim().toLowerCase();
  if (r === "bounce" || r === "bounced") return "bounce";
  if (r === "dropped") return "dropped";
  if (r === "spamreport" || r === "spam") return "spamreport";
  return "other";
}
