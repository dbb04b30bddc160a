import { describe, expect, it } from "vitest";
import i18n from "../i18n";
import {
  DRAWN_KINDS,
  SEAT_KINDS,
  assistedOfWorker,
  checkInPath,
  clampProgress,
  drawPoolSize,
  missingSeats,
  missingSeatsText,
  panelSteps,
  screeningGap,
  seatShortfalls,
  type PanelProgress,
  fromLocalInput,
  groupVoters,
  panelReady,
  quorumNeeded,
  quorumText,
  ratingOpen,
  resolutionStage,
  seatAccepted,
  mayClose,
  stageDateKey,
  stageKey,
  stageTagClass,
  ratingWordKey,
  starsText,
  weightedProgress,
} from "./deliberation";

const now = new Date("2026-11-20T08:00:00Z");

describe("resolutionStage", () => {
  it("is the notice period (公示期) until effectiveAt", () => {
    expect(resolutionStage({ stage: "NOTICE", effectiveAt: "2026-11-25T08:00:00Z" }, now)).toBe("notice");
    expect(stageKey("notice")).toBe("resolution.stages.notice");
  });
  it("is in effect (已生效) once the notice period ended, even if loaded before", () => {
    expect(resolutionStage({ stage: "NOTICE", effectiveAt: "2026-11-19T08:00:00Z" }, now)).toBe("in_effect");
    expect(resolutionStage({ stage: "IN_EFFECT", effectiveAt: "2026-11-19T08:00:00Z" }, now)).toBe("in_effect");
  });
  it("awaits answers (待答复异议) after the period while objections are unanswered", () => {
    expect(resolutionStage({ stage: "NOTICE", effectiveAt: "2026-11-19T08:00:00Z", unansweredObjections: 1 }, now)).toBe("awaiting_answers");
    expect(resolutionStage({ stage: "AWAITING_ANSWERS", effectiveAt: "2026-11-19T08:00:00Z", unansweredObjections: 1 }, now)).toBe("awaiting_answers");
    expect(resolutionStage({ stage: "NOTICE", effectiveAt: "2026-11-25T08:00:00Z", unansweredObjections: 1 }, now)).toBe("notice");
    expect(stageTagClass("awaiting_answers")).toBe("tag tag-warn");
    expect(stageDateKey("awaiting_answers")).toBe("resolution.noticeEnded");
  });
  it("may close only once in effect", () => {
    expect(mayClose("notice")).toBe(false);
    expect(mayClose("awaiting_answers")).toBe(false);
    expect(mayClose("in_effect")).toBe(true);
    expect(mayClose("closed")).toBe(false);
  });
  it("is closed (已办结) when closed", () => {
    expect(resolutionStage({ stage: "CLOSED", effectiveAt: "2026-11-25T08:00:00Z" }, now)).toBe("closed");
  });
  it("is tagged and dated by stage", () => {
    expect(stageTagClass("notice")).toBe("tag tag-warn");
    expect(stageTagClass("in_effect")).toBe("tag tag-ok");
    expect(stageTagClass("closed")).toBe("tag");
    expect(stageDateKey("notice")).toBe("resolution.noticeUntil");
    expect(stageDateKey("in_effect")).toBe("resolution.effectiveSince");
    expect(stageDateKey("closed")).toBe("resolution.effectiveSince");
  });
});

