import { describe, expect, it } from "vitest";
import i18n from "../i18n";
import {
  amountDelta,
  checkFile,
  compactLines,
  diffMark,
  disclosureTags,
  exportHref,
  itemField,
  itemFieldNames,
  linkPath,
  kindLabel,
  periodStatusTag,
  periodUnits,
  questionTag,
  sameOrigin,
  sha256Hex,
  statusArgs,
} from "./disclosure";
import { MAX_FEN, fenOf, formatAmount, formatBytes, formatWan, formatYuan, parseYuan, toYuan, totals } from "./disclosureMoney";
import {
  periodBounds,
  periodChoices,
  periodLabel,
  periodOf,
  periodShortLabel,
  prevPeriod,
  recentPeriods,
  todayIn,
  unitOf,
  yearsBack,
} from "./disclosurePeriod";

const zh = i18n.getFixedT("zh-CN");

describe("parseYuan", () => {
  it("reads yuan as whole fen, with commas, ¥, spaces and full-width digits", () => {
    expect(parseYuan("37200")).toEqual({ fen: 3_720_000 });
    expect(parseYuan("37,200.00")).toEqual({ fen: 3_720_000 });
    expect(parseYuan(" ¥1,234.5 ")).toEqual({ fen: 123_450 });
    expect(parseYuan("０.０５")).toEqual({ fen: 5 });
    expect(parseYuan(".5")).toEqual({ fen: 50 });
    expect(parseYuan("12.")).toEqual({ fen: 1200 });
    // 0.1 + 0.2 in floating point is not 0.3; in fen it is.
    const r = [parseYuan("0.1"), parseYuan("0.2")].map((x) => ("fen" in x ? x.fen : NaN));
    expect(r[0] + r[1]).toBe(30);
  });
  it("says why an amount cannot be read", () => {
    expect(parseYuan("")).toEqual({ error: "empty" });
    expect(parseYuan("1.234")).toEqual({ error: "decimals" });
    expect(parseYuan("-5")).toEqual({ error: "negative" });
    expect(parseYuan("0.00")).toEqual({ error: "zero" });
    expect(parseYuan("12,34")).toEqual({ error: "format" });
    expect(parseYuan("1e5")).toEqual({ error: "format" });
    expect(parseYuan("一百")).toEqual({ error: "format" });
    expect(parseYuan("90071992547409.92")).toEqual({ error: "tooBig" });
    expect(parseYuan("90071992547409.93")).toEqual({ error: "tooBig" }); // reads as 2^53 too
    expect(parseYuan("90071992547409.91")).toEqual({ fen: MAX_FEN }); // one fen below the server's 2^53
  });
  it("reads a balance, which may be zero or negative", () => {
    expect(parseYuan("-20.00", { signed: true })).toEqual({ fen: -2000 });
    expect(parseYuan("0", { signed: true })).toEqual({ fen: 0 });
    expect(parseYuan("-0", { signed: true })).toEqual({ fen: 0 });
  });
});

describe("yuan out", () => {
  it("writes fen as the API takes it and reads it back", () => {
    expect(toYuan(123_450)).toBe("1234.50");
    expect(toYuan(5)).toBe("0.05");
    expect(toYuan(-2000)).toBe("-20.00");
    expect(fenOf("3126032.37")).toBe(312_603_237);
    expect(fenOf("-20.00")).toBe(-2000);
    expect(fenOf(null)).toBe(0);
  });
  it("shows yuan with Chinese grouping, exact to the fen", () => {
    expect(formatYuan(1_234_567)).toBe("¥12,345.67");
    expect(formatYuan(312_603_237)).toBe("¥3,126,032.37");
    expect(formatYuan(-2000)).toBe("−¥20.00");
    expect(formatYuan(0)).toBe("¥0.00");
    expect(formatAmount(3_720_000)).toBe("37,200.00");
  });
  it("says a large sum in 万 beside it, in Chinese only", () => {
    expect(formatWan(312_603_237, "zh-CN")).toBe("312.60 万元");
    expect(formatWan(1_860_000, "zh-CN")).toBe("1.86 万元");
    expect(formatWan(999_999, "zh-CN")).toBeNull();
    expect(formatWan(20_000_000_000, "zh-CN")).toBe("2.00 亿元");
    expect(formatWan(312_603_237, "en")).toBeNull();
  });
  it("sums a period exactly and counts the lines it cannot read", () => {
    const t = totals(312_603_237, [
      { direction: "INCOME", fen: 3_850_000 },
      { direction: "EXPENSE", fen: 3_720_000 },
      { direction: "EXPENSE", fen: null },
    ]);
    expect(t).toEqual({ income: 3_850_000, expense: 3_720_000, closing: 312_733_237, unreadable: 1 });
  });
  it("shows a file's size", () => {
    expect(formatBytes(820)).toBe("820 B");
    expect(formatBytes(36_045)).toBe("35.2 KB");
    expect(formatBytes(1_468_006)).toBe("1.4 MB");
  });
});

