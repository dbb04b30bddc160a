import type { Page } from "@playwright/test";
import { ADMIN, COMMITTEE, GRID_WORKER, RESIDENT, checkPage, enterVillage, expect, login, logout, switchLanguage, test } from "./helpers";

// UX v2's shared shapes (../shared/UX.md): the home leads with 待我处理 and
// action tiles, staff work on a 工作台, no short label wraps.

/** wrappedLabels lists the buttons, tabs and tiles whose label of at most 4 CJK characters (or one English word) takes more than one line. */
async function wrappedLabels(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const els = document.querySelectorAll<HTMLElement>("button, .btn, .nav-label, .tab, .action-tile, .decision-label, .phase-line li, .tag");
    for (const el of els) {
      if (el.offsetParent === null) continue;
      const text = (el.textContent ?? "").replace(/[●○✓⌂✎☑☷☺]/g, "").trim();
      const short = /^[\u4e00-\u9fff]{1,4}$/.test(text) || /^[A-Za-z]{1,14}$/.test(text);
      if (!short) continue;
      const range = document.createRange();
      range.selectNodeContents(el);
      // A new line starts where a box begins below the bottom of the line so far (an icon and
      // its text on one line have different tops, but overlap).
      const rects = [...range.getClientRects()].filter((r) => r.width > 0).sort((a, b) => a.top - b.top);
      let lines = 0;
      let bottom = -Infinity;
      for (const r of rects) {
        if (r.top >= bottom - 1) lines++;
        bottom = Math.max(bottom, r.bottom);
      }
      if (lines > 1) out.push(`"${text}" on ${lines} lines`);
    }
    return out;
  });
}

/** largeText turns 大字 on or off. */
async function largeText(page: Page, on: boolean) {
  const sw = page.locator(".topbar").getByRole("button", { name: /大字|Large text/ });
  if ((await sw.getAttribute("aria-pressed")) !== String(on)) await sw.click();
}

test("the home leads with 待我处理 and action tiles, in normal and large text at 360 px", async ({ page }, info) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await login(page, COMMITTEE);
  await enterVillage(page);
  for (const on of [false, true]) {
    await largeText(page, on);
    const todos = page.getByRole("region", { name: "待我处理" });
    await expect(todos).toBeVisible();
    // The first thing under the welcome: the to-dos, then what anyone can start.
    const top = await page.evaluate(() => {
      const main = document.querySelector("main")!;
      return [...main.querySelectorAll("section, nav")].slice(0, 2).map((el) => el.getAttribute("aria-labelledby") ?? el.getAttribute("aria-label"));
    });
    expect(top).toEqual(["todos-h", "常用操作"]);
    await expect(page.getByRole("navigation", { name: "常用操作" }).getByRole("link", { name: /提出议题/ })).toBeVisible();
    for (const gone of ["最新公开", "我的任务", "我的巡防班次"]) await expect(page.getByRole("region", { name: gone })).toHaveCount(0);
  }
  await largeText(page, false);
  await checkPage(page, "home-committee", info);
  // For the closing note: how tall a topic page is at 360 px (5,358 px before UX v2).
  await page.goto(page.url() + "/topics?state=ACCEPTED");
  await page.getByRole("main").getByRole("link", { name: "村口停车难" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "村口停车难" })).toBeVisible();
  await page.waitForLoadState("networkidle");
  console.log(`topic page at 360 px: ${await page.evaluate(() => document.documentElement.scrollHeight)} px`);
});

test("staff work on a 工作台: the committee's tools, and the grid worker's residents by micro-grid", async ({ page }, info) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await login(page, ADMIN);
  await enterVillage(page);
  const nav = page.getByRole("navigation", { name: "主导航" });
  // At most five tabs, so none wraps in large text.
  await expect(nav.getByRole("link")).toHaveCount(5);
  await nav.getByRole("link", { name: "工作台" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "工作台" })).toBeVisible();
  for (const tool of ["成员与角色", "入会申请", "网格", "发送失败的通知"]) await expect(page.getByRole("main").getByRole("link", { name: tool, exact: true })).toBeVisible();
  await checkPage(page, "workbench-admin", info);

  await logout(page);
  await login(page, GRID_WORKER);
  await enterVillage(page);
  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "工作台" }).click();
  const hub = page.getByRole("region", { name: "我的居民" });
  await expect(hub).toBeVisible();
  // The demo's assisted residents of 钱晓燕's grids, grouped under their micro-grids.
  await expect(hub.getByRole("heading", { level: 3 }).first()).toBeVisible();
  await expect(hub.locator(".hub-resident").first()).toBeVisible();
  await checkPage(page, "workbench-grid-worker", info);

  // A resident has no workbench.
  await logout(page);
  await login(page, RESIDENT);
  await enterVillage(page);
  await expect(page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "工作台" })).toHaveCount(0);
});

test("no button, tab or tile label of four characters or one word wraps, in Chinese and English, normal and large text", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await login(page, ADMIN);
  await enterVillage(page);
  const home = page.url();
  await page.goto(home + "/topics?q=" + encodeURIComponent("停车"));
  await page.getByRole("link", { name: "村口停车难" }).click();
  const topic = new URL(page.url()).pathname;
  const paths = ["", "/topics", "/resolutions", "/work", "/members"].map((p) => home + p).concat(["/me", topic, `${topic}?tab=votes`, `${topic}/panel`]);
  const found: string[] = [];
  for (const lang of ["zh-CN", "en"]) {
    if (lang === "en") await switchLanguage(page, "en");
    for (const on of [false, true]) {
      await largeText(page, on);
      for (const path of paths) {
        await page.goto(path);
        await page.waitForLoadState("networkidle");
        for (const w of await wrappedLabels(page)) found.push(`${lang}${on ? " large" : ""} ${new URL(page.url()).pathname}: ${w}`);
      }
    }
  }
  await largeText(page, false);
  await switchLanguage(page, "zh-CN");
  expect(found).toEqual([]);
});
