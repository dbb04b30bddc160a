import type { TFunction } from "i18next";
import type { CommunityKind, DeliberatingBody, TopicCategory, TopicState } from "../gql/graphql";

// The rules of topics (议什么) as the UI needs them: display orders, the
// support progress, who may still support, the comment edit window, the
// comment threads and the timeline in words. The server decides; these
// only say in advance what it would answer.

/** TOPIC_STATES lists the states in the order a topic goes through them. */
export const TOPIC_STATES: TopicState[] = ["COLLECTING", "SCREENING", "ACCEPTED", "MERGED", "REFERRED", "REJECTED", "CLOSED"];

/** TOPIC_CATEGORIES lists the categories in display order (domain/deliberation.Categories). */
export const TOPIC_CATEGORIES: TopicCategory[] = ["PUBLIC_AFFAIRS", "PUBLIC_WELFARE", "ENVIRONMENT", "PROPERTY", "DISPUTES", "OTHER"];

/** BODIES lists the deliberating bodies a topic can be accepted for. */
export const BODIES: DeliberatingBody[] = ["VILLAGERS_COUNCIL", "REPRESENTATIVES_MEETING", "THREE_PARTY_MEETING"];

/** OPEN_STATES are the states of a topic that is still being talked over before a decision. */
export const OPEN_STATES: TopicState[] = ["COLLECTING", "SCREENING"];

/** EDIT_WINDOW_MS is how long an author may edit a comment (deliberation.EditWindow). */
export const EDIT_WINDOW_MS = 10 * 60 * 1000;

/** stateTagClass colours a topic's state. */
export function stateTagClass(state: TopicState): string {
  switch (state) {
    case "COLLECTING":
      return "tag tag-info";
    case "SCREENING":
      return "tag tag-warn";
    case "ACCEPTED":
      return "tag tag-ok";
    default:
      return "tag tag-muted";
  }
}

/** SupportProgress is how far a topic is from its support threshold. */
export interface SupportProgress {
  /** percent of the threshold reached, 0 to 100. */
  percent: number;
  /** remaining supports needed, 0 when reached. */
  remaining: number;
  reached: boolean;
}

/** supportProgress measures supports against the threshold. */
export function supportProgress(count: number, threshold: number): SupportProgress {
  const c = Math.max(0, count);
  if (threshold <= 0) return { percent: 100, remaining: 0, reached: true };
  return {
    percent: Math.min(100, Math.floor((c / threshold) * 100)),
    remaining: Math.max(0, threshold - c),
    reached: c >= threshold,
  };
}

/** SupportBlock says why the support button is off. */
export type SupportBlock = "supported" | "notCollecting" | "windowEnded" | "notResident";

/**
 * supportBlock returns why the viewer cannot support a topic now, or null
 * when they can: the server takes supports from residents while a topic
 * is collecting and its window is open.
 */
export function supportBlock(
  topic: { state: TopicState; deadline: string; viewerSupported: boolean },
  now: Date,
  resident = true,
): SupportBlock | null {
  if (topic.viewerSupported) return "supported";
  if (topic.state !== "COLLECTING") return "notCollecting";
  if (now.getTime() >= new Date(topic.deadline).getTime()) return "windowEnded";
  if (!resident) return "notResident";
  return null;
}

/** commentEditable reports whether the viewer may still edit a comment. */
export function commentEditable(
  c: { author: { id: string }; hidden: boolean; createdAt: string },
  viewerId: string | undefined,
  now: Date,
): boolean {
  return !!viewerId && c.author.id === viewerId && !c.hidden && now.getTime() - new Date(c.createdAt).getTime() <= EDIT_WINDOW_MS;
}

/** Thread is a top-level comment with its replies. */
export interface Thread<C> {
  comment: C;
  replies: C[];
}

/**
 * threadComments groups comments (oldest first, as the server lists them)
 * into top-level comments with their replies, one level deep. A reply
 * whose comment is not loaded stands on its own.
 */
export function threadComments<C extends { id: string; parentId?: string | null }>(comments: readonly C[]): Thread<C>[] {
  const threads: Thread<C>[] = [];
  const byId = new Map<string, Thread<C>>();
  for (const c of comments) {
    if (!c.parentId) {
      const th = { comment: c, replies: [] };
      threads.push(th);
      byId.set(c.id, th);
    }
  }
  for (const c of comments) {
    if (!c.parentId) continue;
    const parent = byId.get(c.parentId);
    if (parent) parent.replies.push(c);
    else threads.push({ comment: c, replies: [] });
  }
  // Orphaned replies were appended; put every thread back in time order.
  const order = new Map(comments.map((c, i) => [c.id, i]));
  return threads.sort((a, b) => order.get(a.comment.id)! - order.get(b.comment.id)!);
}