describe("periods", () => {
  it("knows a period's unit and labels it as the server does", () => {
    expect(unitOf("2026-10")).toBe("MONTH");
    expect(unitOf("2026-Q4")).toBe("QUARTER");
    expect(unitOf("2026-10-15")).toBe("DAY");
    expect(unitOf("2026-13")).toBeNull();
    expect(periodLabel("2026-10", "zh-CN")).toBe("2026年10月");
    expect(periodLabel("2026-10", "en")).toBe("October 2026");
    expect(periodLabel("2026-Q4", "zh-CN")).toBe("2026年第4季度");
    expect(periodLabel("2026-Q4", "en")).toBe("Q4 2026");
    expect(periodLabel("2026-10-05", "zh-CN")).toBe("2026年10月5日");
    expect(periodLabel("2026-10-05", "en")).toBe("2026-10-05");
  });
  it("gives a period's days, and the period before", () => {
    expect(periodBounds("2026-02")).toEqual({ first: "2026-02-01", last: "2026-02-28" });
    expect(periodBounds("2028-02")).toEqual({ first: "2028-02-01", last: "2028-02-29" });
    expect(periodBounds("2026-Q4")).toEqual({ first: "2026-10-01", last: "2026-12-31" });
    expect(periodBounds("2026-10-15")).toEqual({ first: "2026-10-15", last: "2026-10-15" });
    expect(prevPeriod("2026-10")).toBe("2026-09");
    expect(prevPeriod("2026-01")).toBe("2025-12");
    expect(prevPeriod("2026-Q1")).toBe("2025-Q4");
    expect(prevPeriod("2026-10-15")).toBeNull();
  });
  it("offers the recent periods, newest first, none in the future", () => {
    expect(periodOf("QUARTER", "2026-11-27")).toBe("2026-Q4");
    expect(recentPeriods("MONTH", "2026-01-03", 3)).toEqual(["2026-01", "2025-12", "2025-11"]);
    expect(recentPeriods("QUARTER", "2026-11-27", 2)).toEqual(["2026-Q4", "2026-Q3"]);
    expect(yearsBack("2026-11-27", "2025-10-01")).toEqual([2026, 2025]);
    expect(yearsBack("2026-11-27", null)).toEqual([2026]);
  });
  it("offers a year's months, then its quarters, of the units asked, none not yet begun", () => {
    expect(periodChoices(2026, "2026-11-28", ["MONTH", "QUARTER"])).toEqual([
      ...["01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11"].map((m) => `2026-${m}`),
      "2026-Q1",
      "2026-Q2",
      "2026-Q3",
      "2026-Q4",
    ]);
    expect(periodChoices(2025, "2026-11-28", ["QUARTER"])).toEqual(["2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4"]);
    expect(periodChoices(2026, "2026-01-01", ["MONTH"])).toEqual(["2026-01"]);
    expect(periodChoices(2026, "2026-11-28", [])).toEqual([]);
  });
  it("names a month or quarter within its year, for a chip", () => {
    const quarter = (n: number) => zh(`disclosure.quarters.Q${n}`);
    expect(periodShortLabel("2026-10", "zh-CN", quarter)).toBe("10月");
    expect(periodShortLabel("2026-10", "en", quarter)).toBe("Oct");
    expect(periodShortLabel("2026-Q4", "zh-CN", quarter)).toBe("第四季度");
    expect(periodShortLabel("2026-Q4", "en", (n) => i18n.getFixedT("en")(`disclosure.quarters.Q${n}`))).toBe("Q4");
  });
  it("takes today in the community's zone", () => {
    // 20:30 UTC on the 27th is already the 28th in Hangzhou.
    expect(todayIn("Asia/Shanghai", new Date("2026-11-27T20:30:00Z"))).toBe("2026-11-28");
  });
});

