import { describe, expect, it } from "vitest";
import en from "../locales/en";
import zhCN from "../locales/zh-CN";
import {
  availabilityOf,
  cellKey,
  checkInLink,
  claimTag,
  confirmMinutes,
  fieldErrorFor,
  firstOverlap,
  halfHours,
  hoursText,
  inCheckWindow,
  isLateCancel,
  minutesOfHours,
  needStatus,
  occurrenceTag,
  parseTime,
  pointsText,
  profileFields,
  ratingWordKey,
  scoreText,
  skillNames,
  skillsInput,
  slotsOf,
  sortFactors,
  spanText,
  splitList,
  timeText,
  todayInZone,
  toggleCell,
  zonedISO,
  zonedParts,
  type Availability,
  type OccurrenceLike,
  type Slot,
} from "./volunteer";

const ZONE = "Asia/Shanghai";

describe("the availability grid", () => {
  it("turns cells into slots Monday first, morning first, then the custom slots in their order", () => {
    const slots = slotsOf({
      cells: [cellKey("WEDNESDAY", "evening"), cellKey("MONDAY", "afternoon"), cellKey("MONDAY", "morning")],
      custom: [{ weekday: "SUNDAY", start: 7 * 60, end: 7 * 60 + 30 }],
    });
    expect(slots).toEqual([
      { weekday: "MONDAY", start: 480, end: 720 },
      { weekday: "MONDAY", start: 780, end: 1020 },
      { weekday: "WEDNESDAY", start: 1080, end: 1260 },
      { weekday: "SUNDAY", start: 420, end: 450 },
    ]);
  });
  it("reads saved slots back: the grid's periods as cells, other hours as custom slots", () => {
    const saved: Slot[] = [
      // the server keeps Sunday first; the form, Monday
      { weekday: "SUNDAY", start: 840, end: 1080 },
      { weekday: "SATURDAY", start: 480, end: 720 },
      { weekday: "TUESDAY", start: 1080, end: 1260 },
      { weekday: "TUESDAY", start: 540, end: 600 },
      // the same cell twice keeps one cell and the other as a slot of its own
      { weekday: "SATURDAY", start: 480, end: 720 },
    ];
    const a = availabilityOf(saved);
    expect(a.cells).toEqual(["TUESDAY.evening", "SATURDAY.morning"]);
    expect(a.custom).toEqual([
      { weekday: "TUESDAY", start: 540, end: 600 },
      { weekday: "SATURDAY", start: 480, end: 720 },
      { weekday: "SUNDAY", start: 840, end: 1080 },
    ]);
  });
  it("round-trips: slots to the form and back", () => {
    const slots: Slot[] = [
      { weekday: "MONDAY", start: 480, end: 720 },
      { weekday: "FRIDAY", start: 780, end: 1020 },
      { weekday: "FRIDAY", start: 1290, end: 1440 },
    ];
    expect(slotsOf(availabilityOf(slots))).toEqual(slots);
  });
  it("toggles a cell on and off", () => {
    let a: Availability = { cells: [], custom: [] };
    a = toggleCell(a, "THURSDAY", "afternoon");
    a = toggleCell(a, "MONDAY", "morning");
    expect(a.cells).toEqual(["MONDAY.morning", "THURSDAY.afternoon"]);
    expect(toggleCell(a, "MONDAY", "morning").cells).toEqual(["THURSDAY.afternoon"]);
  });
  it("finds slots of one day that overlap, the later one second", () => {
    expect(
      firstOverlap([
        { weekday: "MONDAY", start: 480, end: 720 },
        { weekday: "TUESDAY", start: 600, end: 660 },
        { weekday: "MONDAY", start: 700, end: 760 },
      ]),
    ).toEqual([0, 2]);
    // touching is not overlapping; another day is not either
    expect(
      firstOverlap([
        { weekday: "MONDAY", start: 480, end: 720 },
        { weekday: "MONDAY", start: 720, end: 780 },
        { weekday: "SUNDAY", start: 480, end: 720 },
      ]),
    ).toBeNull();
  });
  it("writes and reads times of day", () => {
    expect(timeText(480)).toBe("08:00");
    expect(timeText(1290)).toBe("21:30");
    expect(timeText(1440)).toBe("24:00");
    expect(parseTime("8:30")).toBe(510);
    expect(parseTime("24:00")).toBe(1440);
    expect(parseTime("24:01")).toBeNull();
    expect(parseTime("12:60")).toBeNull();
    expect(parseTime("")).toBeNull();
  });
  it("names the server's errors of the fields it may name", () => {
    const f = profileFields(2, 1, 1, 0, 0);
    expect(f).toContain("skills[1].credential");
    expect(f).toContain("weekly[0].start");
    expect(f).toContain("away[0].to");
    expect(f).toContain("maxMinutesPerWeek");
    expect(f).not.toContain("weekly[1].start");
    expect(fieldErrorFor({ "weekly[1].start": "与第 1 个时段重叠" }, "weekly[1]")).toBe("与第 1 个时段重叠");
    expect(fieldErrorFor({ "weekly[10].start": "x" }, "weekly[1]")).toBeUndefined();
  });
  it("sends skills in the taxonomy's order, with a credential only for a credentialed skill", () => {
    const taxonomy = [
      { code: "elderly_care", credentialed: false },
      { code: "medical_care", credentialed: true },
      { code: "haircut", credentialed: false },
    ];
    expect(
      skillsInput(
        [
          { code: "haircut", level: 2, credential: "美发证" },
          { code: "medical_care", level: 3, credential: " 护士执业证书 123 " },
          { code: "elderly_care", level: 1, credential: "" },
        ],
        taxonomy,
      ),
    ).toEqual([
      { code: "elderly_care", level: 1, credential: null },
      { code: "medical_care", level: 3, credential: "护士执业证书 123" },
      { code: "haircut", level: 2, credential: null },
    ]);
  });
});

