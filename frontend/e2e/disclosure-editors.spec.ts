import type { Browser, Page } from "@playwright/test";
import { COMMITTEE, enterVillage, expect, login, logout, openWorkbench, test } from "./helpers";

// The disclosure editor beyond the finance story of disclosures.spec.ts:
// the committee drafts a 党务 item and deletes the draft (no one else ever
// saw it); drafts, publishes and withdraws a 权力事项 with its reason (a
// new version: the page says it was withdrawn, and why, and both versions
// stay public); publishes a 党务 item that anyone finds on the list. The
// server's errors stand next to their fields, in Chinese.
//
// What this leaves behind (published items are never deleted) is a 党务
// item and a withdrawn 权力事项, both dated today and so published on time:
// nothing overdue, no question, no finance period, and no draft, so the
// later specs' lists, records and to-dos are as they were (the home's
// 最新公开 shows the newest three either way).

const ZONE = "Asia/Shanghai";

/** today is today's date in the village's zone, as a date field holds it (2026-11-05). */
function today(): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: ZONE, year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date());
}

/** newDisclosure opens the editor for a new disclosure of a kind from the workbench's 公开事项. */
async function newDisclosure(page: Page, kind: "党务" | "权力事项") {
  await login(page, COMMITTEE);
  await enterVillage(page);
  await openWorkbench(page, "公开事项");
  await expect(page.getByRole("heading", { level: 1, name: "公开事项" })).toBeVisible();
  await page.getByRole("link", { name: "新建公开" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "新建公开" })).toBeVisible();
  await page.getByLabel("类别").selectOption({ label: kind });
  // A party event or a decision is disclosed by its day, today unless told otherwise.
  await expect(page.getByLabel(kind === "党务" ? "事项日期" : "决定日期")).toHaveValue(today());
}

/** publish publishes what the editor holds, behind its confirmation. */
async function publish(page: Page) {
  await page.getByRole("button", { name: "发布", exact: true }).click();
  const sheet = page.getByRole("alertdialog", { name: "发布这项公开？" });
  await expect(sheet).toContainText("发布后任何人都能看到，内容记入公信链，不能再修改，只能发布更正。");
  await sheet.getByRole("button", { name: "确认发布" }).click();
}

/** visitor opens a page in a fresh context, logged out. */
async function visitor(browser: Browser) {
  const context = await browser.newContext();
  return { context, page: await context.newPage() };
}

test("the committee drafts a party affairs item, which no one else sees, and deletes the draft", async ({ page, browser }) => {
  const title = "党支部主题党日：清理苕溪沿岸垃圾";
  await newDisclosure(page, "党务");

  // A party item needs its text: the server's word stands next to it, and clears as it is typed.
  await page.getByLabel("标题").fill(title);
  await page.getByRole("button", { name: "保存草稿" }).click();
  const body = page.getByLabel("正文");
  await expect(body).toHaveAttribute("aria-invalid", "true");
  await expect(body).toHaveAccessibleDescription(/内容不能为空/);
  await body.fill("11月主题党日，全体党员沿苕溪清理垃圾两公里。");
  await expect(body).not.toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("内容不能为空")).toHaveCount(0);
  await page.getByRole("button", { name: "保存草稿" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "编辑草稿" })).toBeVisible();
  await expect(page.getByText("草稿已保存，公布前只有村委会能看到。")).toBeVisible();
  const edit = page.url();
  expect(edit).toMatch(/\/disclosures\/[^/]+\/edit$/);
  const disclosure = edit.replace(/\/edit$/, "");
  const list = disclosure.replace(/\/disclosures\/.*$/, "/disclosures");

  // The desk lists the draft, for the committee.
  await page.getByRole("link", { name: "返回公开事项" }).click();
  const drafts = page.getByRole("region", { name: "待公布的草稿" });
  await expect(drafts.getByRole("article", { name: title })).toBeVisible();
  await expect(drafts.getByRole("article", { name: title }).getByText("草稿", { exact: true })).toBeVisible();

  // Logged out, the draft is not on the list, and its page is not found.
  const anyone = await visitor(browser);
  await anyone.page.goto(list);
  await expect(anyone.page.getByRole("list", { name: "公开事项" })).toBeVisible();
  await expect(anyone.page.getByRole("article", { name: title })).toHaveCount(0);
  await anyone.page.goto(disclosure);
  await expect(anyone.page.getByRole("heading", { level: 1, name: "找不到这个页面" })).toBeVisible();
  await anyone.context.close();

  // Deleting asks first, and says it cannot be undone.
  await drafts.getByRole("link", { name: title }).click();
  await expect(page.getByRole("heading", { level: 1, name: "编辑草稿" })).toBeVisible();
  await expect(page.getByLabel("正文")).toHaveValue("11月主题党日，全体党员沿苕溪清理垃圾两公里。");
  await page.getByRole("button", { name: "删除草稿" }).click();
  const sheet = page.getByRole("alertdialog", { name: "删除这份草稿？" });
  await expect(sheet).toContainText("草稿还没有公布，删除后不能恢复。");
  await sheet.getByRole("button", { name: "确认删除" }).click();
  await expect(page).toHaveURL(list);
  await expect(page.getByRole("heading", { level: 1, name: "公开" })).toBeVisible();
  await expect(page.getByText("草稿已删除。")).toBeVisible();
  await expect(page.getByRole("list", { name: "公开事项" })).toBeVisible();
  await expect(page.getByRole("article", { name: title })).toHaveCount(0);

  // Gone from the desk too, and its pages are gone.
  await page.goto(list + "/desk");
  await expect(page.getByRole("heading", { level: 1, name: "公开事项" })).toBeVisible();
  await expect(page.getByRole("region", { name: "待公布的草稿" }).locator("[aria-busy=true]")).toHaveCount(0);
  await expect(page.getByRole("region", { name: "待公布的草稿" }).getByRole("article", { name: title })).toHaveCount(0);
  await page.goto(disclosure);
  await expect(page.getByRole("heading", { level: 1, name: "找不到这个页面" })).toBeVisible();
});

