// Pure rules of the deliberation pages (who deliberates, votes, meetings,
// resolutions), kept out of the components so that they are unit-tested.

import type { TFunction } from "i18next";
import type { SeatKind } from "../gql/graphql";

/** ResolutionStage is how the board names a resolution's stage. */
export type ResolutionStage = "notice" | "awaiting_answers" | "in_effect" | "closed";

/**
 * resolutionStage is the stage to show: the server's, except that a
 * resolution whose notice period (公示期) ended since it was loaded is in
 * effect, or awaits the committee's answers while objections are
 * unanswered.
 */
export function resolutionStage(r: { stage: string; effectiveAt: string; unansweredObjections?: number }, now: Date): ResolutionStage {
  if (r.stage === "CLOSED") return "closed";
  if (new Date(r.effectiveAt).getTime() > now.getTime()) return "notice";
  return (r.unansweredObjections ?? 0) > 0 ? "awaiting_answers" : "in_effect";
}

/** stageKey is the catalog key of a stage's wording (公示期 / 待答复异议 / 已生效 / 已办结). */
export function stageKey(stage: ResolutionStage): string {
  return `resolution.stages.${stage}`;
}

/** stageTagClass is the tag style of a stage: a warning until it takes effect, ok in effect, plain once closed. */
export function stageTagClass(stage: ResolutionStage): string {
  return stage === "notice" || stage === "awaiting_answers" ? "tag tag-warn" : stage === "in_effect" ? "tag tag-ok" : "tag";
}

/**
 * stageDateKey is the catalog key of the line that dates a stage: until
 * when the notice period runs, when it ended while answers are awaited, or
 * since when the resolution is in effect (it stays so dated once closed).
 * Its value is {{date}}.
 */
export function stageDateKey(stage: ResolutionStage): "resolution.noticeUntil" | "resolution.noticeEnded" | "resolution.effectiveSince" {
  return stage === "notice" ? "resolution.noticeUntil" : stage === "awaiting_answers" ? "resolution.noticeEnded" : "resolution.effectiveSince";
}

/** mayClose says whether the committee may close a resolution now: only once it took effect. */
export function mayClose(stage: ResolutionStage): boolean {
  return stage === "in_effect";
}

/** quorumNeeded is how many must attend or vote for a quorum of two thirds. */
export function quorumNeeded(expected: number): number {
  return Math.ceil((expected * 2) / 3);
}

/** QuorumText is the key and values of the line that says where the quorum stands. */
export interface QuorumText {
  key:
    | "meeting.quorumReached"
    | "meeting.quorumMissing"
    | "meeting.quorumNobody"
    | "meeting.quorumPartiesReached"
    | "meeting.quorumPartiesMissing"
    | "meeting.quorumOnline";
  present: number;
  expected: number;
  needed: number;
  missing: number;
}

/**
 * quorumText says how many are present of how many expected and where the
 * quorum stands, by the server's rule for the kind of meeting: two thirds
 * of those expected for a council or a hearing (and how many are still
 * missing), a delegate of each of the three parties for a three-party
 * meeting (which party is missing the API does not say, so neither does
 * the line), none for online deliberation. The server decides a.quorum.
 */
export function quorumText(a: { expected: number; present: unknown[]; quorum: boolean }, kind?: string): QuorumText {
  const present = a.present.length;
  const needed = quorumNeeded(a.expected);
  const missing = Math.max(0, needed - present);
  if (a.expected === 0) return { key: "meeting.quorumNobody", present, expected: a.expected, needed, missing };
  // Headcounts mean nothing where the rule is not two thirds: needed and missing are 0.
  if (kind === "THREE_PARTY") {
    return { key: a.quorum ? "meeting.quorumPartiesReached" : "meeting.quorumPartiesMissing", present, expected: a.expected, needed: 0, missing: 0 };
  }
  if (kind === "ONLINE") return { key: "meeting.quorumOnline", present, expected: a.expected, needed: 0, missing: 0 };
  return { key: a.quorum ? "meeting.quorumReached" : "meeting.quorumMissing", present, expected: a.expected, needed, missing };
}