describe("quorum", () => {
  it("needs two thirds, rounded up", () => {
    expect(quorumNeeded(3)).toBe(2);
    expect(quorumNeeded(5)).toBe(4);
    expect(quorumNeeded(6)).toBe(4);
    expect(quorumNeeded(0)).toBe(0);
  });
  it("says how many are missing", () => {
    expect(quorumText({ expected: 5, present: [1], quorum: false })).toEqual({
      key: "meeting.quorumMissing",
      present: 1,
      expected: 5,
      needed: 4,
      missing: 3,
    });
    expect(quorumText({ expected: 3, present: [1, 2], quorum: true }).key).toBe("meeting.quorumReached");
    expect(quorumText({ expected: 0, present: [], quorum: false }).key).toBe("meeting.quorumNobody");
    expect(quorumText({ expected: 3, present: [1, 2], quorum: true }, "COUNCIL").key).toBe("meeting.quorumReached");
    expect(quorumText({ expected: 3, present: [1], quorum: false }, "HEARING").key).toBe("meeting.quorumMissing");
  });
  it("follows the server's rule of a three-party meeting: a delegate of each party, not two thirds", () => {
    // Two of three present is two thirds, but one party is missing.
    expect(quorumText({ expected: 3, present: [1, 2], quorum: false }, "THREE_PARTY")).toEqual({
      key: "meeting.quorumPartiesMissing",
      present: 2,
      expected: 3,
      needed: 0,
      missing: 0,
    });
    // Three of six present is less than two thirds, but every party is there.
    expect(quorumText({ expected: 6, present: [1, 2, 3], quorum: true }, "THREE_PARTY").key).toBe("meeting.quorumPartiesReached");
    expect(quorumText({ expected: 0, present: [], quorum: false }, "THREE_PARTY").key).toBe("meeting.quorumNobody");
  });
  it("asks no attendance of online deliberation", () => {
    expect(quorumText({ expected: 4, present: [], quorum: true }, "ONLINE")).toMatchObject({ key: "meeting.quorumOnline", present: 0, expected: 4 });
  });
});

describe("assistedOfWorker", () => {
  const members = [
    { id: "a", assisted: true, grid: { id: "g2" } },
    { id: "b", assisted: false, grid: { id: "g2" } },
    { id: "c", assisted: true, grid: { id: "g4" } },
    { id: "d", assisted: true, grid: null },
    { id: "e", assisted: true },
  ];
  it("is the assisted residents of the worker's grids only", () => {
    expect(assistedOfWorker(members, ["g1", "g2", "g3"]).map((m) => m.id)).toEqual(["a"]);
    expect(assistedOfWorker(members, ["g2", "g4"]).map((m) => m.id)).toEqual(["a", "c"]);
    expect(assistedOfWorker(members, [])).toEqual([]);
  });
});

describe("progress", () => {
  it("is weighted like the server's", () => {
    expect(weightedProgress([])).toBe(0);
    expect(weightedProgress([{ weight: 1, progress: 100 }])).toBe(100);
    expect(weightedProgress([{ weight: 3, progress: 100 }, { weight: 1, progress: 0 }])).toBe(75);
    expect(weightedProgress([{ weight: 1, progress: 50 }, { weight: 2, progress: 25 }])).toBe(33);
  });
  it("reads a progress field", () => {
    expect(clampProgress("100")).toBe(100);
    expect(clampProgress(" 0 ")).toBe(0);
    expect(clampProgress("101")).toBeNull();
    expect(clampProgress("-1")).toBeNull();
    expect(clampProgress("5.5")).toBeNull();
    expect(clampProgress("")).toBeNull();
  });
  it("opens ratings when every item is done", () => {
    expect(ratingOpen({ actionItems: [], progress: 0 })).toBe(false);
    expect(ratingOpen({ actionItems: [{}], progress: 99 })).toBe(false);
    expect(ratingOpen({ actionItems: [{}], progress: 100 })).toBe(true);
  });
});

describe("the rest", () => {
  it("builds the check-in URL of the QR code", () => {
    expect(checkInPath("c1", "m1", "ab cd")).toBe("/c/c1/meetings/m1/checkin?code=ab%20cd");
  });
  it("reports a panel ready only with the minimums accepted and no uncovered grids", () => {
    const rule = { kind: "AFFECTED_RESIDENTS", min: 3 };
    expect(panelReady({ rules: [{ accepted: 3, rule }], uncoveredGrids: [] })).toBe(true);
    // Three invited, none accepted: not ready, whatever RuleCoverage.gap says.
    expect(panelReady({ rules: [{ accepted: 0, rule }], uncoveredGrids: [] })).toBe(false);
    expect(panelReady({ rules: [{ accepted: 2, rule }], uncoveredGrids: [] })).toBe(false);
    expect(panelReady({ rules: [], uncoveredGrids: [{}] })).toBe(false);
  });
  it("draws stars for whole points only, names ratings in words, and reads datetime-local values", () => {
    expect(starsText(3.6)).toBe("★★★☆☆");
    expect(starsText(4.5)).toBe("★★★★☆"); // not five full stars
    expect(starsText(5)).toBe("★★★★★");
    expect(ratingWordKey(4.5)).toBe("resolution.ratingWords.veryGood");
    expect(ratingWordKey(3.6)).toBe("resolution.ratingWords.good");
    expect(ratingWordKey(1.2)).toBe("resolution.ratingWords.veryPoor");
    expect(fromLocalInput("")).toBeNull();
    expect(fromLocalInput("2026-11-20T10:00")).toMatch(/^2026-11-20T/);
  });
});