test("the committee publishes a power item and withdraws it with a reason; anyone sees it withdrawn, and both versions", async ({ page, browser }) => {
  const title = "村道路灯维修工程发包";
  const reason = "发包程序未经村民代表会议表决，撤回后重新履行程序。";
  await newDisclosure(page, "权力事项");
  await page.getByLabel("标题").fill(title);
  const decision = page.getByLabel("决定事项");
  const decidedBy = page.getByLabel("决定者");
  const basis = page.getByLabel("依据");
  const amount = page.getByLabel("涉及金额（元）");

  // Publishing without the decision is refused, next to the field, and nothing is saved.
  await publish(page);
  await expect(decision).toHaveAttribute("aria-invalid", "true");
  await expect(decision).toHaveAccessibleDescription(/内容不能为空/);
  await expect(page.getByRole("heading", { level: 1, name: "新建公开" })).toBeVisible();
  await decision.fill("村道路灯维修工程发包给杭州径山照明工程有限公司。");
  await expect(decision).not.toHaveAttribute("aria-invalid", "true");
  // Nor without who decided.
  await publish(page);
  await expect(decidedBy).toHaveAttribute("aria-invalid", "true");
  await expect(decidedBy).toHaveAccessibleDescription(/决定者不能为空/);
  await decidedBy.fill("村两委联席会议");
  await expect(decidedBy).not.toHaveAttribute("aria-invalid", "true");
  await basis.fill("《小古城村村级小型工程项目管理办法》第八条");
  // An amount to a tenth of a fen is refused beside it.
  await amount.fill("86,400.005");
  await publish(page);
  await expect(amount).toHaveAttribute("aria-invalid", "true");
  await expect(amount).toHaveAccessibleDescription(/金额最多两位小数/);
  await amount.fill("86,400");
  await expect(amount).not.toHaveAttribute("aria-invalid", "true");

  await publish(page);
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByText("已公布。")).toBeVisible();
  const disclosure = page.url().split("?")[0];
  expect(disclosure).toMatch(/\/disclosures\/[^/]+$/);
  const header = page.getByRole("region", { name: "公开状态" });
  await expect(header).toContainText("权力事项");
  await expect(header.locator(".tag-ok")).toHaveText("按时公开");
  const main = page.getByRole("main");
  await expect(main).toContainText("村道路灯维修工程发包给杭州径山照明工程有限公司。");
  await expect(main).toContainText("村两委联席会议");
  await expect(main).toContainText("《小古城村村级小型工程项目管理办法》第八条");
  await expect(main).toContainText("¥86,400.00");

  // Withdrawing needs a reason, which the confirmation repeats.
  const manage = page.getByRole("region", { name: "管理" });
  await expect(manage).toContainText("公布的内容不能修改或删除");
  await manage.getByText("撤回", { exact: true }).first().click(); // the fold's summary
  const withdraw = manage.getByRole("button", { name: "撤回", exact: true });
  await expect(withdraw).toBeDisabled();
  await manage.getByLabel("撤回原因").fill(reason);
  await withdraw.click();
  const sheet = page.getByRole("alertdialog", { name: "撤回这项公开？" });
  await expect(sheet).toContainText(`原因（${reason}）公开`);
  await sheet.getByRole("button", { name: "确认撤回" }).click();
  await expect(page.getByText("已撤回。", { exact: true })).toBeVisible();
  await expect(header).toContainText("已撤回");
  await expect(header).toContainText(`撤回原因：${reason}`);
  // Nothing more to do on a withdrawn item: no correction, no second withdrawal.
  await expect(page.getByRole("link", { name: "发布更正" })).toHaveCount(0);
  await expect(manage.getByRole("button", { name: "撤回" })).toHaveCount(0);

  // Anyone, logged out: the page says it was withdrawn and why; the versions tab has both.
  const anyone = await visitor(browser);
  await anyone.page.goto(disclosure);
  await expect(anyone.page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  const seen = anyone.page.getByRole("region", { name: "公开状态" });
  await expect(seen.getByText("已撤回", { exact: true })).toBeVisible();
  await expect(seen).toContainText(/已于 .+撤回，此前的版本仍可查看/);
  await expect(seen).toContainText(`撤回原因：${reason}`);
  await expect(anyone.page.getByText(`这项公开已撤回。撤回原因：${reason}`)).toBeVisible();
  await expect(anyone.page.getByRole("region", { name: "管理" })).toHaveCount(0);
  await anyone.page.getByRole("navigation", { name: "公开内容" }).getByRole("link", { name: "版本", exact: true }).click();
  const versions = anyone.page.getByRole("region", { name: "历次版本" }).getByRole("listitem");
  await expect(versions).toHaveCount(2);
  await expect(versions.nth(0)).toContainText("第 2 版");
  await expect(versions.nth(0)).toContainText("撤回");
  await expect(versions.nth(0)).toContainText(`原因：${reason}`);
  await expect(versions.nth(1)).toContainText("第 1 版");
  await expect(versions.nth(1)).toContainText("首次公布");
  await expect(anyone.page.getByText("第 1 版 → 第 2 版的改动：")).toBeVisible();

  // On the list, filtered to power items, it stands as withdrawn.
  await anyone.page.goto(disclosure.replace(/\/[^/]+$/, "?kind=POWER"));
  const card = anyone.page.getByRole("list", { name: "公开事项" }).getByRole("article", { name: title });
  await expect(card).toBeVisible();
  await expect(card.getByText("已撤回", { exact: true })).toBeVisible();
  await anyone.context.close();
});

