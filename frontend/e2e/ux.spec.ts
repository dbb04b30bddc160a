import { ADMIN, COMMITTEE, GRID_WORKER, RESIDENT, checkPage, enterVillage, expect, largeText, login, logout, settle, switchLanguage, test, wrappedLabels } from "./helpers";

// UX v2's shared shapes (../shared/UX.md): the home leads with 待我处理 and
// action tiles, staff work on a 工作台, no short label wraps.

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
    for (const gone of ["我的任务", "我的巡防班次"]) await expect(page.getByRole("region", { name: gone })).toHaveCount(0);
  }
  await largeText(page, false);
  await checkPage(page, "home-committee", info);
  // For the closing note: how tall a topic page is at 360 px (5,358 px before UX v2).
  await page.goto(page.url() + "/topics?state=ACCEPTED");
  await page.getByRole("main").getByRole("link", { name: "村口停车难" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "村口停车难" })).toBeVisible();
  await page.waitForLoadState("networkidle");
  console.log(`topic page at 360 px: ${await page.evaluate(() => document.documentElement.scrollHeight)} px`);
  await largeText(page, true);
  await settle(page);
  console.log(`topic page at 360 px in large text: ${await page.evaluate(() => document.documentElement.scrollHeight)} px`);
  await largeText(page, false);
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

  // From the hub, the worker proposes a topic for a resident, before a
  // witness; the witness's error clears as the name is typed.
  const first = hub.locator(".hub-resident").first();
  const elder = (await first.locator("strong").textContent())!.trim();
  await first.getByRole("link", { name: `代${elder}提出议题` }).click();
  await expect(page.getByRole("heading", { level: 1, name: "提出议题" })).toBeVisible();
  await expect(page.getByLabel("为谁提出")).toHaveValue(/.+/);
  const title = `后山路灯不亮 ${Date.now() % 100000}`;
  await page.getByLabel("标题").fill(title);
  await page.getByLabel("类别").selectOption({ label: "公共事务" });
  await page.getByRole("button", { name: "提出议题" }).click();
  const witness = page.getByLabel("见证人", { exact: true });
  await expect(witness).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("见证人不能为空")).toBeVisible();
  await witness.fill("邻居沈月娥");
  await expect(page.getByText("见证人不能为空")).toHaveCount(0);
  await checkPage(page, "propose-for-resident", info);
  await page.getByRole("button", { name: "提出议题" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByText(`提出人：${elder}`)).toBeVisible();
  await expect(page.getByText("网格员钱晓燕代为提出，见证人邻居沈月娥")).toBeVisible();

  // Then supports it for another of their residents: from the topic page,
  // five taps (open the fold, choose, the witness, record).
  await page.getByText("代居民附议").click();
  const supportFor = page.getByRole("form", { name: "代居民附议" });
  const other = supportFor.getByLabel("代哪位居民附议").locator("option").filter({ hasNotText: elder }).nth(1);
  const otherName = (await other.textContent())!.trim();
  await supportFor.getByLabel("代哪位居民附议").selectOption({ label: otherName });
  await supportFor.getByLabel("见证人", { exact: true }).fill("邻居沈月娥");
  await supportFor.getByRole("button", { name: "记录代附议" }).click();
  await expect(page.getByText(`已记录${otherName}的附议。`)).toBeVisible();
  await expect(page.getByText(/^附议 1\//)).toBeVisible();

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
