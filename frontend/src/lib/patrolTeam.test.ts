import { describe, expect, it } from "vitest";
import type { Weekday } from "../gql/graphql";
import {
  checkpointLink,
  checkpointsInput,
  dayRuns,
  daysText,
  emptyTemplate,
  memberFields,
  monthText,
  spanText,
  templateFields,
  templateInput,
  weeklyGroups,
  wholeOf,
  type DayWords,
} from "./patrolTeam";

const zh: DayWords = {
  day: (d) => ({ MONDAY: "周一", TUESDAY: "周二", WEDNESDAY: "周三", THURSDAY: "周四", FRIDAY: "周五", SATURDAY: "周六", SUNDAY: "周日" })[d],
  range: (a, b) => `${a}至${b}`,
  every: "每天",
  join: "、",
};

describe("checkpointLink", () => {
  it("opens the patrol page with the code, which fills in the check-in", () => {
    expect(checkpointLink("https://yishi.example", "Q29tbXVuaXR5OjE=", "AB12CD34")).toBe("https://yishi.example/c/Q29tbXVuaXR5OjE=/patrol?code=AB12CD34");
    expect(checkpointLink("http://x", "c", "A B")).toBe("http://x/c/c/patrol?code=A%20B");
  });
});

describe("days", () => {
  it("groups consecutive days into runs, Monday first", () => {
    expect(dayRuns(["WEDNESDAY", "MONDAY", "TUESDAY", "FRIDAY"])).toEqual([
      ["MONDAY", "WEDNESDAY"],
      ["FRIDAY", "FRIDAY"],
    ]);
    expect(dayRuns([])).toEqual([]);
  });

  it("writes days in few words", () => {
    const all: Weekday[] = ["SUNDAY", "MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY"];
    expect(daysText(all, zh)).toBe("每天");
    expect(daysText(["MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY"], zh)).toBe("周一至周六");
    expect(daysText(["SATURDAY", "SUNDAY", "WEDNESDAY"], zh)).toBe("周三、周六、周日");
    expect(daysText(["MONDAY"], zh)).toBe("周一");
  });
});

describe("weeklyGroups", () => {
  it("puts the days with the same hours together, in the order of their first day", () => {
    const slots = [
      { weekday: "SUNDAY" as const, start: 420, end: 1320 },
      { weekday: "MONDAY" as const, start: 480, end: 720 },
      { weekday: "MONDAY" as const, start: 420, end: 450 },
      { weekday: "TUESDAY" as const, start: 420, end: 1320 },
      { weekday: "WEDNESDAY" as const, start: 420, end: 1320 },
    ];
    expect(weeklyGroups(slots)).toEqual([
      {
        days: ["MONDAY"],
        spans: [
          { start: 420, end: 450 },
          { start: 480, end: 720 },
        ],
      },
      { days: ["TUESDAY", "WEDNESDAY", "SUNDAY"], spans: [{ start: 420, end: 1320 }] },
    ]);
    expect(weeklyGroups([])).toEqual([]);
  });

  it("writes a span as the grid's part of the day, else as hours", () => {
    const name = (p: string) => ({ morning: "上午", afternoon: "下午", evening: "晚上" })[p] ?? p;
    expect(spanText({ start: 480, end: 720 }, name)).toBe("上午");
    expect(spanText({ start: 420, end: 1320 }, name)).toBe("07:00–22:00");
  });
});

describe("templateInput", () => {
  it("reads the form, its days Monday first", () => {
    const d = { ...emptyTemplate("r1"), name: " 夜班 ", days: ["SUNDAY", "FRIDAY"] as Weekday[], start: "21:00", end: "06:00", overnight: true, night: true, min: "1", max: "2", weight: "1,5" };
    expect(templateInput("t1", d)).toEqual({
      patrolTeamId: "t1",
      routeId: "r1",
      name: "夜班",
      days: ["FRIDAY", "SUNDAY"],
      start: 1260,
      end: 360,
      overnight: true,
      night: true,
      min: 1,
      max: 2,
      weight: 1.5,
    });
  });

  it("sends what it cannot read as values the server names the field of", () => {
    const d = { ...emptyTemplate("r1"), start: "", end: "25:00", min: "", max: "2.5", weight: "abc" };
    const got = templateInput("t1", d);
    expect([got.start, got.end, got.min, got.max, got.weight]).toEqual([-1, -1, -1, -1, 0]);
  });

  it("starts every day, 08:00 to 10:00, 2 to 3 people, weight 1", () => {
    const got = templateInput("t", emptyTemplate("r"));
    expect(got.days).toHaveLength(7);
    expect([got.start, got.end, got.min, got.max, got.weight, got.overnight]).toEqual([480, 600, 2, 3, 1, false]);
  });
});

describe("wholeOf", () => {
  it("reads whole numbers only", () => {
    expect(wholeOf(" 4 ")).toBe(4);
    expect(wholeOf("0")).toBe(0);
    expect(wholeOf("1.5")).toBe(-1);
    expect(wholeOf("")).toBe(-1);
  });
});

describe("checkpointsInput", () => {
  it("sends coordinates only where typed, and unreadable ones out of range", () => {
    expect(
      checkpointsInput([
        { name: " 村口 ", microGridId: "m1", lat: "", lng: "" },
        { name: "古桥", microGridId: "m2", lat: "30.1", lng: "120.2" },
        { name: "礼堂", microGridId: "m2", lat: "北纬", lng: "" },
      ]),
    ).toEqual([
      { name: "村口", microGridId: "m1" },
      { name: "古桥", microGridId: "m2", lat: 30.1, lng: 120.2 },
      { name: "礼堂", microGridId: "m2", lat: 999, lng: null },
    ]);
  });
});

describe("fields", () => {
  it("lists the fields the server's errors may name", () => {
    expect(templateFields(2)).toEqual(["name", "routeId", "days", "start", "end", "min", "max", "weight", "days[0]", "days[1]"]);
    expect(memberFields(1, 1)).toEqual(["weekly", "maxPerWeek", "noNight", "daysOff", "note", "weekly[0].weekday", "weekly[0].start", "weekly[0].end", "daysOff[0]"]);
  });
});

describe("monthText", () => {
  it("writes a month in words in either language", () => {
    expect(monthText("2026-12", "zh-CN")).toBe("2026年12月");
    expect(monthText("2027-01", "en")).toBe("January 2027");
    expect(monthText("soon", "en")).toBe("soon");
  });
});
