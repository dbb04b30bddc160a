import { describe, expect, it } from "vitest";
import { deliveryNote, formToInput, normalizeClock, prefsToForm, undeliverableKey } from "./notifications";

describe("prefsToForm and formToInput", () => {
  const prefs = {
    off: ["JOIN_DECIDED" as const],
    digest: true,
    quietHoursEnabled: true,
    quietStart: "21:00",
    quietEnd: "08:00",
  };
  it("read the preferences into the form", () => {
    expect(prefsToForm(prefs)).toEqual({ ...prefs, off: ["JOIN_DECIDED"] });
  });
  it("show the digest off when either switch on the server turns it off", () => {
    expect(prefsToForm({ ...prefs, digest: false }).digest).toBe(false);
    const f = prefsToForm({ ...prefs, off: ["WEEKLY_DIGEST", "JOIN_DECIDED"] });
    expect(f.digest).toBe(false);
    expect(f.off).toEqual(["JOIN_DECIDED"]);
  });
  it("send the digest as its own switch, and tidy the times", () => {
    expect(
      formToInput({ off: ["SUPPORT_WINDOW_ENDING"], digest: false, quietHoursEnabled: true, quietStart: "22：00", quietEnd: "7:30" }),
    ).toEqual({ off: ["SUPPORT_WINDOW_ENDING"], digest: false, quietHoursEnabled: true, quietStart: "22:00", quietEnd: "07:30" });
  });
});

describe("normalizeClock", () => {
  it.each([
    ["22:00", "22:00"],
    [" 22:00 ", "22:00"],
    ["22：00", "22:00"],
    ["8:00", "08:00"],
    ["2200", "22:00"],
    ["800", "08:00"],
    ["22.30", "22:30"],
    ["25:00", "25:00"],
    ["ten", "ten"],
    ["", ""],
  ])("%s -> %s", (input, want) => {
    expect(normalizeClock(input)).toBe(want);
  });
});

describe("deliveryNote", () => {
  it.each([
    ["recipient has no email", "noEmail"],
    ["email not verified", "notVerified"],
    ["turned off by the recipient", "turnedOff"],
    ["subject cancelled", "subjectCancelled"],
    ["address undeliverable (bounced, dropped or reported as spam)", "undeliverable"],
    ["sendgrid: 400 Bad Request", undefined],
    [null, undefined],
  ])("%s", (input, want) => {
    expect(deliveryNote(input)).toBe(want);
  });
});

describe("undeliverableKey", () => {
  it.each([
    ["bounce", "bounce"],
    ["dropped", "dropped"],
    ["spamreport", "spamreport"],
    ["deferred", "other"],
  ])("%s", (input, want) => {
    expect(undeliverableKey(input)).toBe(want);
  });
});
