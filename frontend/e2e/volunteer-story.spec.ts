import type { Browser, Page } from "@playwright/test";
import {
  COMMITTEE,
  DEMO_PASSWORD,
  GRID_WORKER,
  checkPage,
  enterVillage,
  expect,
  largeText,
  login,
  moveClock,
  openWorkbench,
  settle,
  test,
  wrappedLabels,
} from "./helpers";

// 志愿服务 end to end (seed/volunteers.go: 助老服务队 of 15 in 小古城村).
// The grid worker 钱晓燕 asks for a ride to the clinic for 沈桂英, an
// assisted resident of 上溪组, on the coming Thursday; the committee sees
// the best candidates with why, factor by factor, and invites the first;
// that volunteer claims it (and then sees the address), checks in with the
// place's code ten minutes before the start (the server's test clock and
// the browsers' clocks move to then), is checked out by the committee, who
// confirms the 1.5 hours; the volunteer's 我的时长 has them, and a
// certificate of this month counts them. Then two volunteers claim the
// last place of 冬至为独居老人包饺子 at once: one holds it, the other waits
// (候补第 1 位) and holds it once the first cancels; the second cancels too,
// so the need is as the demo left it (2 of 3 places, nobody waiting) for
// volunteer.spec.ts. The clock is put back after each test.

const ZONE = "Asia/Shanghai";
const RIDE = "陪沈桂英去卫生院复诊";
const RIDE_ADDRESS = "上溪组 6 号";
const SOLSTICE = "冬至为独居老人包饺子";
/** The volunteers of 助老服务队 who have 助老 (elderly_care), by name: those the ride may be offered to. */
const CARERS: Record<string, string> = {
  陈桂芳: "chen.guifang@xiaogucheng.example",
  沈月娥: "shen.yuee@xiaogucheng.example",
  潘素珍: "pan.suzhen@xiaogucheng.example",
  王海军: "wang.haijun@xiaogucheng.example",
  方红英: "fang.hongying@xiaogucheng.example",
  徐丽华: "xu.lihua@xiaogucheng.example",
  杨秀兰: "yang.xiulan@xiaogucheng.example",
  吴美华: "wu.meihua@xiaogucheng.example",
  蒋德明: "jiang.deming@xiaogucheng.example",
};

/** dayOf is the day (2026-12-03) of an instant in the village's zone. */
function dayOf(d: Date): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: ZONE, year: "numeric", month: "2-digit", day: "2-digit" }).format(d);
}

/** comingThursday is the next Thursday in the village's zone: a week on when today is one. */
function comingThursday(now = new Date()): string {
  const weekday = new Intl.DateTimeFormat("en-US", { timeZone: ZONE, weekday: "short" }).format(now);
  const today = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"].indexOf(weekday);
  const days = (4 - today + 7) % 7 || 7;
  return dayOf(new Date(now.getTime() + days * 86_400_000));
}

/** at is a time of a day in the village's zone (UTC+8, no summer time). */
function at(day: string, time: string): Date {
  return new Date(`${day}T${time}:00+08:00`);
}

/**
 * as logs a demo account in, in a context of its own, with the guard of
 * helpers.ts's test: a CSP violation or an uncaught error fails the test.
 */
async function as(browser: Browser, email: string, problems: string[]): Promise<Page> {
  const context = await browser.newContext();
  context.on("page", (page) => {
    page.on("console", (m) => {
      if (m.type() === "error" && /Content Security Policy|Refused to/i.test(m.text())) problems.push(m.text());
    });
    page.on("pageerror", (e) => problems.push(String(e)));
  });
  const page = await context.newPage();
  await login(page, email, DEMO_PASSWORD);
  await enterVillage(page);
  return page;
}

/** villageId reads the village's ID from the address. */
function villageId(page: Page): string {
  return new URL(page.url()).pathname.split("/")[2];
}

/** openVolunteer opens 志愿服务 from the home page's 我的任务. */
async function openVolunteer(page: Page) {
  await page.getByRole("region", { name: "我的任务" }).getByRole("link", { name: "志愿服务", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "志愿服务" })).toBeVisible();
}

