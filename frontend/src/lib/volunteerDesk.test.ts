import { describe, expect, it } from "vitest";
import {
  addDays,
  checkRange,
  coveragePercent,
  dayLabel,
  groupByNeed,
  halfHours,
  hoursText,
  isDay,
  parseHours,
  pickCount,
  picksOf,
  removePick,
  replacePick,
  signedHoursText,
  suggestedMinutes,
  whenText,
  yearStart,
} from "./volunteerDesk";

describe("hours", () => {
  it("writes minutes as hours with one decimal", () => {
    expect(hoursText(0)).toBe("0.0");
    expect(hoursText(60)).toBe("1.0");
    expect(hoursText(90)).toBe("1.5");
    expect(hoursText(125)).toBe("2.1");
    expect(hoursText(-30)).toBe("-0.5");
    expect(hoursText(-1)).toBe("0.0");
    expect(hoursText(7530)).toBe("125.5");
  });

  it("signs a change", () => {
    expect(signedHoursText(90)).toBe("+1.5");
    expect(signedHoursText(-30)).toBe("−0.5");
    expect(signedHoursText(0)).toBe("0.0");
  });

  it("reads hours typed in half hours as minutes", () => {
    expect(parseHours("1.5")).toEqual({ minutes: 90 });
    expect(parseHours(" 2 ")).toEqual({ minutes: 120 });
    expect(parseHours("0,5")).toEqual({ minutes: 30 });
    expect(parseHours("")).toEqual({ error: "required" });
    expect(parseHours("abc")).toEqual({ error: "invalid" });
    expect(parseHours("1.2")).toEqual({ error: "step" });
    expect(parseHours("0")).toEqual({ error: "positive" });
    expect(parseHours("-1")).toEqual({ error: "positive" });
    expect(parseHours("15")).toEqual({ error: "tooMany" });
  });

  it("takes a signed correction, not zero", () => {
    expect(parseHours("-0.5", { signed: true })).toEqual({ minutes: -30 });
    expect(parseHours("−1", { signed: true })).toEqual({ minutes: -60 });
    expect(parseHours("+1", { signed: true })).toEqual({ minutes: 60 });
    expect(parseHours("0", { signed: true })).toEqual({ error: "nonzero" });
  });

  it("rounds to half hours, at least one", () => {
    expect(halfHours(100)).toBe("1.5");
    expect(halfHours(120)).toBe("2");
    expect(halfHours(5)).toBe("0.5");
  });

  it("suggests the checked time, or the scheduled one", () => {
    const c = { start: "2026-11-27T01:00:00Z", end: "2026-11-27T03:00:00Z" };
    expect(suggestedMinutes(c)).toBe(120);
    expect(suggestedMinutes({ ...c, checkedInAt: "2026-11-27T01:10:00Z", checkedOutAt: "2026-11-27T02:40:00Z" })).toBe(90);
    expect(suggestedMinutes({ ...c, checkedInAt: "2026-11-27T01:10:00Z", checkedOutAt: null })).toBe(120);
  });
});

describe("week proposal", () => {
  it("shares the bound in whole percent", () => {
    expect(coveragePercent(12, 13)).toBe(92);
    expect(coveragePercent(13, 13)).toBe(100);
    expect(coveragePercent(199, 200)).toBe(99);
    expect(coveragePercent(0, 0)).toBeNull();
  });

  const occ = (id: string, need: string, start: string) => ({ id, start, need: { id: need } });
  const a1 = occ("o1", "n1", "2026-11-28T01:00:00Z");
  const a2 = occ("o2", "n2", "2026-11-27T01:00:00Z");
  const a3 = occ("o3", "n1", "2026-11-27T06:00:00Z");
  const assignments = [
    { occurrence: a1, volunteer: { id: "u1" } },
    { occurrence: a2, volunteer: { id: "u2" } },
    { occurrence: a1, volunteer: { id: "u3" } },
    { occurrence: a3, volunteer: { id: "u1" } },
  ];

  it("groups by need, then by occurrence in time order", () => {
    const g = groupByNeed(assignments);
    expect(g.map((n) => n.need.id)).toEqual(["n2", "n1"]);
    expect(g[1].occurrences.map((o) => o.occurrence.id)).toEqual(["o3", "o1"]);
    expect(g[1].occurrences[1].items.map((i) => i.volunteer.id)).toEqual(["u1", "u3"]);
    expect(groupByNeed([])).toEqual([]);
  });

  it("keeps, removes and replaces picks", () => {
    let p = picksOf(assignments);
    expect(p).toEqual({ o1: ["u1", "u3"], o2: ["u2"], o3: ["u1"] });
    expect(pickCount(p)).toBe(4);
    p = replacePick(p, "o1", "u1", "u4");
    expect(p.o1).toEqual(["u4", "u3"]);
    // One already picked there is not picked twice: the replaced one just goes.
    p = replacePick(p, "o1", "u4", "u3");
    expect(p.o1).toEqual(["u3"]);
    expect(replacePick(p, "o1", "u9", "u5")).toBe(p);
    p = removePick(p, "o2", "u2");
    expect(p.o2).toEqual([]);
    expect(pickCount(p)).toBe(2);
  });
});

describe("certificate period", () => {
  const today = "2026-11-27";
  it("knows real days", () => {
    expect(isDay("2026-02-28")).toBe(true);
    expect(isDay("2026-02-30")).toBe(false);
    expect(isDay("2026-2-3")).toBe(false);
    expect(addDays("2026-02-28", 1)).toBe("2026-03-01");
    expect(addDays("2026-01-01", -1)).toBe("2025-12-31");
    expect(yearStart(today)).toBe("2026-01-01");
  });

  it("checks a period as the server does", () => {
    expect(checkRange("2026-01-01", today, today)).toEqual({});
    expect(checkRange("", "", today)).toEqual({ from: "required", to: "required" });
    expect(checkRange("2026-13-01", today, today)).toEqual({ from: "invalid" });
    expect(checkRange("2026-06-01", "2026-05-31", today)).toEqual({ to: "beforeFrom" });
    expect(checkRange("2026-01-01", "2026-11-28", today)).toEqual({ to: "future" });
    expect(checkRange("2021-01-01", "2026-01-01", today)).toEqual({});
    expect(checkRange("2020-12-31", "2026-01-01", today)).toEqual({ to: "tooLong" });
    expect(checkRange("2024-02-29", "2026-11-27", today)).toEqual({});
  });

  it("writes a day for people", () => {
    expect(dayLabel("2026-11-27", "zh-CN")).toBe("2026年11月27日");
    expect(dayLabel("2026-11-27", "en")).toBe("27 Nov 2026");
    expect(dayLabel("bad", "en")).toBe("bad");
  });
});

describe("whenText", () => {
  it("writes a task's day and hours in the zone", () => {
    expect(whenText("2026-11-28T01:00:00Z", "2026-11-28T03:30:00Z", "zh-CN", "Asia/Shanghai")).toBe("11月28日周六 09:00–11:30");
    expect(whenText("2026-11-28T01:00:00Z", "2026-11-28T03:30:00Z", "en", "Asia/Shanghai")).toBe("Sat 28 Nov 09:00–11:30");
    expect(whenText("2026-11-28T14:00:00Z", "2026-11-28T17:00:00Z", "zh-CN", "Asia/Shanghai")).toBe("11月28日周六 22:00 – 11月29日周日 01:00");
  });
});