describe("list filters", () => {
  it("turns a status chip into the list's arguments", () => {
    expect(statusArgs("published")).toEqual({ state: "PUBLISHED", late: null });
    expect(statusArgs("withdrawn")).toEqual({ state: "WITHDRAWN", late: null });
    expect(statusArgs("draft")).toEqual({ state: "DRAFT", late: null });
    expect(statusArgs("late")).toEqual({ state: null, late: true });
    expect(statusArgs("onTime")).toEqual({ state: null, late: false });
    expect(statusArgs(null)).toEqual({ state: null, late: null });
  });
  it("filters by period in the units of the kinds' cadences", () => {
    const rules = [
      { kind: "FINANCE", cadence: "MONTHLY" },
      { kind: "VILLAGE", cadence: "QUARTERLY" },
      { kind: "PARTY", cadence: "PER_EVENT" },
      { kind: "POWER", cadence: "PER_EVENT" },
    ] as const;
    expect(periodUnits(null, rules)).toEqual(["MONTH", "QUARTER"]);
    expect(periodUnits("FINANCE", rules)).toEqual(["MONTH"]);
    expect(periodUnits("VILLAGE", rules)).toEqual(["QUARTER"]);
    expect(periodUnits("PARTY", rules)).toEqual([]);
  });
});

describe("tags", () => {
  it("colours a period by how it stands", () => {
    expect(periodStatusTag("ON_TIME").cls).toBe("tag tag-ok");
    expect(periodStatusTag("LATE").cls).toBe("tag tag-warn");
    expect(periodStatusTag("OVERDUE").cls).toBe("tag tag-error");
    expect(periodStatusTag("UPCOMING").cls).toBe("tag");
    expect(zh(periodStatusTag("LATE").key)).toBe("逾期公开");
  });
  it("keeps a draft neutral, says when it is overdue, and marks a correction", () => {
    const draft = disclosureTags({ state: "DRAFT", status: "OVERDUE", current: { type: "ORIGINAL", number: 1 } });
    expect(draft.map((t) => t.cls)).toEqual(["tag", "tag tag-error"]);
    const corrected = disclosureTags({ state: "PUBLISHED", status: "ON_TIME", current: { type: "CORRECTION", number: 2 } });
    expect(corrected.map((t) => zh(t.key))).toEqual(["按时公开", "已更正"]);
    const withdrawn = disclosureTags({ state: "WITHDRAWN", status: "LATE", current: { type: "WITHDRAWAL", number: 2 } });
    expect(withdrawn.map((t) => zh(t.key))).toEqual(["已撤回", "逾期公开"]);
  });
  it("says a question's state in words and colour", () => {
    expect(questionTag({ state: "OPEN", onTime: null })).toEqual({ key: "disclosure.questions.state.OPEN", cls: "tag tag-warn" });
    expect(questionTag({ state: "ANSWERED", onTime: true }).cls).toBe("tag tag-ok");
    expect(questionTag({ state: "ANSWERED", onTime: false }).cls).toBe("tag tag-warn");
    expect(questionTag({ state: "ESCALATED", onTime: null }).cls).toBe("tag tag-error");
    expect(zh(questionTag({ state: "ESCALATED", onTime: null }).key)).toBe("已转监委会");
  });
  it("names village affairs by the community's kind", () => {
    expect(kindLabel(zh, "VILLAGE", "VILLAGE")).toBe("村务");
    expect(kindLabel(zh, "VILLAGE", "COMMUNITY")).toBe("居务");
    expect(kindLabel(zh, "VILLAGE")).toBe("村（居）务");
    expect(kindLabel(zh, "FINANCE", "COMMUNITY")).toBe("财务");
  });
});

describe("editor and diff helpers", () => {
  it("finds the row and field of a server error", () => {
    expect(itemField("items[3].amount")).toEqual({ row: 3, name: "amount" });
    expect(itemField("items[0]")).toEqual({ row: 0, name: "" });
    expect(itemField("openingBalance")).toBeNull();
    expect(itemFieldNames(2)).toContain("items[1].amount");
    expect(itemFieldNames(2)).toHaveLength(18);
  });
  it("links the exports", () => {
    expect(exportHref("330110109201", "finance", 2026, "xlsx", "zh-CN")).toBe("/exports/330110109201/finance/2026.xlsx");
    expect(exportHref("330110109201", "questions", "2026-Q4", "csv", "en")).toBe("/exports/330110109201/questions/2026-Q4.csv?lang=en");
  });
  it("marks diff lines and says how a total moved", () => {
    expect(diffMark("ADDED")).toBe("+");
    expect(diffMark("REMOVED")).toBe("−");
    expect(diffMark("KEPT")).toBe(" ");
    expect(amountDelta({ changed: true, from: "18600.00", to: "37200.00" })).toBe("+¥18,600.00");
    expect(amountDelta({ changed: true, from: "20.00", to: "0.00" })).toBe("−¥20.00");
    expect(amountDelta({ changed: false, from: "1.00", to: "1.00" })).toBe("");
  });
  it("cuts long runs of unchanged lines", () => {
    const L = (op: "KEPT" | "ADDED" | "REMOVED", text: string) => ({ op, text });
    const lines = [L("KEPT", "a"), L("KEPT", "b"), L("KEPT", "c"), L("REMOVED", "d"), L("ADDED", "D"), L("KEPT", "e"), L("KEPT", "f"), L("KEPT", "g"), L("KEPT", "h")];
    expect(compactLines(lines).map((l) => ("text" in l ? l.text : `…${l.count}`))).toEqual(["…2", "c", "d", "D", "e", "…3"]);
    expect(compactLines([L("KEPT", "x")])).toEqual([L("KEPT", "x")]);
  });
});

