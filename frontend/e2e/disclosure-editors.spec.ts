import type { Browser, Page } from "@playwright/test";
import { COMMITTEE, RESIDENT, enterVillage, expect, gql, login, logout, openWorkbench, pathOf, test } from "./helpers";

// The disclosure editor beyond the finance story of disclosures.spec.ts:
// the committee drafts a 党务 item and deletes the draft (no one else ever
// saw it); drafts, publishes and withdraws a 权力事项 with its reason (a
// new version: the page says it was withdrawn, and why, and both versions
// stay public); publishes a 党务 item that anyone finds on the list. The
// server's errors stand next to their fields, in Chinese. Then the list's
// status and period chips, an earlier version's notice and full text, and
// the preview of a correction's draft.
//
// What this leaves behind (published items are never deleted) is a 党务
// item and a withdrawn 权力事项, both dated today and so published on time:
// nothing overdue, no question, no finance period, and no draft (the
// correction's draft is deleted), so the later specs' lists, records and
// to-dos are as they were (the home's 最新公开 shows the newest three
// either way).

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
  // Nor is there a chip for drafts, which are their editors' alone.
  const statuses = anyone.page.getByRole("group", { name: "按状态筛选" });
  await expect(statuses.getByRole("button", { name: "已撤回", exact: true })).toBeVisible();
  await expect(statuses.getByRole("button", { name: "草稿", exact: true })).toHaveCount(0);
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

/** openList goes to the village's 公开 from its home and returns the community's ID (from the address). */
async function openList(page: Page): Promise<string> {
  await enterVillage(page);
  await page.getByRole("navigation", { name: "常用操作" }).getByRole("link", { name: "公开", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "公开" })).toBeVisible();
  return new URL(page.url()).pathname.split("/")[2];
}

/**
 * lastQuarter is the last quarter of village affairs the demo publishes
 * (the one before the quarter holding last month) and its last month, a
 * finance month the demo publishes too: { year: 2026, q: 3, month: 9 }.
 */
function lastQuarter(now = new Date()) {
  const [y, m] = new Intl.DateTimeFormat("en-CA", { timeZone: ZONE, year: "numeric", month: "2-digit" }).format(now).split("-").map(Number);
  const last = m === 1 ? { y: y - 1, m: 12 } : { y, m: m - 1 };
  const q = Math.ceil(last.m / 3);
  return q === 1 ? { year: last.y - 1, q: 4, month: 12 } : { year: last.y, q: q - 1, month: (q - 1) * 3 };
}

test("the list filters by status and by a month or quarter of a year, as the server counts, and keeps them in its address", async ({ page }) => {
  await login(page, COMMITTEE);
  const cid = await openList(page);
  /** counted is how many disclosures the server lists the committee with these filters. */
  const counted = async (filters: Record<string, unknown>) =>
    (
      await gql<{ community: { disclosures: { totalCount: number } } }>(
        page,
        `query ($id: ID!, $kind: DisclosureKind, $state: DisclosureState, $late: Boolean, $year: Int, $period: String) {
          community(id: $id) { disclosures(kind: $kind, state: $state, late: $late, year: $year, period: $period) { totalCount } }
        }`,
        { id: cid, ...filters },
      )
    ).community.disclosures.totalCount;
  const count = page.getByText(/^共 \d+ 项公开$/);
  const cards = page.getByRole("list", { name: "公开事项" }).getByRole("article");

  // The status chips, 草稿 for the committee, who edits drafts.
  const statuses = page.getByRole("group", { name: "按状态筛选" });
  await expect(statuses.getByRole("button")).toHaveText(["全部状态", "已公布", "按时公开", "逾期公开", "已撤回", "草稿"]);
  await statuses.getByRole("button", { name: "已撤回", exact: true }).click();
  await expect(page).toHaveURL(/status=withdrawn/);
  await expect(count).toHaveText(`共 ${await counted({ state: "WITHDRAWN" })} 项公开`);
  await expect(cards.filter({ hasNotText: "已撤回" })).toHaveCount(0);
  await statuses.getByRole("button", { name: "逾期公开", exact: true }).click();
  await expect(count).toHaveText(`共 ${await counted({ late: true })} 项公开`);

  // On time, in the last quarter's year and its last month: that month's finance.
  const { year, q, month } = lastQuarter();
  const mm = String(month).padStart(2, "0");
  await statuses.getByRole("button", { name: "按时公开", exact: true }).click();
  await page.getByRole("group", { name: "按年份筛选" }).getByRole("button", { name: `${year}年`, exact: true }).click();
  const periods = page.getByRole("group", { name: "按期间筛选" });
  await periods.getByRole("button", { name: `${month}月`, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`period=${year}-${mm}`));
  expect(await counted({ late: false, year, period: `${year}-${mm}` })).toBe(1);
  await expect(count).toHaveText("共 1 项公开");
  await expect(cards).toHaveCount(1);
  await expect(cards.first().getByRole("link", { name: `${year}年${month}月财务收支公开` })).toBeVisible();

  // Village affairs go by quarter: a new kind lets the month go, and offers quarters only.
  await page.getByRole("group", { name: "按类别筛选" }).getByRole("button", { name: "村务", exact: true }).click();
  await expect(page).not.toHaveURL(/period=/);
  await expect(periods.getByRole("button", { name: `${month}月`, exact: true })).toHaveCount(0);
  const quarter = `第${"一二三四"[q - 1]}季度`;
  await periods.getByRole("button", { name: quarter, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`period=${year}-Q${q}`));
  await expect(count).toHaveText(`共 ${await counted({ kind: "VILLAGE", late: false, year, period: `${year}-Q${q}` })} 项公开`);
  await expect(cards).toHaveCount(1);

  // The filters survive a reload.
  await page.reload();
  await expect(periods.getByRole("button", { name: quarter, exact: true })).toHaveAttribute("aria-pressed", "true");
  await expect(statuses.getByRole("button", { name: "按时公开", exact: true })).toHaveAttribute("aria-pressed", "true");
  await expect(cards).toHaveCount(1);

  // Nothing matches a withdrawn quarter of village affairs: the empty state says so and clears the filters.
  await statuses.getByRole("button", { name: "已撤回", exact: true }).click();
  await expect(page.getByText("没有符合条件的公开事项。")).toBeVisible();
  await page.getByRole("button", { name: "清除全部筛选" }).click();
  await expect(page).toHaveURL(/\/disclosures\??$/);
  await expect(count).toHaveText(`共 ${await counted({})} 项公开`);
});