/** weightedProgress is the action items' progress weighted by their weights, 0–100, as the server counts it. */
export function weightedProgress(items: { weight: number; progress: number }[]): number {
  let total = 0;
  let sum = 0;
  for (const it of items) {
    total += it.weight;
    sum += it.weight * it.progress;
  }
  return total === 0 ? 0 : Math.floor(sum / total);
}

/** clampProgress reads a progress field: a whole number from 0 to 100, or null. */
export function clampProgress(s: string): number | null {
  if (!/^\s*\d{1,3}\s*$/.test(s)) return null;
  const n = Number(s);
  return n >= 0 && n <= 100 ? n : null;
}

/** canRate reports whether a resident may rate: every action item is done. */
export function ratingOpen(r: { actionItems: unknown[]; progress: number }): boolean {
  return r.actionItems.length > 0 && r.progress >= 100;
}

/** checkInPath is the URL the room's QR code encodes. */
export function checkInPath(communityId: string, meetingId: string, code: string): string {
  return `/c/${communityId}/meetings/${meetingId}/checkin?code=${encodeURIComponent(code)}`;
}

/** SEAT_KINDS lists the kinds of seat on a topic's panel (谁来议), in display order. */
export const SEAT_KINDS: SeatKind[] = [
  "AFFECTED_RESIDENTS",
  "REPRESENTATIVES",
  "PARTY_MEMBERS",
  "DEPUTIES",
  "EXPERTS",
  "OWNERS_COMMITTEE",
  "PROPERTY_FIRM",
];

/** DRAWN_KINDS are the kinds of seat filled by lot; the others are nominated. */
export const DRAWN_KINDS: SeatKind[] = ["AFFECTED_RESIDENTS", "PARTY_MEMBERS"];

/** seatAccepted reports whether a seat's holder accepted it. */
export function seatAccepted(state: string): boolean {
  return state === "ACCEPTED";
}

/**
 * Coverage is one seat rule as the representativeness report shows it: the
 * seats whose holder accepted, against the rule's minimum.
 */
export interface Coverage {
  accepted: number;
  rule: { kind: string; min: number; grid?: { name: string } | null };
}

/** SeatShortfall is a seat rule whose accepted seats are below its minimum: its kind, its grid's name, and how many seats it misses. */
export interface SeatShortfall {
  kind: string;
  grid: string | null;
  missing: number;
}

/**
 * seatShortfalls lists, in the rules' order, the rules whose accepted seats
 * are below their minimum, and by how many: what confirming the panel still
 * needs. Like the server's ConfirmPanel it counts accepted seats only
 * (RuleCoverage.gap counts invitations as well).
 */
export function seatShortfalls(rules: readonly Coverage[]): SeatShortfall[] {
  return rules
    .filter((c) => c.accepted < c.rule.min)
    .map((c) => ({ kind: c.rule.kind, grid: c.rule.grid?.name ?? null, missing: c.rule.min - c.accepted }));
}

/** missingSeats is how many accepted seats the panel still misses in all. */
export function missingSeats(short: readonly SeatShortfall[]): number {
  return short.reduce((n, s) => n + s.missing, 0);
}

/**
 * missingSeatsText says how many seats are missing and of which rules
 * ("还差 3 个席位：第一网格受影响居民 2 个、党员 1 个"); empty when none is.
 */
export function missingSeatsText(t: TFunction, short: readonly SeatShortfall[]): string {
  const count = missingSeats(short);
  if (count === 0) return "";
  const parts = short.map((s) => {
    const kind = t(`panel.kinds.${s.kind}`);
    return t("panel.missingPart", { count: s.missing, who: s.grid ? t("panel.kindOfGrid", { kind, grid: s.grid }) : kind });
  });
  return t("panel.missingSeats", { count, parts: parts.join(t("app.listSep")) });
}