/** bodyKey normalises a deliberating body from the enum or the timeline's "other" ("villagers_council"). */
export function bodyKey(body: string | null | undefined): DeliberatingBody | undefined {
  const k = (body ?? "").toUpperCase() as DeliberatingBody;
  return BODIES.includes(k) ? k : undefined;
}

/**
 * decidedBodyOf is the body an accepted topic went to: Topic.decidedBody,
 * or else the body of the timeline's acceptance.
 */
export function decidedBodyOf(
  decidedBody: string | null | undefined,
  timeline: readonly { kind: string; body?: string | null }[],
): DeliberatingBody | undefined {
  const fromEnum = bodyKey(decidedBody);
  if (fromEnum) return fromEnum;
  for (let i = timeline.length - 1; i >= 0; i--) {
    if (timeline[i].kind === "ACCEPTED") return bodyKey(timeline[i].body);
  }
  return undefined;
}

/**
 * bodyLabel names a deliberating body as people call it: in an urban
 * community, the council and the meeting are the residents' (居民), not the
 * villagers' (村民).
 */
export function bodyLabel(t: TFunction, body: string | null | undefined, kind?: CommunityKind): string {
  const k = bodyKey(body);
  if (!k) return body ?? "";
  return kind === "COMMUNITY" ? t(`bodiesUrban.${k}`) : t(`bodies.${k}`);
}

/** TopicEventLike is an entry of a topic's timeline, as the API gives it. */
export interface TopicEventLike {
  kind: string;
  actor?: { name: string } | null;
  note?: string | null;
  /** the deliberating body of an acceptance */
  body?: string | null;
  /** the other topic of a merge */
  otherTopic?: { id: string } | null;
  at: string;
}

/** EventText is a timeline entry in words. */
export interface EventText {
  /** what happened */
  text: string;
  /** who did it, when a person did */
  actor?: string;
  /** the published note or reason, with its label */
  note?: string;
  /** the other topic of a merge, to link to */
  otherTopicId?: string;
}

/**
 * describeEvent puts a timeline entry in words: 提出, 进入审核, 受理(交村民议事会…),
 * 合并, 转交, 不予受理, 截止关闭, 评论被隐藏, and the panel's and the
 * resolution's steps (种子公布, 抽签, 议事小组确认, 形成决议).
 */
export function describeEvent(t: TFunction, e: TopicEventLike, kind?: CommunityKind): EventText {
  const out: EventText = { text: "", actor: e.actor?.name || undefined };
  const note = e.note?.trim() || undefined;
  switch (e.kind) {
    case "PROPOSED":
      out.text = t("timeline.proposed");
      break;
    case "SCREENING":
      out.text = t("timeline.screening");
      break;
    case "ACCEPTED":
      out.text = bodyKey(e.body) ? t("timeline.acceptedFor", { body: bodyLabel(t, e.body, kind) }) : t("timeline.accepted");
      if (note) out.note = t("timeline.note", { note });
      break;
    case "MERGED":
      out.text = t("timeline.merged");
      out.otherTopicId = e.otherTopic?.id;
      if (note) out.note = t("timeline.note", { note });
      break;
    case "MERGED_IN":
      out.text = t("timeline.mergedIn");
      out.otherTopicId = e.otherTopic?.id;
      if (note) out.note = t("timeline.note", { note });
      break;
    case "REFERRED":
      out.text = t("timeline.referred");
      if (note) out.note = t("timeline.referredTo", { note });
      break;
    case "REJECTED":
      out.text = t("timeline.rejected");
      if (note) out.note = t("timeline.reason", { note });
      break;
    case "CLOSED":
      out.text = t("timeline.closed");
      break;
    case "COMMENT_HIDDEN":
      out.text = t("timeline.commentHidden");
      if (note) out.note = t("timeline.reason", { note });
      break;
    case "SEED":
      out.text = t("timeline.seed");
      if (note) out.note = t("timeline.seedNote", { note });
      break;
    case "POOL": {
      // The note is "<size> <sha256>": the pool fixed with the seed.
      out.text = t("timeline.pool");
      const [size, hash] = (e.note ?? "").split(" ");
      if (size && hash) out.note = t("timeline.poolNote", { size, hash: hash.slice(0, 8) });
      break;
    }
    case "DRAWN":
      // The note is the draw's ID, which says nothing to a reader.
      out.text = t("timeline.drawn");
      break;
    case "PANEL_CONFIRMED":
      out.text = t("timeline.panelConfirmed");
      break;
    case "RESOLUTION_ADOPTED":
      out.text = t("timeline.resolutionAdopted");
      if (note) out.note = t("timeline.resolutionNote", { note });
      break;
    default:
      out.text = t("timeline.other", { kind: e.kind });
      if (note) out.note = t("timeline.note", { note });
  }
  return out;
}

/** TopicTab is a tab of the topic page: 概况, 讨论, 议事小组, 表决. */
export type TopicTab = "overview" | "discussion" | "panel" | "votes";

