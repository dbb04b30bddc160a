import { describe, expect, it } from "vitest";
import en from "../locales/en";
import zhCN from "../locales/zh-CN";
import { dayOf, inCheckInWindow, isHttpsUrl, loadText, monthOf, positionTag, shiftMonth, validMonth } from "./patrol";

describe("patrol", () => {
  it("writes months on the community's clock", () => {
    expect(monthOf(new Date("2026-11-30T17:00:00Z"), "Asia/Shanghai")).toBe("2026-12");
    expect(monthOf(new Date("2026-11-30T15:00:00Z"), "Asia/Shanghai")).toBe("2026-11");
    expect(dayOf(new Date("2026-11-30T17:00:00Z"), "Asia/Shanghai")).toBe("2026-12-01");
    expect(dayOf(new Date("2026-11-30T15:59:00Z"), "Asia/Shanghai")).toBe("2026-11-30");
  });
  it("moves months across years", () => {
    expect(shiftMonth("2026-12", 1)).toBe("2027-01");
    expect(shiftMonth("2027-01", -1)).toBe("2026-12");
    expect(shiftMonth("2026-05", 0)).toBe("2026-05");
  });
  it("checks months", () => {
    expect(validMonth("2026-12")).toBe(true);
    expect(validMonth("2026-13")).toBe(false);
    expect(validMonth(null)).toBe(false);
  });
  it("rounds loads and tags states", () => {
    expect(loadText(4.25)).toBe("4.3");
    expect(loadText(4)).toBe("4");
    expect(positionTag("CHECKED_IN")).toContain("tag-ok");
    expect(positionTag("MISSED")).toContain("tag-error");
    expect(positionTag("ASSIGNED")).toBe("tag");
  });
  it("takes check-ins half an hour either side", () => {
    const s = "2026-12-01T10:00:00Z";
    const e = "2026-12-01T12:00:00Z";
    expect(inCheckInWindow(s, e, new Date("2026-12-01T09:31:00Z"))).toBe(true);
    expect(inCheckInWindow(s, e, new Date("2026-12-01T09:29:00Z"))).toBe(false);
    expect(inCheckInWindow(s, e, new Date("2026-12-01T12:30:00Z"))).toBe(true);
  });
  it("accepts only https photo links", () => {
    expect(isHttpsUrl("https://example.com/a.jpg")).toBe(true);
    expect(isHttpsUrl("http://example.com/a.jpg")).toBe(false);
    expect(isHttpsUrl("nope")).toBe(false);
  });
  it("has the same patrol keys in both languages", () => {
    const keys = (o: object, p = ""): string[] =>
      Object.entries(o).flatMap(([k, v]) => (v && typeof v === "object" ? keys(v as object, `${p}${k}.`) : [`${p}${k}`]));
    expect(keys(en.patrol).sort()).toEqual(keys(zhCN.patrol).sort());
  });
});