describe("linkPath", () => {
  it("leads to the topic or resolution an item's money served", () => {
    expect(linkPath("c1", "VG9waWM6NmIwOTk1ZjAwMDAxYTRiZjkzMzY0ODEz")).toEqual({ to: "/c/c1/topics/VG9waWM6NmIwOTk1ZjAwMDAxYTRiZjkzMzY0ODEz", kind: "topic" });
    expect(linkPath("c1", "UmVzb2x1dGlvbjo2YjA5OTVmMDAwMDFhZDFiMzQ3OGM4ZTY")?.kind).toBe("resolution");
    expect(linkPath("c1", "TWVldGluZzo2YjA5OTVmMDAwMDFhOTYwZWZhN2Y4YTk")).toBeNull();
    expect(linkPath("c1", "not base64!")).toBeNull();
    expect(linkPath("c1", null)).toBeNull();
  });
});

describe("checking a file", () => {
  it("hashes with WebCrypto", async () => {
    const abc = new TextEncoder().encode("abc").buffer as ArrayBuffer;
    expect(await sha256Hex(abc)).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });
  it("fetches files on this site only, and compares size and hash", async () => {
    const origin = window.location.origin;
    expect(sameOrigin("/files/a.pdf", origin)).toBe(true);
    expect(sameOrigin("https://elsewhere.example/a.pdf", origin)).toBe(false);
    const abc = new TextEncoder().encode("abc");
    const ok = (async () => new Response(abc)) as unknown as typeof fetch;
    const hash = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
    expect(await checkFile("/a.txt", hash, 3, ok)).toBe("same");
    expect(await checkFile("/a.txt", hash, 4, ok)).toBe("changed");
    expect(await checkFile("/a.txt", "0".repeat(64), 3, ok)).toBe("changed");
    const gone = (async () => new Response("", { status: 404 })) as unknown as typeof fetch;
    expect(await checkFile("/a.txt", hash, 3, gone)).toBe("unreachable");
    const down = (async () => {
      throw new TypeError("offline");
    }) as unknown as typeof fetch;
    expect(await checkFile("/a.txt", hash, 3, down)).toBe("unreachable");
    expect(await checkFile("https://elsewhere.example/a.txt", hash, 3, ok)).toBe("elsewhere");
  });
});

describe("the to-do list's disclosure subjects", () => {
  it("opens each where it is done", async () => {
    const { todoPath } = await import("../components/TodoList");
    const q = { __typename: "DisclosureQuestion", id: "q1", text: "垃圾清运费为什么翻倍了？", disclosure: { id: "d1" } } as const;
    expect(todoPath("c1", { kind: "ANSWER_QUESTION", subject: q })).toBe("/c/c1/disclosures/d1?tab=questions");
    expect(todoPath("c1", { kind: "ANSWER_ESCALATED", subject: q })).toBe("/c/c1/disclosures/d1?tab=questions");
    const draft = { __typename: "DisclosureVersion", id: "v2", title: "2026年10月财务收支公开", disclosure: { id: "d1" } } as const;
    expect(todoPath("c1", { kind: "PUBLISH_DRAFT", subject: draft })).toBe("/c/c1/disclosures/d1/edit");
    const due = { __typename: "Community", id: "c1", name: "小古城村" } as const;
    expect(todoPath("c1", { kind: "PUBLISH_DUE", subject: due })).toBe("/c/c1/disclosures/desk");
    const d = { __typename: "Disclosure", id: "d3", current: { title: "2026年第3季度村务公开" } } as const;
    expect(todoPath("c1", { kind: "PUBLISH_DUE", subject: d })).toBe("/c/c1/disclosures/d3");
  });
});