/** openNeedForMe opens a need from 适合我的需求 on 志愿服务. */
async function openNeedForMe(page: Page, title: string) {
  await page.goto(`/c/${villageId(page)}/volunteer`);
  await expect(page.getByRole("heading", { level: 1, name: "志愿服务" })).toBeVisible();
  await page.getByRole("region", { name: "适合我的需求" }).getByRole("link", { name: `查看并认领：${title}` }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
}

/** balanceOf reads the figure of 时间银行余额 on 我的时长. */
async function balanceOf(page: Page): Promise<number> {
  const figure = page.getByRole("region", { name: "时间银行余额" }).locator(".vd-big");
  await expect(figure).toHaveText(/^\d+\.\d$/);
  return Number(await figure.textContent());
}

/**
 * patrolHours adds up the 巡防 lines of 时长记录: the jobs credit walked
 * patrol shifts once a day, so moving the clock can bring some in (the
 * patrol browser tests walk shifts of demo patrollers who volunteer).
 */
async function patrolHours(page: Page): Promise<number> {
  const items = await page.getByRole("list", { name: "时长记录" }).getByRole("listitem").allTextContents();
  let sum = 0;
  for (const text of items) {
    const h = text.match(/\+(\d+\.\d) 小时/);
    if (h && text.includes("巡防")) sum += Number(h[1]);
  }
  return Math.round(sum * 10) / 10;
}

/** hoursSince adds up the hours of 时长记录 (service and corrections) dated from a day on, as a certificate from then counts them. */
async function hoursSince(page: Page, from: string): Promise<number> {
  const items = await page.getByRole("list", { name: "时长记录" }).getByRole("listitem").allTextContents();
  let sum = 0;
  for (const text of items) {
    const d = text.match(/(\d{4})年(\d{1,2})月(\d{1,2})日/);
    const h = text.match(/([+−])(\d+\.\d) 小时/);
    if (!d || !h || text.includes("兑换")) continue;
    const day = `${d[1]}-${d[2].padStart(2, "0")}-${d[3].padStart(2, "0")}`;
    if (day >= from) sum += (h[1] === "−" ? -1 : 1) * Number(h[2]);
  }
  return Math.round(sum * 10) / 10;
}

test.afterEach(async ({ request }) => {
  const res = await request.post("/test/clock?reset=1");
  expect([200, 404]).toContain(res.status());
});

test("a grid worker asks for a ride to the clinic; the best candidate, invited, claims it, checks in, and is credited 1.5 hours", async ({ browser, page, context, request }, info) => {
  const problems: string[] = [];
  const thursday = comingThursday();
  const monthStart = `${thursday.slice(0, 8)}01`;
  try {
    // 钱晓燕 asks for help for 沈桂英, a resident of her grid: open at once, no approval.
    const worker = await as(browser, GRID_WORKER, problems);
    await worker.goto(`/c/${villageId(worker)}/volunteer`);
    await worker.getByRole("navigation", { name: "志愿服务操作" }).getByRole("link", { name: "发布需求" }).click();
    await expect(worker.getByRole("heading", { level: 1, name: "发布需求" })).toBeVisible();
    await worker.getByLabel("为谁发布").selectOption({ label: "沈桂英 · 上溪组" });
    await worker.getByLabel("需要什么帮助").fill(RIDE);
    await worker.getByLabel(/^详细说明/).fill("沈阿婆腿脚不便，请陪她坐公交去径山镇卫生院复诊，记得带上医保卡和病历本。");
    const required = worker.getByRole("group", { name: "必需技能" });
    await required.getByRole("button", { name: "助老", exact: true }).click();
    await expect(required.getByRole("button", { name: "助老", exact: true })).toHaveAttribute("aria-pressed", "true");
    await worker.getByLabel("日期", { exact: true }).fill(thursday);
    await worker.getByLabel("开始时间").fill("09:00");
    await worker.getByLabel("结束时间").fill("10:30");
    // The resident's micro-grid comes with her.
    await expect(worker.getByLabel("服务地点所在的微网格").locator("option:checked")).toHaveText("上溪组");
    await worker.getByLabel("详细地址").fill(RIDE_ADDRESS);
    await expect(worker.getByLabel("需要几位志愿者")).toHaveValue("1");
    await worker.getByRole("button", { name: "发布需求" }).click();
    await expect(worker.getByRole("heading", { level: 1, name: RIDE })).toBeVisible();
    await expect(worker.getByRole("status").filter({ hasText: "需求已发布。" })).toBeVisible();
    await expect(worker.getByRole("region", { name: "需求状态" })).toContainText("已认领 0/1 人，还差 1 人");
    const details = worker.getByRole("region", { name: "需求详情" });
    await expect(details).toContainText("受助人沈桂英");
    await expect(details).toContainText("第二网格（溪口片） · 上溪组");
    await expect(details).toContainText("09:00–10:30");
    const needPath = new URL(worker.url()).pathname;
    await worker.context().close();

    // The committee finds it on the board with its three best candidates and why, then the full ranking on the need.
    // (The board lists what starts within 7 days: on a Thursday morning, next Thursday's ride is not there yet.)
    await login(page, COMMITTEE);
    await enterVillage(page);
    let boardFirst = "";
    if (at(thursday, "09:00").getTime() - Date.now() < 7 * 86_400_000 - 10 * 60_000) {
      await openWorkbench(page, "志愿服务");
      await expect(page.getByRole("heading", { level: 1, name: "志愿服务协调台" })).toBeVisible();
      const card = page.getByRole("list", { name: "一周内还缺人的服务" }).getByRole("article").filter({ hasText: RIDE });
      await expect(card).toContainText("还缺 1 人（共 1 人）");
      await expect(card.getByRole("list", { name: /^为什么推荐/ })).toHaveCount(3);
      boardFirst = ((await card.locator(".vd-candidate strong").first().textContent()) ?? "").trim();
      await card.getByRole("link", { name: RIDE }).click();
    } else {
      await page.goto(needPath);
    }
    await expect(page.getByRole("heading", { level: 1, name: RIDE })).toBeVisible();
    const tabs = page.getByRole("navigation", { name: "需求内容" });
    await tabs.getByRole("link", { name: "推荐", exact: true }).click();
    const ranked = page.locator(".candidate-card");
    await expect(ranked.nth(2)).toBeVisible();
    // The three best have their reasons unfolded: each factor with its words and points.
    for (let i = 0; i < 3; i++) {
      const why = ranked.nth(i).locator("details.why");
      await expect(why).toHaveAttribute("open", "");
      await expect(why.locator("summary")).toHaveText(/^为什么推荐\S+$/);
      await expect(why.locator(".factor-list li")).toHaveCount(6);
      await expect(why.locator(".factor-name", { hasText: "技能" })).toBeVisible();
      await expect(why.locator(".factor-detail").first()).not.toBeEmpty();
      await expect(why.locator(".factor-points").first()).toHaveText(/^\d+(\.\d)?\/\d+ 分$/);
    }
    const first = ((await ranked.first().locator("label").textContent()) ?? "").replace(/^1\.\s*/, "").trim();
    if (boardFirst) expect(first, "the board and the need rank the same volunteer first").toBe(boardFirst);
    const email = CARERS[first];
    expect(email, `${first} is one of 助老服务队's carers`).toBeTruthy();
    await ranked.first().getByRole("checkbox").check();
    await page.getByRole("button", { name: "邀请 1 人" }).click();
    await expect(page.getByRole("status").filter({ hasText: "已邀请 1 人。" })).toBeVisible();
    // The ranking keeps the invitation: the first is marked and cannot be invited twice.
    await expect(ranked.first().getByText("已邀请", { exact: true })).toBeVisible();
    await expect(ranked.first().getByRole("checkbox")).toBeDisabled();

    // The volunteer: the balance before, then the ride among the needs for them; the address only once claimed.
    const volunteer = await as(browser, email, problems);
    await openVolunteer(volunteer);
    await volunteer.getByRole("navigation", { name: "志愿服务操作" }).getByRole("link", { name: "我的时长" }).click();
    await expect(volunteer.getByRole("heading", { level: 1, name: "我的时长" })).toBeVisible();
    const before = await balanceOf(volunteer);
    const monthBefore = await hoursSince(volunteer, monthStart);
    const patrolBefore = await patrolHours(volunteer);
    await openNeedForMe(volunteer, RIDE);
    const vDetails = volunteer.getByRole("region", { name: "需求详情" });
    await expect(vDetails).toContainText("认领后可见详细地址");
    await expect(vDetails).not.toContainText(RIDE_ADDRESS);
    await volunteer.getByRole("button", { name: "认领", exact: true }).click();
    await volunteer.getByRole("button", { name: "确认：认领" }).click();
    await expect(volunteer.getByRole("status").filter({ hasText: "认领成功" })).toBeVisible();
    await expect(vDetails).toContainText(RIDE_ADDRESS);
    await expect(volunteer.getByRole("region", { name: "需求状态" })).toContainText("已认领 1/1 人，名额已满");
    await expect(volunteer.getByText("服务开始前 1 小时可以签到。")).toBeVisible();

    // The place's code, as printed under the QR code.
    await tabs.getByRole("link", { name: "签到码", exact: true }).click();
    const code = ((await page.locator(".need-qr-code").textContent()) ?? "").trim();
    expect(code).toMatch(/^[A-Z2-7]{8}$/);

    // Thursday, 08:50: the volunteer scans the code (its link) and checks in.
    await moveClock(request, at(thursday, "08:50"), volunteer.context(), context);
    await volunteer.goto(`${needPath}?code=${code}`);
    const scan = volunteer.getByRole("region", { name: "扫码签到" });
    await expect(scan.getByLabel("签到码")).toHaveValue(code);
    // One form to check in with, not one more in the claim's card.
    await expect(volunteer.getByRole("button", { name: "签到", exact: true })).toHaveCount(1);
    await checkPage(volunteer, "need-check-in", info);
    await largeText(volunteer, true);
    expect(await wrappedLabels(volunteer)).toEqual([]);
    await largeText(volunteer, false);
    await scan.getByRole("button", { name: "签到", exact: true }).click();
    await expect(volunteer.getByRole("status").filter({ hasText: "签到成功。" })).toBeVisible();
    await expect(volunteer.getByText(/^签到时间：.*08:5\d/).first()).toBeVisible();

    // 10:32: the committee checks the volunteer out and confirms the 1.5 hours the times give.
    await moveClock(request, at(thursday, "10:32"), volunteer.context(), context);
    await page.goto(`${needPath}?tab=claims`);
    const claim = page.locator(".claim-card").filter({ hasText: first });
    await expect(claim).toContainText("已签到");
    await claim.getByRole("button", { name: `代为签退：${first}` }).click();
    await expect(page.getByRole("status").filter({ hasText: `已为${first}签退。` })).toBeVisible();
    await expect(claim).toContainText("已签退");
    const hours = claim.getByLabel(`${first}的服务时长（小时）`);
    await expect(hours).toHaveValue("1.5");
    await checkPage(page, "need-claims-confirm", info);
    await largeText(page, true);
    expect(await wrappedLabels(page)).toEqual([]);
    await largeText(page, false);
    await claim.getByRole("button", { name: `确认时长：${first}` }).click();
    const sheet = page.getByRole("alertdialog");
    await expect(sheet).toContainText(`确认${first}服务 1.5 小时？`);
    await sheet.getByRole("button", { name: "确认时长" }).click();
    await expect(page.getByRole("status").filter({ hasText: `已为${first}确认 1.5 小时。` })).toBeVisible();
    await expect(claim).toContainText("时长已确认");
    await expect(claim).toContainText("已确认 1.5 小时");

    // The volunteer's 我的时长: 1.5 hours more, and this month's certificate counts them.
    // On the need, the ride is over and folds away with its hours.
    await volunteer.goto(needPath);
    await volunteer.getByText("已过去的 1 次").click();
    await expect(volunteer.getByText("服务时长 1.5 小时，已记入时间银行。")).toBeVisible();
    await volunteer.goto(`/c/${villageId(volunteer)}/volunteer/hours`);
    await expect(volunteer.getByRole("heading", { level: 1, name: "我的时长" })).toBeVisible();
    // 1.5 hours more, besides any walked patrol the jobs credited meanwhile.
    const patrolled = (await patrolHours(volunteer)) - patrolBefore;
    expect(await balanceOf(volunteer)).toBeCloseTo(before + 1.5 + patrolled, 5);
    const record = volunteer.getByRole("list", { name: "时长记录" }).getByRole("listitem").filter({ hasText: RIDE }).first();
    await expect(record).toContainText("+1.5 小时");
    await volunteer.getByLabel("开始日期").fill(monthStart);
    await volunteer.getByLabel("结束日期").fill(thursday);
    await volunteer.getByRole("button", { name: "开具证明" }).click();
    await expect(volunteer.getByRole("status").filter({ hasText: "证明已开具。" })).toBeVisible();
    // The certificate counts the records dated in its period: the ride's
    // 1.5 hours on top of what was there, and any patrol credited meanwhile.
    const month = (await hoursSince(volunteer, monthStart)).toFixed(1);
    expect(Number(month)).toBeGreaterThanOrEqual(monthBefore + 1.5 - 1e-9);
    await expect(volunteer.getByRole("list", { name: "已开具的证明" }).getByRole("listitem").first()).toContainText(`服务 ${month} 小时`);
    await checkPage(volunteer, "volunteer-hours-after-ride", info);
    await volunteer.getByRole("link", { name: "查看并打印" }).click();
    await expect(volunteer.getByRole("heading", { level: 1, name: "志愿服务证明" })).toBeVisible();
    await expect(volunteer.getByText(`兹证明 ${first} 于`)).toBeVisible();
    await expect(volunteer.getByRole("definition").filter({ hasText: "小时" }).first()).toContainText(month);
    await volunteer.context().close();
  } finally {
    // Back to the real time whatever failed (afterEach checks it again).
    await request.post("/test/clock?reset=1");
  }
  expect(problems, "CSP violations or page errors").toEqual([]);
});

test("two volunteers claim the last place at once: one holds it, the other waits and takes it when the first cancels", async ({ browser }, info) => {
  const problems: string[] = [];
  const a = await as(browser, CARERS.蒋德明, problems);
  const b = await as(browser, CARERS.沈月娥, problems);
  try {
    for (const p of [a, b]) {
      await openNeedForMe(p, SOLSTICE);
      await expect(p.getByRole("region", { name: "需求状态" })).toContainText("已认领 2/3 人，还差 1 人");
      await p.getByRole("button", { name: "认领", exact: true }).click();
      await expect(p.getByText(/^确认认领 .+ 的服务？$/)).toBeVisible();
    }
    // Both confirm at once.
    await Promise.all([a.getByRole("button", { name: "确认：认领" }).click(), b.getByRole("button", { name: "确认：认领" }).click()]);
    const done = (p: Page) => p.getByRole("status").filter({ hasText: /认领成功|您已进入候补/ });
    await expect(done(a)).toBeVisible();
    await expect(done(b)).toBeVisible();
    const aHolds = /认领成功/.test((await done(a).textContent()) ?? "");
    const [holder, waiter] = aHolds ? [a, b] : [b, a];
    await expect(done(holder)).toContainText("认领成功，您是第 3 位。");
    await expect(done(waiter)).toContainText("名额已满，您已进入候补，排第 1 位。");
    await expect(waiter.getByText("候补第 1 位", { exact: true })).toBeVisible();
    await expect(waiter.getByRole("region", { name: "需求详情" })).toContainText("认领后可见详细地址");
    await expect(holder.getByRole("region", { name: "需求详情" })).toContainText("老年活动室");
    await checkPage(waiter, "need-waitlisted", info);
    await largeText(waiter, true);
    expect(await wrappedLabels(waiter)).toEqual([]);
    await largeText(waiter, false);

    // The holder cancels; the one waiting holds the place now.
    await holder.getByRole("button", { name: "取消认领" }).click();
    await holder.getByRole("alertdialog").getByRole("button", { name: "确认取消认领" }).click();
    await expect(holder.getByRole("status").filter({ hasText: "已取消认领" })).toBeVisible();
    await expect(holder.getByRole("region", { name: "需求状态" })).toContainText("已认领 3/3 人，名额已满");
    await expect(holder.getByRole("button", { name: "候补", exact: true })).toBeVisible();
    await waiter.reload();
    await expect(waiter.getByText("我认领的第 3 个名额")).toBeVisible();
    await expect(waiter.getByText("候补第 1 位", { exact: true })).toHaveCount(0);
    await expect(waiter.getByRole("region", { name: "需求详情" })).toContainText("老年活动室");
    await expect(waiter.getByRole("region", { name: "需求状态" })).toContainText("已认领 3/3 人，名额已满");

    // The second cancels too: the need is as the demo left it, 2 of 3, nobody waiting.
    await waiter.getByRole("button", { name: "取消认领" }).click();
    await waiter.getByRole("alertdialog").getByRole("button", { name: "确认取消认领" }).click();
    await expect(waiter.getByRole("status").filter({ hasText: "已取消认领" })).toBeVisible();
    await expect(waiter.getByRole("region", { name: "需求状态" })).toContainText("已认领 2/3 人，还差 1 人");
    await holder.reload();
    await expect(holder.getByRole("region", { name: "需求状态" })).toContainText("已认领 2/3 人，还差 1 人");
    await expect(holder.getByRole("button", { name: "认领", exact: true })).toBeVisible();
  } finally {
    // Whatever failed, leave the need as it was for the specs after this one.
    for (const p of [a, b]) await release(p);
    await a.context().close();
    await b.context().close();
  }
  expect(problems, "CSP violations or page errors").toEqual([]);
});

/** release takes a volunteer off the need they have open: out of its waitlist, and their claim cancelled. */
async function release(page: Page) {
  await page.reload();
  await settle(page);
  const leave = page.getByRole("button", { name: "退出候补" });
  if (await leave.isVisible()) {
    await leave.click();
    await expect(page.getByRole("status").filter({ hasText: "已退出候补" })).toBeVisible();
  }
  const cancel = page.getByRole("button", { name: "取消认领" });
  if (await cancel.isVisible()) {
    await cancel.click();
    await page.getByRole("alertdialog").getByRole("button", { name: "确认取消认领" }).click();
    await expect(page.getByRole("status").filter({ hasText: "已取消认领" })).toBeVisible();
  }
}
