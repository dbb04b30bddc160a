import { describe, expect, it } from "vitest";
import i18n from "../i18n";
import {
  bodyKey,
  bodyLabel,
  commentEditable,
  decidedBodyOf,
  describeEvent,
  stateTagClass,
  supportBlock,
  supportProgress,
  threadComments,
  topicStatus,
  topicTabs,
  type StatusInput,
  type TopicEventLike,
} from "./topics";

const zh = i18n.getFixedT("zh-CN");
const en = i18n.getFixedT("en");
const at = "2026-03-01T02:00:00Z";

describe("stateTagClass", () => {
  it("colours the open and accepted states, and mutes the rest", () => {
    expect(stateTagClass("COLLECTING")).toBe("tag tag-info");
    expect(stateTagClass("SCREENING")).toBe("tag tag-warn");
    expect(stateTagClass("ACCEPTED")).toBe("tag tag-ok");
    for (const s of ["MERGED", "REFERRED", "REJECTED", "CLOSED"] as const) expect(stateTagClass(s)).toBe("tag tag-muted");
  });
});

describe("supportProgress", () => {
  it.each([
    [0, 10, { percent: 0, remaining: 10, reached: false }],
    [3, 10, { percent: 30, remaining: 7, reached: false }],
    [2, 3, { percent: 66, remaining: 1, reached: false }],
    [10, 10, { percent: 100, remaining: 0, reached: true }],
    [13, 10, { percent: 100, remaining: 0, reached: true }],
    [0, 0, { percent: 100, remaining: 0, reached: true }],
    [-1, 5, { percent: 0, remaining: 5, reached: false }],
  ])("%i of %i", (count, threshold, want) => {
    expect(supportProgress(count, threshold)).toEqual(want);
  });
});

describe("supportBlock", () => {
  const now = new Date("2026-03-10T00:00:00Z");
  const open = { state: "COLLECTING" as const, deadline: "2026-04-01T00:00:00Z", viewerSupported: false };
  it("lets a resident support a collecting topic before its deadline", () => {
    expect(supportBlock(open, now)).toBeNull();
  });
  it("says why not", () => {
    expect(supportBlock({ ...open, viewerSupported: true }, now)).toBe("supported");
    expect(supportBlock({ ...open, state: "SCREENING" }, now)).toBe("notCollecting");
    expect(supportBlock({ ...open, deadline: "2026-03-10T00:00:00Z" }, now)).toBe("windowEnded");
    expect(supportBlock(open, now, false)).toBe("notResident");
  });
  it("names having supported before the state, so a supporter of a topic in screening is told so", () => {
    expect(supportBlock({ ...open, state: "SCREENING", viewerSupported: true }, now)).toBe("supported");
  });
});

describe("commentEditable", () => {
  const c = { author: { id: "u1" }, hidden: false, createdAt: "2026-03-10T00:00:00Z" };
  it("is for the author within 10 minutes", () => {
    expect(commentEditable(c, "u1", new Date("2026-03-10T00:09:59Z"))).toBe(true);
    expect(commentEditable(c, "u1", new Date("2026-03-10T00:10:00Z"))).toBe(true);
    expect(commentEditable(c, "u1", new Date("2026-03-10T00:10:01Z"))).toBe(false);
  });
  it("is not for others, nor for hidden comments", () => {
    const soon = new Date("2026-03-10T00:01:00Z");
    expect(commentEditable(c, "u2", soon)).toBe(false);
    expect(commentEditable(c, undefined, soon)).toBe(false);
    expect(commentEditable({ ...c, hidden: true }, "u1", soon)).toBe(false);
  });
});

describe("threadComments", () => {
  it("puts replies under their comment, in order, one level deep", () => {
    const got = threadComments([
      { id: "a" },
      { id: "b" },
      { id: "a1", parentId: "a" },
      { id: "b1", parentId: "b" },
      { id: "a2", parentId: "a" },
    ]);
    expect(got.map((th) => [th.comment.id, th.replies.map((r) => r.id)])).toEqual([
      ["a", ["a1", "a2"]],
      ["b", ["b1"]],
    ]);
  });
  it("lets a reply whose comment is not loaded stand in its place in time", () => {
    const got = threadComments([{ id: "x1", parentId: "x" }, { id: "c" }]);
    expect(got.map((th) => th.comment.id)).toEqual(["x1", "c"]);
  });
});