test("a party affairs item the committee publishes is on the public list, for anyone", async ({ page }) => {
  const title = "党支部换届选举结果公告";
  const body = "经党员大会选举，俞国强当选党支部书记，任期五年。";
  await newDisclosure(page, "党务");
  await page.getByLabel("标题").fill(title);
  await page.getByLabel("正文").fill(body);
  await publish(page);
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByText("已公布。")).toBeVisible();
  const disclosure = page.url().split("?")[0];
  const header = page.getByRole("region", { name: "公开状态" });
  await expect(header).toContainText("党务");
  await expect(header.locator(".tag-ok")).toHaveText("按时公开");

  await logout(page);
  await page.goto(disclosure.replace(/\/[^/]+$/, ""));
  await expect(page.getByRole("heading", { level: 1, name: "公开" })).toBeVisible();
  const cards = page.getByRole("list", { name: "公开事项" });
  const card = cards.getByRole("article", { name: title });
  await expect(card).toBeVisible();
  await expect(card).toContainText("党务");
  await expect(card).toContainText("按时公开");
  await page.getByRole("group", { name: "按类别筛选" }).getByRole("button", { name: "党务", exact: true }).click();
  await expect(page).toHaveURL(/kind=PARTY/);
  await card.getByRole("link", { name: title }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByRole("main")).toContainText(body);
});
