import { CombinedError } from "@urql/core";
import { describe, expect, it } from "vitest";
import en from "../locales/en";
import zhCN from "../locales/zh-CN";
import i18n, { loadLang, setLang, storedLang } from "../i18n";
import { errorCode, toFormErrors, withoutFields } from "./errors";
import { safeNext } from "./nav";
import { ROLES, assignableRoles, cappedList, mayRevoke, roleGrants } from "./roles";
import { COMMUNITY_CODE_DIGITS, STREET_CODE_DIGITS, codeProblem, normalizeCode } from "./divisions";
import { describeUserAgent } from "./useragent";

function gqlError(errors: { message: string; extensions?: Record<string, unknown> }[]) {
  return new CombinedError({ graphQLErrors: errors as never });
}

describe("toFormErrors", () => {
  it("puts a BAD_USER_INPUT error next to its field", () => {
    const err = gqlError([{ message: "邮箱地址格式不正确", extensions: { code: "BAD_USER_INPUT", field: "email" } }]);
    expect(toFormErrors(err, ["email", "password"], "net")).toEqual({
      fields: { email: "邮箱地址格式不正确" },
      code: "BAD_USER_INPUT",
    });
  });
  it("gives an error without a field, or for a field the form lacks, to the form", () => {
    const err = gqlError([
      { message: "邮箱或密码不正确", extensions: { code: "UNAUTHENTICATED" } },
      { message: "请选择本社区的网格", extensions: { code: "BAD_USER_INPUT", field: "communityId" } },
    ]);
    const got = toFormErrors(err, ["email"], "net");
    expect(got.form).toBe("邮箱或密码不正确 请选择本社区的网格");
    expect(got.fields).toEqual({});
    expect(got.code).toBe("UNAUTHENTICATED");
  });
  it("keeps the first message of a field", () => {
    const err = gqlError([
      { message: "a", extensions: { field: "name" } },
      { message: "b", extensions: { field: "name" } },
    ]);
    expect(toFormErrors(err, ["name"], "net")).toMatchObject({ fields: { name: "a" }, form: "b" });
  });
  it("says a failed connection in the UI's words", () => {
    const err = new CombinedError({ networkError: new Error("Failed to fetch") });
    expect(toFormErrors(err, [], "网络连接失败")).toEqual({ fields: {}, form: "网络连接失败", code: "NETWORK" });
  });
  it("has nothing to say without an error", () => {
    expect(toFormErrors(undefined, [], "net")).toEqual({ fields: {} });
    expect(errorCode(undefined)).toBeUndefined();
  });
  it("drops the errors of fields edited since sending", () => {
    const errs = { form: "f", fields: { code: "c", name: "n" }, code: "BAD_USER_INPUT" };
    expect(withoutFields(errs, ["code"])).toEqual({ form: "f", fields: { name: "n" }, code: "BAD_USER_INPUT" });
    expect(withoutFields(errs, [])).toEqual(errs);
    expect(errs.fields).toEqual({ code: "c", name: "n" });
  });
  it("reads the code", () => {
    expect(errorCode(gqlError([{ message: "x", extensions: { code: "FORBIDDEN" } }]))).toBe("FORBIDDEN");
  });
});

describe("safeNext", () => {
  it.each([
    ["/c/abc", "/c/abc"],
    ["/me/sessions?x=1", "/me/sessions?x=1"],
    [null, "/"],
    ["", "/"],
    ["https://evil.example/", "/"],
    ["//evil.example/", "/"],
    ["/\\evil.example", "/"],
    ["/login?next=/x", "/"],
    ["javascript:alert(1)", "/"],
  ])("%s -> %s", (input, want) => {
    expect(safeNext(input)).toBe(want);
  });
});

describe("roles", () => {
  it("offers the roles the server lets the viewer grant, in display order, never resident", () => {
    expect(assignableRoles(["GRID_WORKER"])).toEqual(["GRID_WORKER"]);
    expect(assignableRoles(["PROPERTY_FIRM", "PARTY_MEMBER", "RESIDENT"])).toEqual(["PARTY_MEMBER", "PROPERTY_FIRM"]);
    expect(assignableRoles(ROLES)).toEqual(ROLES.filter((r) => r !== "RESIDENT"));
    expect(assignableRoles([])).toEqual([]);
  });
  it("lets the viewer revoke only roles they may grant, never resident", () => {
    expect(mayRevoke("GRID_WORKER", ["GRID_WORKER"])).toBe(true);
    expect(mayRevoke("OWNERS_COMMITTEE", ["GRID_WORKER"])).toBe(false);
    expect(mayRevoke("RESIDENT", ROLES)).toBe(false);
  });
  it("has a label for every role in both languages", () => {
    for (const r of ROLES) {
      expect(zhCN.roles[r], r).toBeTruthy();
      expect(en.roles[r], r).toBeTruthy();
    }
    expect(zhCN.roles.PARTY_MEMBER).toBe("党员");
    expect(zhCN.roles.SUPERVISOR).toBe("监督委员会");
    expect(zhCN.roles.OWNERS_LEAD).toBe("业委会负责人");
    expect(zhCN.roles.PROPERTY_LEAD).toBe("物业负责人");
  });
  it("caps a long list until all is asked for", () => {
    expect(cappedList([1, 2, 3], 5, false)).toEqual({ shown: [1, 2, 3], hidden: 0 });
    expect(cappedList([1, 2, 3, 4], 2, false)).toEqual({ shown: [1, 2], hidden: 2 });
    expect(cappedList([1, 2, 3, 4], 2, true)).toEqual({ shown: [1, 2, 3, 4], hidden: 0 });
  });
  it("lists one grant per grid for a grid worker, in display order", () => {
    const got = roleGrants(["GRID_WORKER", "RESIDENT", "COMMITTEE"], [
      { id: "g1", name: "第一网格" },
      { id: "g2", name: "第二网格" },
    ]);
    expect(got).toEqual([
      { role: "RESIDENT" },
      { role: "GRID_WORKER", grid: { id: "g1", name: "第一网格" } },
      { role: "GRID_WORKER", grid: { id: "g2", name: "第二网格" } },
      { role: "COMMITTEE" },
    ]);
  });
  it("lists a grid worker without a grid once", () => {
    expect(roleGrants(["GRID_WORKER"], [])).toEqual([{ role: "GRID_WORKER" }]);
  });
});