describe("seats", () => {
  it("counts a seat as taken only once its holder accepted", () => {
    expect(seatAccepted("ACCEPTED")).toBe(true);
    expect(seatAccepted("INVITED")).toBe(false);
    expect(seatAccepted("DECLINED")).toBe(false);
  });
  it("draws by lot only kinds that are seat kinds", () => {
    expect(SEAT_KINDS).toHaveLength(new Set(SEAT_KINDS).size);
    for (const k of DRAWN_KINDS) expect(SEAT_KINDS).toContain(k);
    expect(DRAWN_KINDS).toEqual(["AFFECTED_RESIDENTS", "PARTY_MEMBERS"]);
  });
});

describe("groupVoters", () => {
  const v = (name: string, party?: string | null) => ({ party, user: { name } });
  it("keeps a panel's voters as one group, in order", () => {
    expect(groupVoters([v("甲"), v("乙", null)])).toEqual([{ party: null, names: ["甲", "乙"] }]);
  });
  it("groups a three-party vote by side, residents' committee first", () => {
    const got = groupVoters([v("何", "PROPERTY_FIRM"), v("吴", "OWNERS_COMMITTEE"), v("林", "RESIDENTS_COMMITTEE"), v("周", "RESIDENTS_COMMITTEE")]);
    expect(got).toEqual([
      { party: "RESIDENTS_COMMITTEE", names: ["林", "周"] },
      { party: "OWNERS_COMMITTEE", names: ["吴"] },
      { party: "PROPERTY_FIRM", names: ["何"] },
    ]);
  });
  it("puts an unknown side last", () => {
    expect(groupVoters([v("x", "OTHER"), v("y", "OWNERS_COMMITTEE")]).map((g) => g.party)).toEqual(["OWNERS_COMMITTEE", "OTHER"]);
  });
  it("has nothing for no voters", () => {
    expect(groupVoters([])).toEqual([]);
  });
});

describe("missing seats", () => {
  const grid1 = { name: "第一网格（古城片）" };
  const rules = [
    { accepted: 1, rule: { kind: "AFFECTED_RESIDENTS", min: 3, grid: grid1 } },
    { accepted: 0, rule: { kind: "PARTY_MEMBERS", min: 1, grid: null } },
    { accepted: 2, rule: { kind: "REPRESENTATIVES", min: 1 } },
  ];
  it("counts accepted seats against each rule's minimum, in the rules' order", () => {
    expect(seatShortfalls(rules)).toEqual([
      { kind: "AFFECTED_RESIDENTS", grid: "第一网格（古城片）", missing: 2 },
      { kind: "PARTY_MEMBERS", grid: null, missing: 1 },
    ]);
    expect(missingSeats(seatShortfalls(rules))).toBe(3);
    expect(seatShortfalls([{ accepted: 3, rule: { kind: "EXPERTS", min: 3 } }])).toEqual([]);
  });
  it("says how many are missing and of which rules", () => {
    const zh = i18n.getFixedT("zh-CN");
    const en = i18n.getFixedT("en");
    expect(missingSeatsText(zh, seatShortfalls(rules))).toBe("还差 3 个席位：第一网格（古城片）受影响居民 2 个、党员 1 个");
    expect(missingSeatsText(en, seatShortfalls(rules))).toBe("3 more seats needed: affected residents of 第一网格（古城片） (2), party members (1)");
    expect(missingSeatsText(en, seatShortfalls(rules.slice(1, 2)))).toBe("1 more seat needed: party members (1)");
    expect(missingSeatsText(zh, [])).toBe("");
  });
});