describe("deliberating bodies", () => {
  it("reads the enum and the timeline's form", () => {
    expect(bodyKey("VILLAGERS_COUNCIL")).toBe("VILLAGERS_COUNCIL");
    expect(bodyKey("villagers_council")).toBe("VILLAGERS_COUNCIL");
    expect(bodyKey("nonsense")).toBeUndefined();
    expect(bodyKey(null)).toBeUndefined();
  });
  it("are the villagers' in a village and the residents' in an urban community", () => {
    expect(bodyLabel(zh, "villagers_council", "VILLAGE")).toBe("村民议事会");
    expect(bodyLabel(zh, "VILLAGERS_COUNCIL", "COMMUNITY")).toBe("居民议事会");
    expect(bodyLabel(zh, "three_party_meeting", "COMMUNITY")).toBe("三方联动会议");
  });
});

describe("decidedBodyOf", () => {
  it("takes decidedBody, or else the acceptance on the timeline", () => {
    expect(decidedBodyOf("THREE_PARTY_MEETING", [])).toBe("THREE_PARTY_MEETING");
    expect(decidedBodyOf(null, [{ kind: "PROPOSED" }, { kind: "ACCEPTED", body: "VILLAGERS_COUNCIL" }])).toBe("VILLAGERS_COUNCIL");
    expect(decidedBodyOf(null, [{ kind: "PROPOSED" }])).toBeUndefined();
  });
});

describe("describeEvent", () => {
  const ev = (kind: string, rest: Partial<TopicEventLike> = {}): TopicEventLike => ({ kind, at, ...rest });
  it.each([
    [ev("PROPOSED", { actor: { name: "俞建国" } }), { text: "提出议题", actor: "俞建国" }],
    [ev("SCREENING"), { text: "进入审核，由党组织和村（居）委会决定是否受理" }],
    [
      ev("ACCEPTED", { actor: { name: "俞国强" }, body: "VILLAGERS_COUNCIL", note: "涉及全村出行，交村民议事会协商。" }),
      { text: "受理，交村民议事会协商", actor: "俞国强", note: "说明：涉及全村出行，交村民议事会协商。" },
    ],
    [ev("ACCEPTED", { body: "REPRESENTATIVES_MEETING" }), { text: "受理，交村民代表会议协商" }],
    [ev("MERGED", { actor: { name: "姚建明" }, otherTopic: { id: "VG9waWM6MQ" } }), { text: "合并：本议题并入", actor: "姚建明", otherTopicId: "VG9waWM6MQ" }],
    [ev("MERGED_IN", { otherTopic: { id: "VG9waWM6Mg" }, note: "同一件事" }), { text: "合并：另一议题并入本议题，附议一并转入", note: "说明：同一件事", otherTopicId: "VG9waWM6Mg" }],
    [ev("REFERRED", { note: "转村“和事佬”调解队" }), { text: "转交", note: "转交去向：转村“和事佬”调解队" }],
    [ev("REJECTED", { note: "属于私人财产" }), { text: "不予受理", note: "理由：属于私人财产" }],
    [ev("CLOSED"), { text: "截止关闭：附议期已过，附议人数不够" }],
    [ev("COMMENT_HIDDEN", { actor: { name: "姚建明" }, note: "人身攻击" }), { text: "隐藏了一条评论", actor: "姚建明", note: "理由：人身攻击" }],
    [ev("SEED", { actor: { name: "俞国强" }, note: "0f1e2d3c" }), { text: "公布抽签种子", actor: "俞国强", note: "种子：0f1e2d3c" }],
    [ev("POOL", { actor: { name: "俞国强" }, note: "12 " + "ab12cd34".repeat(8) }), { text: "固定抽签候选名单", actor: "俞国强", note: "12 人，名单校验值 ab12cd34…" }],
    [ev("DRAWN", { actor: { name: "俞国强" }, note: "draw-1" }), { text: "抽签产生议事小组成员", actor: "俞国强" }],
    [ev("PANEL_CONFIRMED", { actor: { name: "俞国强" } }), { text: "议事小组已确认", actor: "俞国强" }],
    [ev("RESOLUTION_ADOPTED", { note: "改建临时停车场" }), { text: "形成决议", note: "决议：改建临时停车场" }],
    [ev("SOMETHING_NEW"), { text: "SOMETHING_NEW" }],
  ])("%o in Chinese", (e, want) => {
    expect(describeEvent(zh, e, "VILLAGE")).toEqual(want);
  });
  it("speaks English too, and names the urban bodies", () => {
    expect(describeEvent(en, ev("ACCEPTED", { body: "VILLAGERS_COUNCIL" }), "COMMUNITY").text).toBe(
      "Accepted for the residents' council (居民议事会)",
    );
    expect(describeEvent(en, ev("REJECTED", { note: "private" })).note).toBe("Reason: private");
    expect(describeEvent(en, ev("PANEL_CONFIRMED")).text).toBe("The panel was confirmed");
  });
  it("leaves out an empty note and a missing actor", () => {
    expect(describeEvent(zh, ev("REJECTED", { note: "  ", actor: null }))).toEqual({ text: "不予受理" });
  });
});

