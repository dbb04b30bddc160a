import type { Page } from "@playwright/test";
import { GRID_WORKER, RESIDENT, checkPage, enterVillage, expect, largeText, login, logout, test, wrappedLabels } from "./helpers";

// 巡防 (seed/patrols.go: 古城武林大妈巡防队 of 24 in 小古城村, this month
// published, reports in every state, two parking reports in 古城一组 this
// month): the captain generates next month's roster and reads its spread
// beside its lower bound (it is not published); a member reads their
// shifts and the team's loads, at 360 px in large text too; the grid
// worker refers a blocked fire exit to the property firm; and a third
// parking report in 古城一组 makes the grid worker's suggestion appear.

/** 沈月娥 captains 古城武林大妈巡防队. */
const CAPTAIN = "shen.yuee@xiaogucheng.example";

/** villageId reads the village's ID from the address. */
function villageId(page: Page): string {
  return new URL(page.url()).pathname.split("/")[2];
}

/** nextMonth is the month after now in Shanghai, written 2026-12. */
function nextMonth(): string {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit" }).formatToParts(new Date());
  const y = Number(parts.find((p) => p.type === "year")!.value);
  const m = Number(parts.find((p) => p.type === "month")!.value);
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, "0")}`;
}

/** fileReport files a patrol report from the report form. */
async function fileReport(page: Page, kind: string, microGrid: string, place: string, text: string) {
  await page.goto(`/c/${villageId(page)}/patrol/report`);
  await expect(page.getByRole("heading", { level: 1, name: "巡查上报" })).toBeVisible();
  await page.getByLabel("类别").selectOption({ label: kind });
  await page.getByLabel("微网格").selectOption({ label: microGrid });
  await page.getByLabel("地点").fill(place);
  await page.getByLabel("情况说明").fill(text);
  await page.getByRole("button", { name: "提交上报" }).click();
  await expect(page.getByText("已上报，网格员会尽快处理。")).toBeVisible();
}

test("the captain generates next month's roster and reads its spread beside its bound", async ({ page }) => {
  await login(page, CAPTAIN);
  await enterVillage(page);
  const month = nextMonth();
  await page.goto(`/c/${villageId(page)}/patrol/roster?month=${month}`);
  await expect(page.getByRole("heading", { level: 1, name: "巡防排班表" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "古城武林大妈巡防队" })).toBeVisible();
  await page.getByRole("button", { name: /^(生成排班|重新生成)$/ }).click();
  await expect(page.getByText("已生成排班，请核对后发布。")).toBeVisible();
  const status = page.getByRole("region", { name: "排班状态" });
  await expect(status).toContainText("草稿，未发布");
  await expect(status).toContainText(/最大差距 \d+(\.\d)?，下限 \d+(\.\d)?/);
  await expect(page.getByRole("heading", { name: "队员工作量" })).toBeVisible();
  await expect(page.locator(".patrol-week").first()).toBeVisible();
  // Publishing asks first; it is not published here.
  await page.getByRole("button", { name: "发布", exact: true }).click();
  await expect(page.getByRole("alertdialog")).toContainText("发布后不能重新生成");
  await page.keyboard.press("Escape");
  await expect(page.getByRole("alertdialog")).toHaveCount(0);
});

test("a member reads their shifts and the team's loads, in large text at 360 px", async ({ page }, info) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await login(page, RESIDENT);
  await enterVillage(page);
  await page.getByRole("navigation", { name: "常用操作" }).getByRole("link", { name: "巡防" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "巡防" })).toBeVisible();
  await expect(page.getByText(/古城武林大妈巡防队 · 队长 沈月娥/)).toBeVisible();
  const mine = page.getByRole("region", { name: "本月我的班次" });
  await expect(mine).toBeVisible();
  await expect(mine.locator(".patrol-shift").first().or(mine.getByText("本月没有待巡的班次。"))).toBeVisible();
  const loads = page.getByRole("region", { name: "队员工作量" });
  await expect(loads).toContainText(/最多与最少相差/);
  await expect(loads.locator(".patrol-load").first()).toContainText(/班，计/);
  await expect(page.getByRole("navigation", { name: "巡防操作" }).getByRole("link", { name: "上报" })).toBeVisible();
  await checkPage(page, "patrol-member", info);
  await largeText(page, true);
  expect(await wrappedLabels(page)).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  await largeText(page, false);
});

test("the grid worker refers a blocked fire exit to the property firm", async ({ page }) => {
  const text = `消防通道被杂物堵住 ${Date.now()}`;
  await login(page, RESIDENT);
  await enterVillage(page);
  await fileReport(page, "隐患", "古城一组", "古城一组 5 号楼消防通道", text);

  await logout(page);
  await login(page, GRID_WORKER);
  await enterVillage(page);
  await page.goto(`/c/${villageId(page)}/patrol/triage`);
  await expect(page.getByRole("heading", { level: 1, name: "巡查上报处理" })).toBeVisible();
  const card = page.locator(".patrol-triage").filter({ hasText: text });
  await expect(card).toBeVisible();
  await card.getByRole("button", { name: /转交/ }).click();
  await card.getByRole("button", { name: "确认转交" }).click();
  await expect(card.getByText("请填写转交单位")).toBeVisible();
  await card.getByLabel("转交单位").fill("物业服务中心");
  await expect(card.getByText("请填写转交单位")).toHaveCount(0);
  await card.getByRole("button", { name: "确认转交" }).click();
  await expect(page.getByText("已转交。")).toBeVisible();
  await expect(page.locator(".patrol-triage").filter({ hasText: text })).toHaveCount(0);
});

test("a third parking report in 古城一组 makes the suggestion appear for the grid worker", async ({ page }) => {
  await login(page, RESIDENT);
  await enterVillage(page);
  await fileReport(page, "文明劝导", "古城一组", "古城一组村口", `车辆乱停，挡住了路口 ${Date.now()}`);

  await logout(page);
  await login(page, GRID_WORKER);
  await enterVillage(page);
  await page.goto(`/c/${villageId(page)}/patrol/triage`);
  const sugg = page.getByRole("region", { name: "建议转为议题" });
  await expect(sugg).toBeVisible();
  await expect(sugg.locator("li").filter({ hasText: "古城一组 · 文明劝导" })).toContainText("同一地点多次上报，建议转为议题");
});

test("the mediator opens a case waiting in the 和事佬 queue from 待我处理", async ({ page }) => {
  await login(page, "yu.zhihua@xiaogucheng.example");
  await enterVillage(page);
  await page
    .getByRole("region", { name: "待我处理" })
    .getByRole("link", { name: /接手调解案件.*王家、陈家/ })
    .first()
    .click();
  await expect(page.getByRole("heading", { level: 1, name: "调解案件" })).toBeVisible();
  const status = page.getByRole("region", { name: "案件状态" });
  await expect(status).toContainText("王家、陈家");
  await expect(status).toContainText(/待接案|调解中/);
  await expect(page.getByRole("region", { name: "调解记录" })).toBeVisible();
});