describe("hours", () => {
  it("writes minutes as hours", () => {
    expect(hoursText(90)).toBe("1.5");
    expect(hoursText(120)).toBe("2");
    expect(hoursText(20)).toBe("0.33");
    expect(hoursText(0)).toBe("0");
  });
  it("reads hours as minutes", () => {
    expect(minutesOfHours("1.5")).toBe(90);
    expect(minutesOfHours("2")).toBe(120);
    expect(minutesOfHours(0.5)).toBe(30);
    expect(minutesOfHours("1，5")).toBe(90);
    expect(minutesOfHours("")).toBeNull();
    expect(minutesOfHours("0")).toBeNull();
    expect(minutesOfHours("-1")).toBeNull();
    expect(minutesOfHours("两小时")).toBeNull();
  });
  it("offers the minutes to confirm to the half hour: check-in to check-out, else the occurrence's length", () => {
    const o = { start: "2026-05-03T01:00:00Z", end: "2026-05-03T03:00:00Z" };
    expect(confirmMinutes(o)).toBe(120);
    expect(confirmMinutes({ ...o, checkedInAt: "2026-05-03T00:55:00Z", checkedOutAt: "2026-05-03T02:40:00Z" })).toBe(durationHalfHours(105));
    // checked in but not out: the occurrence's length
    expect(confirmMinutes({ ...o, checkedInAt: "2026-05-03T01:10:00Z", checkedOutAt: null })).toBe(120);
    expect(halfHours(10)).toBe(30);
    expect(halfHours(44)).toBe(30);
    expect(halfHours(46)).toBe(60);
  });
});

function durationHalfHours(m: number) {
  return Math.max(30, Math.round(m / 30) * 30);
}

describe("check-in and cancelling", () => {
  const o = { start: "2026-05-03T02:00:00Z", end: "2026-05-03T04:00:00Z" };
  it("opens check-in an hour before the start and closes it an hour after the end", () => {
    expect(inCheckWindow(o, new Date("2026-05-03T00:59:00Z"))).toBe(false);
    expect(inCheckWindow(o, new Date("2026-05-03T01:00:00Z"))).toBe(true);
    expect(inCheckWindow(o, new Date("2026-05-03T05:00:00Z"))).toBe(true);
    expect(inCheckWindow(o, new Date("2026-05-03T05:01:00Z"))).toBe(false);
  });
  it("counts a cancellation within 12 hours of the start as late", () => {
    expect(isLateCancel(o.start, new Date("2026-05-02T13:59:00Z"))).toBe(false);
    expect(isLateCancel(o.start, new Date("2026-05-02T14:01:00Z"))).toBe(true);
  });
  it("links the QR code to the need page with its code", () => {
    expect(checkInLink("https://yishi.example", "c1", "n1", "AB12CD34")).toBe("https://yishi.example/c/c1/needs/n1?code=AB12CD34");
  });
});