/**
 * panelReady reports whether the panel may be confirmed and covers its
 * grids: every rule has its minimum of accepted seats, and every affected
 * grid a seat.
 */
export function panelReady(rep: { rules: readonly Coverage[]; uncoveredGrids: readonly unknown[] }): boolean {
  return seatShortfalls(rep.rules).length === 0 && rep.uncoveredGrids.length === 0;
}

/** ScreeningField is a field of the screening form that a decision needs. */
export type ScreeningField = "decision" | "body" | "into" | "note";

/**
 * screeningGap is the first field a screening decision still needs, as the
 * server asks for it (a body to accept, a topic to merge into, where to
 * refer, the reason to reject); null when the decision is complete.
 */
export function screeningGap(f: { decision: string; body: string; into: string; note: string }): ScreeningField | null {
  if (!f.decision) return "decision";
  if (f.decision === "ACCEPT" && !f.body) return "body";
  if (f.decision === "MERGE" && !f.into) return "into";
  if ((f.decision === "REFER" || f.decision === "REJECT") && !f.note.trim()) return "note";
  return null;
}

/** PanelStepKey names a step of building a panel, in order. */
export type PanelStepKey = "rules" | "nominate" | "seed" | "draw" | "answers" | "confirm";

/**
 * PanelStepStatus is where a step stands: done, the current one (the first
 * that can be done and is not), not yet, or not needed (skipped).
 */
export type PanelStepStatus = "done" | "current" | "todo" | "skipped";

/**
 * PanelBlock is why a step cannot be done yet: no seat rules, no seed, no
 * one invited, or accepted seats missing.
 */
export type PanelBlock = "needRules" | "needSeed" | "needSeats" | "missingSeats";

/** PanelStep is one step of building a panel, its status, and why it is blocked if it is. */
export interface PanelStep {
  key: PanelStepKey;
  status: PanelStepStatus;
  blocked?: PanelBlock;
}

/** PanelProgress is what the steps depend on: the panel as it stands. */
export interface PanelProgress {
  /** How many seat rules are saved. */
  rules: number;
  /** Some rule is of a kind filled by lot. */
  drawable: boolean;
  seed: boolean;
  /** Seats by nomination and by lot, declined ones included. */
  nominated: number;
  drawn: number;
  /** Accepted seats still missing to reach the rules' minimums. */
  missing: number;
  confirmed: boolean;
}

/**
 * panelSteps lays out building a panel as six steps: 设定席位规则 → 提名 →
 * 公布随机种子 → 抽签 → 邀请与答复 → 确认议事小组. A step is blocked while
 * what it needs is missing, as the server would refuse it. Nominating is
 * skipped once the seed is out without anyone nominated; the seed and the
 * draw are skipped when no rule is filled by lot.
 */
export function panelSteps(p: PanelProgress): PanelStep[] {
  const noRules = p.rules === 0;
  const seats = p.nominated + p.drawn;
  const steps: { key: PanelStepKey; done: boolean; skipped?: boolean; blocked?: PanelBlock }[] = [
    { key: "rules", done: !noRules },
    {
      key: "nominate",
      done: p.nominated > 0,
      skipped: p.seed || p.drawn > 0 || p.confirmed,
      blocked: noRules ? "needRules" : undefined,
    },
    { key: "seed", done: p.seed, skipped: !noRules && !p.drawable, blocked: noRules ? "needRules" : undefined },
    {
      key: "draw",
      done: p.drawn > 0,
      skipped: !noRules && !p.drawable,
      blocked: noRules ? "needRules" : !p.seed ? "needSeed" : undefined,
    },
    { key: "answers", done: !noRules && seats > 0 && p.missing === 0, blocked: seats === 0 ? "needSeats" : undefined },
    {
      key: "confirm",
      done: p.confirmed,
      blocked: noRules ? "needRules" : p.missing > 0 ? "missingSeats" : undefined,
    },
  ];
  let current = false;
  return steps.map((s) => {
    if (s.done) return { key: s.key, status: "done" };
    if (s.skipped) return { key: s.key, status: "skipped" };
    if (s.blocked) return { key: s.key, status: "todo", blocked: s.blocked };
    const status = current ? "todo" : "current";
    current = true;
    return { key: s.key, status };
  });
}