describe("division codes", () => {
  it.each([
    ["", STREET_CODE_DIGITS, undefined, "empty"],
    ["330110109", STREET_CODE_DIGITS, undefined, null],
    ["330 110 109", STREET_CODE_DIGITS, undefined, null],
    ["33011010", STREET_CODE_DIGITS, undefined, "digits"],
    ["33011010x", STREET_CODE_DIGITS, undefined, "digits"],
    ["330110109201", COMMUNITY_CODE_DIGITS, "330110109", null],
    ["330110108201", COMMUNITY_CODE_DIGITS, "330110109", "prefix"],
    ["3301101092011", COMMUNITY_CODE_DIGITS, "330110109", "digits"],
    ["330110109201", COMMUNITY_CODE_DIGITS, undefined, null],
  ] as const)("%s (%i digits, street %s) -> %s", (code, n, street, want) => {
    expect(codeProblem(code, n, street)).toBe(want);
  });
  it("drops spaces, also full-width ones", () => {
    expect(normalizeCode(" 3301\u3000101 09 ")).toBe("330110109");
  });
});

describe("describeUserAgent", () => {
  it.each([
    ["Mozilla/5.0 (Linux; Android 13; M2012K11AC) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36", "Chrome · Android"],
    ["Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.40", "WeChat · iOS"],
    ["Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36 Edg/120.0", "Edge · Windows"],
    ["Mozilla/5.0 (Linux; Android 12; HarmonyOS; NOH-AN00) AppleWebKit/537.36 Chrome/99.0 Mobile Safari/537.36", "Chrome · HarmonyOS"],
    ["curl/8.0", ""],
  ])("%s", (ua, want) => {
    expect(describeUserAgent(ua)).toBe(want);
  });
});

describe("catalogs", () => {
  const keys = (o: object, prefix = ""): string[] =>
    Object.entries(o).flatMap(([k, v]) => (typeof v === "string" ? [prefix + k] : keys(v, prefix + k + ".")));
  const values = (o: object): string[] => Object.values(o).flatMap((v) => (typeof v === "string" ? [v] : values(v)));
  it("have the same keys", () => {
    expect(keys(en).sort()).toEqual(keys(zhCN).sort());
  });
  it("have no empty message", () => {
    expect(values(zhCN).filter((v) => !v.trim())).toEqual([]);
    expect(values(en).filter((v) => !v.trim())).toEqual([]);
  });
  it("use the same placeholders in both languages", () => {
    const zhv = Object.fromEntries(keys(zhCN).map((k) => [k, k.split(".").reduce((o: any, p) => o[p], zhCN)]));
    const env = Object.fromEntries(keys(en).map((k) => [k, k.split(".").reduce((o: any, p) => o[p], en)]));
    const ph = (s: string) => (s.match(/{{\w+}}/g) ?? []).sort().join(",");
    for (const k of Object.keys(zhv)) expect(ph(env[k]), k).toBe(ph(zhv[k]));
  });
});

describe("loadLang", () => {
  it("loads the English catalog the first time it is needed, and switches to it", async () => {
    i18n.removeResourceBundle("en", "translation");
    expect(i18n.hasResourceBundle("en", "translation")).toBe(false);
    await loadLang("en");
    expect(i18n.getFixedT("en")("app.name")).toBe("Yishi");
    await setLang("en");
    expect(i18n.t("app.name")).toBe("Yishi");
    await setLang("zh-CN");
    expect(i18n.t("app.name")).toBe("议事");
  });
});

describe("storedLang", () => {
  it("defaults to Chinese", () => {
    expect(storedLang({ getItem: () => null })).toBe("zh-CN");
    expect(storedLang({ getItem: () => "fr" })).toBe("zh-CN");
    expect(storedLang({ getItem: () => "en" })).toBe("en");
  });
});