test("an earlier version prints its own notice, whose QR code opens that version in full", async ({ page }) => {
  await login(page, RESIDENT);
  await openList(page);
  await page.getByRole("group", { name: "按类别筛选" }).getByRole("button", { name: "财务", exact: true }).click();
  // August was corrected: its first version swapped two amounts (路灯电费 ¥4,280.00, then ¥3,120.60).
  await page.getByRole("list", { name: "公开事项" }).getByRole("link", { name: /年8月财务收支公开$/ }).click();
  await page.getByRole("navigation", { name: "公开内容" }).getByRole("link", { name: "版本", exact: true }).click();
  await page.getByRole("region", { name: "历次版本" }).getByRole("link", { name: "打印公示栏：第 1 版" }).click();

  await expect(page.getByRole("heading", { level: 1, name: /年8月财务收支公开$/ })).toBeVisible();
  await expect(page.getByText(/^第 1 版（首次公布） · /)).toBeVisible();
  await expect(page.getByText("这是第 1 版，现行的是第 2 版：扫码查看历次版本和改动。")).toBeVisible();
  const lighting = page.getByRole("list", { name: "收支明细" }).getByRole("listitem").filter({ hasText: "路灯电费" });
  await expect(lighting).toContainText("¥4,280.00");
  await expect(page.getByRole("img", { name: "网上版本的二维码" })).toBeVisible();
  const online = page.getByText(/\/disclosures\/[^/?]+\?tab=versions&version=1$/);
  await expect(online).toBeVisible();

  // What the code opens: the versions, with the first one's full text.
  await page.goto(pathOf((await online.textContent())!));
  const full = page.getByRole("region", { name: "第 1 版全文" });
  await expect(full.getByRole("list", { name: "收支明细" }).getByRole("listitem").filter({ hasText: "路灯电费" })).toContainText("¥4,280.00");
  await expect(page.getByRole("region", { name: "历次版本" }).getByRole("listitem").filter({ hasText: "第 1 版" })).toContainText("正在查看");
  await expect(page.getByRole("link", { name: "收起全文：第 1 版" })).toBeVisible();
});

test("the committee previews a correction's draft as a notice, marked as not public, then deletes the draft", async ({ page }) => {
  const reason = "公告日期有误，予以更正。";
  const added = "（本公告以更正后的版本为准。）";
  await login(page, COMMITTEE);
  await openList(page);
  await page.getByRole("group", { name: "按类别筛选" }).getByRole("button", { name: "党务", exact: true }).click();
  await page.getByRole("group", { name: "按状态筛选" }).getByRole("button", { name: "已公布", exact: true }).click();
  await expect(page).toHaveURL(/kind=PARTY&status=published/);
  await page.getByRole("list", { name: "公开事项" }).getByRole("article").first().getByRole("link").first().click();
  await page.getByRole("link", { name: "发布更正" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "发布更正" })).toBeVisible();
  await page.getByLabel("更正原因").fill(reason);
  const body = page.getByLabel("正文");
  await body.fill((await body.inputValue()) + added);
  await page.getByRole("button", { name: "保存草稿" }).click();
  await expect(page.getByText("草稿已保存，公布前只有村委会能看到。")).toBeVisible();
  const edit = page.url();
  expect(edit).toMatch(/\/edit$/);

  await page.getByRole("link", { name: "预览公示栏（草稿）" }).click();
  await expect(page).toHaveURL(/\/notice\?draft=1$/);
  await expect(page.getByText("草稿预览，未公开：内容还会修改，不要张贴。")).toBeVisible();
  await expect(page.getByText(/^第 \d+ 版（更正）$/)).toBeVisible();
  await expect(page.getByText(`更正原因：${reason}`)).toBeVisible();
  await expect(page.getByRole("main")).toContainText(added);
  // No QR code to a page that does not exist yet, and no record entry.
  await expect(page.getByRole("img", { name: "网上版本的二维码" })).toHaveCount(0);
  await expect(page.getByText("公信链记录")).toHaveCount(0);

  await page.getByRole("link", { name: "返回编辑草稿" }).click();
  await expect(page).toHaveURL(edit);
  await page.getByRole("button", { name: "删除草稿" }).click();
  await page.getByRole("alertdialog", { name: "删除这份草稿？" }).getByRole("button", { name: "确认删除" }).click();
  await expect(page.getByText("草稿已删除。")).toBeVisible();
  await expect(page.getByRole("main")).not.toContainText(added);
});