/**
 * drawPoolSize is the size of the pool a seat rule draws from, as the
 * topic's timeline published it when the seed was (a POOL event, whose
 * note is the size and the pool's hash); null when there is none.
 */
export function drawPoolSize(
  timeline: readonly { kind: string; note?: string | null; rule?: { kind: string; grid?: { id: string } | null } | null }[],
  kind: string,
  gridId: string | null,
): number | null {
  const ev = timeline.find((e) => e.kind === "POOL" && e.rule?.kind === kind && (e.rule.grid?.id ?? null) === (gridId || null));
  const n = Number.parseInt(ev?.note?.split(" ")[0] ?? "", 10);
  return Number.isNaN(n) ? null : n;
}

/**
 * assistedOfWorker returns the assisted residents (registered by a grid
 * worker, without a login of their own) of the grids a worker works for:
 * the members whose seat answers and votes the worker may record, as the
 * server allows.
 */
export function assistedOfWorker<M extends { assisted: boolean; grid?: { id: string } | null }>(members: M[], workerGridIds: string[]): M[] {
  return members.filter((m) => m.assisted && !!m.grid && workerGridIds.includes(m.grid.id));
}

/** starsText is the stars of a rating as text, full stars only for whole points: 4.5 is ★★★★☆. */
export function starsText(avg: number): string {
  const n = Math.min(5, Math.max(0, Math.floor(avg)));
  return "★".repeat(n) + "☆".repeat(5 - n);
}

/** ratingWordKey names an average rating in words (非常满意 … 很不满意), the words a resident reads before the stars. */
export function ratingWordKey(avg: number): string {
  if (avg >= 4.5) return "resolution.ratingWords.veryGood";
  if (avg >= 3.5) return "resolution.ratingWords.good";
  if (avg >= 2.5) return "resolution.ratingWords.fair";
  if (avg >= 1.5) return "resolution.ratingWords.poor";
  return "resolution.ratingWords.veryPoor";
}

/** toLocalInput turns an instant into a datetime-local value in the browser's zone. */
export function toLocalInput(d: Date): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** fromLocalInput turns a datetime-local value into an ISO instant, or null. */
export function fromLocalInput(s: string): string | null {
  if (!s) return null;
  const d = new Date(s);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

/** PARTIES are a three-party vote's sides (the Party enum) in the order they are shown. */
export const PARTIES = ["RESIDENTS_COMMITTEE", "OWNERS_COMMITTEE", "PROPERTY_FIRM"] as const;

/** partyKey is the catalog key of a party's name. */
export function partyKey(party: string): string {
  return `motion.parties.${party.toLowerCase()}`;
}

/** VoterGroup is the voters of one side (party null: not a three-party vote). */
export interface VoterGroup {
  party: string | null;
  names: string[];
}

/**
 * groupVoters lists a motion's voters by side for a three-party vote (in
 * PARTIES order, an unknown side last), or as one group, keeping the
 * server's order within each.
 */
export function groupVoters(voters: readonly { party?: string | null; user: { name: string } }[]): VoterGroup[] {
  const groups = new Map<string | null, string[]>();
  for (const v of voters) {
    const k = v.party || null;
    const g = groups.get(k) ?? [];
    g.push(v.user.name);
    groups.set(k, g);
  }
  const rank = (p: string | null) => {
    const i = p === null ? -1 : (PARTIES as readonly string[]).indexOf(p);
    return i < 0 ? PARTIES.length : i;
  };
  return [...groups.entries()].sort((a, b) => rank(a[0]) - rank(b[0])).map(([party, names]) => ({ party, names }));
}