describe("panelSteps", () => {
  const base: PanelProgress = { rules: 0, drawable: false, seed: false, nominated: 0, drawn: 0, missing: 0, confirmed: false };
  const at = (p: Partial<PanelProgress>) => panelSteps({ ...base, ...p }).map((s) => [s.key, s.status, s.blocked ?? ""].join(":"));
  it("starts with the seat rules; the rest waits for them", () => {
    expect(at({})).toEqual([
      "rules:current:",
      "nominate:todo:needRules",
      "seed:todo:needRules",
      "draw:todo:needRules",
      "answers:todo:needSeats",
      "confirm:todo:needRules",
    ]);
  });
  it("blocks the draw until the seed and the confirmation while accepted seats are missing", () => {
    expect(at({ rules: 2, drawable: true, missing: 3 })).toEqual([
      "rules:done:",
      "nominate:current:",
      "seed:todo:",
      "draw:todo:needSeed",
      "answers:todo:needSeats",
      "confirm:todo:missingSeats",
    ]);
  });
  it("skips nominating once the seed is out without a nomination, and goes on to the draw", () => {
    expect(at({ rules: 1, drawable: true, seed: true, missing: 3 })).toEqual([
      "rules:done:",
      "nominate:skipped:",
      "seed:done:",
      "draw:current:",
      "answers:todo:needSeats",
      "confirm:todo:missingSeats",
    ]);
  });
  it("waits for answers after the draw, then lets the committee confirm", () => {
    expect(at({ rules: 2, drawable: true, seed: true, nominated: 1, drawn: 2, missing: 3 }).slice(3)).toEqual([
      "draw:done:",
      "answers:current:",
      "confirm:todo:missingSeats",
    ]);
    expect(at({ rules: 2, drawable: true, seed: true, nominated: 1, drawn: 2 }).slice(3)).toEqual(["draw:done:", "answers:done:", "confirm:current:"]);
    expect(at({ rules: 2, drawable: true, seed: true, nominated: 1, drawn: 2, confirmed: true }).every((s) => s.includes(":done:"))).toBe(true);
  });
  it("needs no seed nor draw when every seat is nominated", () => {
    expect(at({ rules: 3, nominated: 3, missing: 3 })).toEqual([
      "rules:done:",
      "nominate:done:",
      "seed:skipped:",
      "draw:skipped:",
      "answers:current:",
      "confirm:todo:missingSeats",
    ]);
  });
});

describe("drawPoolSize", () => {
  const timeline = [
    { kind: "SEED", note: null },
    { kind: "POOL", note: "42 ab12", rule: { kind: "AFFECTED_RESIDENTS", grid: { id: "g4" } } },
    { kind: "POOL", note: "7 cd34", rule: { kind: "PARTY_MEMBERS", grid: null } },
  ];
  it("reads the size of a rule's pool from the timeline", () => {
    expect(drawPoolSize(timeline, "AFFECTED_RESIDENTS", "g4")).toBe(42);
    expect(drawPoolSize(timeline, "PARTY_MEMBERS", null)).toBe(7);
    expect(drawPoolSize(timeline, "PARTY_MEMBERS", "")).toBe(7);
  });
  it("is null without a pool for the rule", () => {
    expect(drawPoolSize(timeline, "AFFECTED_RESIDENTS", "g1")).toBeNull();
    expect(drawPoolSize([], "PARTY_MEMBERS", null)).toBeNull();
    expect(drawPoolSize([{ kind: "POOL", note: "", rule: { kind: "PARTY_MEMBERS" } }], "PARTY_MEMBERS", null)).toBeNull();
  });
});

describe("screeningGap", () => {
  const f = (decision: string, more: Partial<{ body: string; into: string; note: string }> = {}) =>
    screeningGap({ decision, body: "", into: "", note: "", ...more });
  it("asks for what each decision needs, as the server does", () => {
    expect(f("")).toBe("decision");
    expect(f("ACCEPT")).toBe("body");
    expect(f("ACCEPT", { body: "VILLAGERS_COUNCIL" })).toBeNull();
    expect(f("MERGE")).toBe("into");
    expect(f("MERGE", { into: "t2" })).toBeNull();
    expect(f("REFER", { note: "  " })).toBe("note");
    expect(f("REFER", { note: "和事佬" })).toBeNull();
    expect(f("REJECT")).toBe("note");
    expect(f("REJECT", { note: "不属于村务" })).toBeNull();
  });
});