describe("why a volunteer was recommended", () => {
  const factors = [
    { key: "skills", detail: "具备必需技能 助老（3级）", points: 11, max: 25 },
    { key: "availability", detail: "整个时段有空", points: 20, max: 20 },
    { key: "distance", detail: "住在同一微网格", points: 20, max: 20 },
    { key: "fairness", detail: "近30天服务 2.5 小时，较少", points: 13.8, max: 15 },
    { key: "reliability", detail: "无爽约或临时取消记录", points: 10, max: 10 },
    { key: "weekly_limit", detail: "本周已承诺 0 小时", points: 7.5, max: 10 },
  ];
  it("lists the strongest reasons first, ties in the ranking's order", () => {
    expect(sortFactors(factors).map((f) => f.key)).toEqual(["availability", "distance", "fairness", "skills", "reliability", "weekly_limit"]);
    expect(sortFactors(factors)).not.toBe(factors);
  });
  it("writes points and scores honestly rounded", () => {
    expect(pointsText(13.8)).toBe("13.8");
    expect(pointsText(13.85)).toBe("13.9");
    expect(pointsText(20)).toBe("20");
    expect(scoreText(82.4)).toBe("82");
    expect(scoreText(82.5)).toBe("83");
  });
  it("names a factor in both languages", () => {
    for (const f of factors) {
      expect(zhCN.volunteer.factors[f.key as keyof typeof zhCN.volunteer.factors]).toBeTruthy();
      expect(en.volunteer.factors[f.key as keyof typeof en.volunteer.factors]).toBeTruthy();
    }
  });
});

describe("where a need stands", () => {
  const now = new Date("2026-05-01T00:00:00Z");
  const occ = (over: Partial<OccurrenceLike>): OccurrenceLike => ({
    index: 1,
    state: "OPEN",
    slots: 3,
    openSlots: 2,
    start: "2026-05-05T01:00:00Z",
    end: "2026-05-05T03:00:00Z",
    ...over,
  });
  it("says a pending, rejected or cancelled need as such", () => {
    expect(needStatus({ state: "PENDING", urgency: "NORMAL" }, [occ({})], now)).toMatchObject({ key: "pending", tone: "warning" });
    expect(needStatus({ state: "REJECTED", urgency: "NORMAL" }, [occ({ state: "CANCELLED" })], now)).toMatchObject({ key: "rejected", tone: "neutral" });
    expect(needStatus({ state: "DONE", urgency: "NORMAL" }, [occ({ state: "DONE" })], now)).toMatchObject({ key: "done", tone: "success" });
    expect(needStatus({ state: "CANCELLED", urgency: "URGENT" }, [occ({ state: "CANCELLED" })], now)).toMatchObject({ key: "cancelled", tone: "neutral" });
  });
  it("counts the next occurrence's places: neutral when far, amber when urgent or within a day, green when full", () => {
    expect(needStatus({ state: "OPEN", urgency: "NORMAL" }, [occ({})], now)).toMatchObject({ key: "open", tone: "neutral", filled: 1, slots: 3, missing: 2 });
    expect(needStatus({ state: "OPEN", urgency: "URGENT" }, [occ({})], now)).toMatchObject({ key: "open", tone: "warning" });
    expect(needStatus({ state: "OPEN", urgency: "NORMAL" }, [occ({ start: "2026-05-01T20:00:00Z", end: "2026-05-01T22:00:00Z" })], now)).toMatchObject({ tone: "warning" });
    expect(needStatus({ state: "OPEN", urgency: "NORMAL" }, [occ({ openSlots: 0 })], now)).toMatchObject({ key: "filled", tone: "success", filled: 3 });
  });
  it("skips occurrences over and settled to the next one", () => {
    const s = needStatus(
      { state: "OPEN", urgency: "NORMAL" },
      [
        occ({ index: 2, start: "2026-05-12T01:00:00Z", end: "2026-05-12T03:00:00Z", openSlots: 3 }),
        occ({ index: 1, state: "DONE", start: "2026-04-28T01:00:00Z", end: "2026-04-28T03:00:00Z", openSlots: 0 }),
      ],
      now,
    );
    expect(s).toMatchObject({ key: "open", filled: 0, missing: 3, next: { index: 2 } });
  });
  it("says a need under way, done, or whose time passed", () => {
    expect(needStatus({ state: "OPEN", urgency: "NORMAL" }, [occ({ state: "IN_PROGRESS", openSlots: 0 })], now)).toMatchObject({ key: "inProgress", tone: "success" });
    expect(needStatus({ state: "OPEN", urgency: "NORMAL" }, [occ({ state: "DONE" })], now)).toMatchObject({ key: "done", tone: "success", next: null });
    expect(
      needStatus({ state: "OPEN", urgency: "NORMAL" }, [occ({ start: "2026-04-20T01:00:00Z", end: "2026-04-20T03:00:00Z" })], now),
    ).toMatchObject({ key: "over", tone: "neutral" });
  });
  it("colours states: full green, waiting amber, never red", () => {
    expect(occurrenceTag({ state: "OPEN", openSlots: 0 })).toEqual({ key: "filled", cls: "tag tag-ok" });
    expect(occurrenceTag({ state: "OPEN", openSlots: 1 }).key).toBe("open");
    expect(occurrenceTag({ state: "CANCELLED", openSlots: 1 }).cls).toBe("tag tag-muted");
    expect(claimTag("NO_SHOW")).toBe("tag tag-warn");
    expect(claimTag("CONFIRMED")).toBe("tag tag-ok");
    for (const s of ["CLAIMED", "CHECKED_IN", "CHECKED_OUT", "CONFIRMED", "NO_SHOW", "EXCUSED"] as const) expect(claimTag(s)).not.toContain("error");
  });
});