/** topicTabs are the tabs a topic has: the panel and votes only once it is taken up. */
export function topicTabs(state: TopicState, hasPanel: boolean): TopicTab[] {
  return state === "ACCEPTED" || (state === "CLOSED" && hasPanel) ? ["overview", "discussion", "panel", "votes"] : ["overview", "discussion"];
}

/** StatusInput is what the status header reads of a topic. */
export interface StatusInput {
  state: TopicState;
  supportCount: number;
  threshold: number;
  panel?: { state: string } | null;
  motions: readonly {
    state: string;
    myVote?: string | null;
    voters: readonly { user: { id: string } }[];
    result?: { passed?: boolean | null } | null;
    resolution?: { id: string } | null;
  }[];
  meetings: readonly { id: string; phase: string; startsAt: string }[];
  mergedInto?: { id: string } | null;
}

/** StatusTone is the colour of the status header: it means something (UX.md). */
export type StatusTone = "neutral" | "success" | "warning" | "danger";

/** StatusLink is where the status header leads: a record, a tab, or a staff tool. */
export type StatusLink =
  | { to: "resolution" | "meeting" | "topic"; id: string }
  | { to: "tab"; tab: TopicTab }
  | { to: "screening" | "builder" };

/** TopicStatus says in one line where a topic stands, and what to look at or do next. */
export interface TopicStatus {
  key: string; // under topic.status.
  tone: StatusTone;
  vars?: Record<string, string | number>;
  link?: StatusLink;
  linkKey?: string; // under topic.status.go.
}

/**
 * topicStatus is the status header of a topic for the viewer: the outcome
 * first (a resolution, a result), then what is under way (a vote waiting
 * for the viewer, an open vote, a meeting, the panel), then the early
 * states. who says whether the viewer screens topics or forms panels.
 */
export function topicStatus(topic: StatusInput, viewerId: string | undefined, who: { screener: boolean; committee: boolean }): TopicStatus {
  const resolved = topic.motions.find((m) => m.resolution);
  const open = topic.motions.filter((m) => m.state === "OPEN");
  const meeting = [...topic.meetings].reverse().find((m) => m.phase !== "ENDED");
  switch (topic.state) {
    case "COLLECTING": {
      const left = Math.max(0, topic.threshold - topic.supportCount);
      return { key: "collecting", tone: "warning", vars: { count: topic.supportCount, left } };
    }
    case "SCREENING":
      return who.screener ? { key: "screening", tone: "warning", link: { to: "screening" }, linkKey: "screen" } : { key: "screening", tone: "warning" };
    case "MERGED":
      return topic.mergedInto ? { key: "merged", tone: "neutral", link: { to: "topic", id: topic.mergedInto.id }, linkKey: "view" } : { key: "merged", tone: "neutral" };
    case "REJECTED":
      return { key: "rejected", tone: "neutral" };
    case "REFERRED":
      return { key: "referred", tone: "neutral" };
    case "CLOSED":
      return resolved?.resolution
        ? { key: "closedResolved", tone: "success", link: { to: "resolution", id: resolved.resolution.id }, linkKey: "view" }
        : { key: "closed", tone: "success" };
  }
  if (resolved?.resolution) return { key: "resolved", tone: "success", link: { to: "resolution", id: resolved.resolution.id }, linkKey: "view" };
  const mine = open.find((m) => !m.myVote && m.voters.some((v) => v.user.id === viewerId));
  if (mine) return meeting ? { key: "voteMine", tone: "warning", link: { to: "meeting", id: meeting.id }, linkKey: "vote" } : { key: "voteMine", tone: "warning" };
  if (open.length > 0) return { key: "voting", tone: "warning", link: { to: "tab", tab: "votes" }, linkKey: "view" };
  const closed = topic.motions.find((m) => m.state !== "OPEN");
  if (closed?.state === "CLOSED" && closed.result?.passed === false) return { key: "failed", tone: "danger", link: { to: "tab", tab: "votes" }, linkKey: "why" };
  if (closed?.state === "CLOSED" && closed.result?.passed) return { key: "passed", tone: "success", link: { to: "tab", tab: "votes" }, linkKey: "view" };
  if (closed) return { key: "counting", tone: "warning", link: { to: "tab", tab: "votes" }, linkKey: "view" };
  if (meeting) return { key: "meeting", tone: "neutral", link: { to: "meeting", id: meeting.id }, linkKey: "view" };
  if (topic.panel && topic.panel.state !== "DRAFT") return { key: "panelReady", tone: "neutral", link: { to: "tab", tab: "panel" }, linkKey: "view" };
  if (who.committee) return { key: "forming", tone: "warning", link: { to: "builder" }, linkKey: "build" };
  return { key: "forming", tone: "neutral", link: { to: "tab", tab: "panel" }, linkKey: "view" };
}