describe("topicStatus", () => {
  const me = "U1";
  const staff = { screener: true, committee: true };
  const resident = { screener: false, committee: false };
  const base: StatusInput = { state: "ACCEPTED", supportCount: 10, threshold: 10, panel: null, motions: [], meetings: [] };
  const motion = (over: Partial<StatusInput["motions"][number]>) => ({ state: "OPEN", myVote: null, voters: [{ user: { id: me } }], result: null, resolution: null, ...over });
  const meeting = { id: "M1", phase: "VOTING", startsAt: "2026-11-01T00:00:00Z" };

  it("counts the supports still needed while collecting", () => {
    const s = topicStatus({ ...base, state: "COLLECTING", supportCount: 3 }, me, resident);
    expect(s).toMatchObject({ key: "collecting", tone: "warning", vars: { count: 3, left: 7 } });
    expect(i18n.t(`topic.status.${s.key}`, s.vars)).toBe("征集附议中：已有 3 人附议，还差 7 人");
  });

  it("leads those who screen to the screening queue, and no one else", () => {
    expect(topicStatus({ ...base, state: "SCREENING" }, me, staff).link).toEqual({ to: "screening" });
    expect(topicStatus({ ...base, state: "SCREENING" }, me, resident).link).toBeUndefined();
  });

  it("puts the outcome first: a resolution beats an open vote", () => {
    const s = topicStatus({ ...base, motions: [motion({}), motion({ state: "CLOSED", resolution: { id: "R1" } })], meetings: [meeting] }, me, resident);
    expect(s).toMatchObject({ key: "resolved", tone: "success", link: { to: "resolution", id: "R1" }, linkKey: "view" });
  });

  it("sends a voter who has not voted to the meeting, and one who has to the votes tab", () => {
    expect(topicStatus({ ...base, motions: [motion({})], meetings: [meeting] }, me, resident)).toMatchObject({
      key: "voteMine",
      link: { to: "meeting", id: "M1" },
    });
    expect(topicStatus({ ...base, motions: [motion({ myVote: "YES" })], meetings: [meeting] }, me, resident)).toMatchObject({
      key: "voting",
      link: { to: "tab", tab: "votes" },
    });
    expect(topicStatus({ ...base, motions: [motion({})], meetings: [meeting] }, "U2", resident).key).toBe("voting");
  });

  it("says a vote failed in the danger colour, and waits for a result not yet published", () => {
    expect(topicStatus({ ...base, motions: [motion({ state: "CLOSED", result: { passed: false } })] }, me, resident)).toMatchObject({ key: "failed", tone: "danger" });
    expect(topicStatus({ ...base, motions: [motion({ state: "PAST_DEADLINE" })] }, me, resident).key).toBe("counting");
  });

  it("sends the committee to the builder while the panel forms, and residents to the panel tab", () => {
    expect(topicStatus(base, me, staff)).toMatchObject({ key: "forming", link: { to: "builder" } });
    expect(topicStatus({ ...base, panel: { state: "DRAFT" } }, me, resident)).toMatchObject({ key: "forming", link: { to: "tab", tab: "panel" } });
    expect(topicStatus({ ...base, panel: { state: "CONFIRMED" } }, me, staff).key).toBe("panelReady");
    expect(topicStatus({ ...base, panel: { state: "CONFIRMED" }, meetings: [{ ...meeting, phase: "CHECK_IN" }] }, me, staff).key).toBe("meeting");
    expect(topicStatus({ ...base, panel: { state: "CONFIRMED" }, meetings: [{ ...meeting, phase: "ENDED" }] }, me, staff).key).toBe("panelReady");
  });

  it("has a text in both languages for every status and link", async () => {
    const keys = ["collecting", "screening", "merged", "rejected", "referred", "closed", "closedResolved", "resolved", "voteMine", "voting", "failed", "passed", "counting", "meeting", "panelReady", "forming"];
    for (const lng of ["zh-CN", "en"]) {
      for (const k of keys) expect(i18n.exists(`topic.status.${k}`, { lng }), `${lng} ${k}`).toBe(true);
      for (const k of ["screen", "view", "vote", "why", "build"]) expect(i18n.exists(`topic.status.go.${k}`, { lng }), `${lng} go.${k}`).toBe(true);
    }
  });
});

describe("topicTabs", () => {
  it("offers the panel and votes only once a topic is taken up", () => {
    expect(topicTabs("COLLECTING", false)).toEqual(["overview", "discussion"]);
    expect(topicTabs("ACCEPTED", false)).toEqual(["overview", "discussion", "panel", "votes"]);
    expect(topicTabs("CLOSED", true)).toHaveLength(4);
    expect(topicTabs("REJECTED", false)).toHaveLength(2);
  });
});
