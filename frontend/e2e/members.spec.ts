import type { Page } from "@playwright/test";
import { COMMITTEE, checkPage, enterVillage, expect, login, settle, test } from "./helpers";

// The member directory on a small phone: the committee finds a resident by
// part of their name and narrows the list with filter chips, in normal and
// in large text. Read-only: it changes no demo data.

/** openDirectory logs the committee member in and opens the directory at 360 px. */
async function openDirectory(page: Page): Promise<string> {
  await page.setViewportSize({ width: 360, height: 800 });
  await login(page, COMMITTEE);
  await enterVillage(page);
  const home = page.url();
  await page.goto(home + "/members");
  await expect(page.getByRole("list", { name: "成员名录" })).toBeVisible();
  return home;
}

const directory = (page: Page) => page.getByRole("list", { name: "成员名录" });
const names = (page: Page) => directory(page).locator(".card-title").allInnerTexts();

/** expectEvery waits until the list holds someone and every card in it says each of words. */
async function expectEvery(page: Page, words: string[]) {
  await expect
    .poll(async () => {
      const cards = await directory(page).getByRole("listitem").allInnerTexts();
      return cards.length > 0 && cards.every((c) => words.every((w) => c.includes(w)));
    }, `every card says ${words.join(" and ")}`)
    .toBe(true);
}

/** findAndFilter searches by part of a name, then filters by micro-grid and by role + micro-grid, going Back between. */
async function findAndFilter(page: Page) {
  // Part of a name, submitted with Enter: 沈月娥 of 古城一组.
  const box = page.getByRole("searchbox", { name: "按姓名搜索" });
  await box.fill("月娥");
  await box.press("Enter");
  await expect(page).toHaveURL(/[?&]q=%E6%9C%88%E5%A8%A5/);
  await expect(page.getByText("姓名含“月娥”的共 1 人")).toBeVisible();
  await expect(directory(page).getByRole("listitem")).toHaveCount(1);
  await expect(directory(page)).toContainText("沈月娥");

  // One character, with the 搜索 button: everyone named 沈.
  await box.fill("沈");
  await page.getByRole("button", { name: "搜索", exact: true }).click();
  await expect(page.getByText(/^姓名含“沈”的共 \d+ 人$/)).toBeVisible();
  await expect(directory(page)).toContainText("沈丽萍");
  for (const n of await names(page)) expect(n).toContain("沈");

  // No one by that name: the list says so.
  await box.fill("不存在的人");
  await box.press("Enter");
  await expect(page.getByText("没有符合条件的成员。")).toBeVisible();

  // Back undoes the last search, and the box follows.
  await page.goBack();
  await expect(box).toHaveValue("沈");
  await expect(page.getByText(/^姓名含“沈”的共 \d+ 人$/)).toBeVisible();
  await page.getByRole("button", { name: "清除全部筛选" }).click();
  await expect(box).toHaveValue("");
  await expect(page.getByText(/^共 \d+ 人$/)).toBeVisible();

  // A micro-grid chip: only the people of 溪口组 (第二网格).
  const micro = page.getByRole("group", { name: "按微网格筛选" });
  const xikou = micro.getByRole("button", { name: "溪口组", exact: true });
  await xikou.click();
  await expect(xikou).toHaveAttribute("aria-pressed", "true");
  await expect(micro.getByRole("button", { name: "全部微网格" })).toHaveAttribute("aria-pressed", "false");
  await expect(page).toHaveURL(/[?&]micro=/);
  await expectEvery(page, ["溪口组"]);
  await expect(directory(page)).toContainText("陈桂芳");
  await expect(directory(page)).not.toContainText("俞建国");

  // With a role too: the grid worker of 前山组, and no one else.
  await micro.getByRole("button", { name: "前山组", exact: true }).click();
  await page.getByRole("group", { name: "按身份筛选" }).getByRole("button", { name: "网格员", exact: true }).click();
  await expectEvery(page, ["前山组", "网格员"]);
  await expect(directory(page)).toContainText("钱晓燕");

  // Back, twice: the role goes, then 溪口组 is chosen again.
  await page.goBack();
  await expect(page.getByRole("group", { name: "按身份筛选" }).getByRole("button", { name: "全部身份" })).toHaveAttribute("aria-pressed", "true");
  await page.goBack();
  await expect(xikou).toHaveAttribute("aria-pressed", "true");
  await expect(directory(page)).toContainText("陈桂芳");

  // The chips scroll sideways inside their row; the page itself does not.
  await settle(page);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, "the page is wider than the phone").toBeLessThanOrEqual(0);
  const scrolls = await micro.evaluate((el) => el.scrollWidth > el.clientWidth && getComputedStyle(el).overflowX === "auto");
  expect(scrolls, "the micro-grid chips scroll sideways").toBe(true);
}

test("the committee finds members by name and filters them with chips on a phone", async ({ page }, info) => {
  await openDirectory(page);
  await settle(page);
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  info.annotations.push({ type: "height at 360 px, first page", description: String(height) });
  console.log(`member directory at 360 px: ${height} px tall`);
  await findAndFilter(page);
  await checkPage(page, "members-micro-grid", info);
});

test("the member directory's search and chips work in large text (大字)", async ({ page }, info) => {
  await openDirectory(page);
  const toggle = page.getByRole("button", { name: "大字" });
  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-pressed", "true");
  await expect(page.locator("html")).toHaveClass(/large-text/);
  await settle(page);
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  info.annotations.push({ type: "height at 360 px in large text, first page", description: String(height) });
  console.log(`member directory at 360 px in large text: ${height} px tall`);
  // Chips and the search button keep their words on one line.
  const wrapped = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>(".chip, .member-search .btn")]
      .filter((el) => {
        const r = document.createRange();
        r.selectNodeContents(el);
        return new Set([...r.getClientRects()].map((x) => Math.round(x.top))).size > 1;
      })
      .map((el) => el.textContent),
  );
  expect(wrapped, "labels broken over two lines").toEqual([]);
  await findAndFilter(page);
  await checkPage(page, "members-large-text", info);
});