describe("times on the community's clock", () => {
  it("turns a day and time in the zone into an instant, and back", () => {
    expect(zonedISO("2026-05-03", "09:30", ZONE)).toBe("2026-05-03T01:30:00.000Z");
    expect(zonedISO("2026-05-03", "00:15", ZONE)).toBe("2026-05-02T16:15:00.000Z");
    expect(zonedParts("2026-05-02T16:15:00Z", ZONE)).toEqual({ date: "2026-05-03", time: "00:15", weekday: "SUNDAY" });
    expect(zonedISO("2026-05-03", "", ZONE)).toBeNull();
    expect(zonedISO("", "09:00", ZONE)).toBeNull();
  });
  it("follows a zone's daylight saving", () => {
    expect(zonedISO("2026-07-01", "09:00", "Europe/London")).toBe("2026-07-01T08:00:00.000Z");
    expect(zonedISO("2026-01-15", "09:00", "Europe/London")).toBe("2026-01-15T09:00:00.000Z");
  });
  it("writes an occurrence's day, weekday and times", () => {
    expect(spanText("2026-05-03T01:00:00Z", "2026-05-03T03:00:00Z", "zh-CN", ZONE)).toBe("5月3日周日 09:00–11:00");
    expect(spanText("2026-05-03T01:00:00Z", "2026-05-03T03:00:00Z", "en", ZONE)).toBe("Sun 3 May 09:00–11:00");
    expect(spanText("2026-05-03T14:00:00Z", "2026-05-03T17:00:00Z", "zh-CN", ZONE)).toBe("5月3日周日 22:00–5月4日周一 01:00");
  });
  it("knows today in the zone", () => {
    expect(todayInZone(ZONE, new Date("2026-05-02T16:30:00Z"))).toBe("2026-05-03");
  });
});

describe("small helpers", () => {
  it("splits a typed list", () => {
    expect(splitList("杭州话、普通话, 绍兴话，杭州话")).toEqual(["杭州话", "普通话", "绍兴话"]);
    expect(splitList("  ")).toEqual([]);
  });
  it("names skills, an unknown code as itself", () => {
    expect(skillNames(["haircut", "bamboo"], [{ code: "haircut", name: "理发" }])).toEqual(["理发", "bamboo"]);
  });
  it("names a rating in words", () => {
    expect(ratingWordKey(5)).toBe("veryGood");
    expect(ratingWordKey(1)).toBe("veryPoor");
    expect(ratingWordKey(3)).toBe("fair");
  });
});

describe("the to-do list's volunteer subjects", () => {
  it("opens each where it is done", async () => {
    const { todoPath } = await import("../components/TodoList");
    const need = { __typename: "Need", id: "n1", title: "陪王大爷去医院复查" } as const;
    expect(todoPath("c1", { kind: "APPROVE_NEED", subject: need })).toBe("/c/c1/needs/n1");
    const occ = { __typename: "NeedOccurrence", id: "o1", need: { id: "n1", title: "送餐" } } as const;
    expect(todoPath("c1", { kind: "FILL_NEED", subject: occ })).toBe("/c/c1/needs/n1?tab=match&occ=o1");
    expect(todoPath("c1", { kind: "RATE_TASK", subject: occ })).toBe("/c/c1/needs/n1");
    const claim = { __typename: "VolunteerClaim", id: "k1", occurrence: { id: "o1" }, need: { id: "n1", title: "送餐" } } as const;
    expect(todoPath("c1", { kind: "CONFIRM_HOURS", subject: claim })).toBe("/c/c1/needs/n1?tab=claims&occ=o1");
    expect(todoPath("c1", { kind: "DECIDE_DISPUTE", subject: claim })).toBe("/c/c1/needs/n1?tab=claims&occ=o1");
    expect(todoPath("c1", { kind: "VOLUNTEER_TASK", subject: claim })).toBe("/c/c1/needs/n1");
    const vol = { __typename: "Volunteer", id: "c1/u1", user: { id: "u1", name: "陈阿姨" } } as const;
    expect(todoPath("c1", { kind: "CONFIRM_VOLUNTEER", subject: vol })).toBe("/c/c1/volunteers/board?tab=volunteers");
  });
});
