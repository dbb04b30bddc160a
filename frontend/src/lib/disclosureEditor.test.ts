import { describe, expect, it } from "vitest";
import { editorFields, emptyDraft, fromVersion, liveTotals, newRow, toContent, type VersionLike } from "./disclosureEditor";

const september: VersionLike = {
  kind: "FINANCE",
  period: { key: "2026-09" },
  title: "2026年9月财务收支公开",
  body: "本期收支已经村务监督委员会审核。",
  reason: null,
  power: null,
  finance: {
    openingBalance: "3000000.00",
    items: [
      { key: "k1", date: "2026-09-26", direction: "EXPENSE", category: "welfare_expense/garbage", amount: "18600.00", counterparty: "杭州径山环卫服务有限公司", voucher: "记-2026-09-011", note: "生活垃圾清运费", link: null },
    ],
  },
  attachments: [],
};

describe("the disclosure editor", () => {
  it("dates a new item within its period", () => {
    expect(newRow("2026-10", "2026-11-27").date).toBe("2026-10-31");
    expect(newRow("2026-11", "2026-11-27").date).toBe("2026-11-27");
    expect(newRow("2026-Q4", "2026-11-27", "INCOME")).toMatchObject({ date: "2026-11-27", direction: "INCOME", key: null });
  });
  it("starts a correction from the published version, keeping the items' keys", () => {
    const d = fromVersion(september);
    expect(d.items[0]).toMatchObject({ key: "k1", amount: "18600.00" });
    expect(d.reason).toBe("");
    expect(d.opening).toBe("3000000.00");
    d.items[0].amount = "37,200";
    d.reason = "清运费应为 37,200.00 元";
    const c = toContent(d);
    expect(c.items).toEqual([{ key: "k1", date: "2026-09-26", direction: "EXPENSE", category: "welfare_expense/garbage", amount: "37200.00", counterparty: "杭州径山环卫服务有限公司", voucher: "记-2026-09-011", note: "生活垃圾清运费" }]);
    expect(c.openingBalance).toBe("3000000.00");
    expect(c.power).toBeUndefined();
  });
  it("sends an amount it cannot read as typed, for the server to name the error beside it", () => {
    const d = emptyDraft("FINANCE", "2026-10");
    d.items = [{ ...newRow("2026-10", "2026-11-27"), amount: "12.345" }];
    expect(toContent(d).items?.[0].amount).toBe("12.345");
    expect(toContent(d).openingBalance).toBe("0.00");
  });
  it("sends power fields for power items only", () => {
    const d = emptyDraft("POWER", "2026-11-14");
    d.power = { decision: "中标单位：某公司", decidedBy: "村民代表会议", basis: "村级工程项目管理办法", amount: "1,286,000" };
    expect(toContent(d).power).toEqual({ decision: "中标单位：某公司", decidedBy: "村民代表会议", basis: "村级工程项目管理办法", amount: "1286000.00" });
    expect(toContent(d).items).toBeUndefined();
    d.power.amount = "";
    expect(toContent(d).power).not.toHaveProperty("amount");
    expect(toContent(emptyDraft("VILLAGE", "2026-Q3")).power).toBeUndefined();
  });
  it("totals what is typed so far, exactly", () => {
    const d = fromVersion(september);
    d.opening = "3,126,032.37";
    d.items.push({ ...newRow("2026-09", "2026-11-27", "INCOME"), amount: "38500" }, { ...newRow("2026-09", "2026-11-27"), amount: "abc" });
    expect(liveTotals(d)).toMatchObject({ opening: 312_603_237, income: 3_850_000, expense: 1_860_000, closing: 312_603_237 + 3_850_000 - 1_860_000, unreadable: 1 });
  });
  it("lists the fields whose errors it shows", () => {
    const f = editorFields(2, 1);
    expect(f).toContain("openingBalance");
    expect(f).toContain("items[1].amount");
    expect(f).toContain("attachments[0].url");
    expect(f).not.toContain("items[2].amount");
  });
});
