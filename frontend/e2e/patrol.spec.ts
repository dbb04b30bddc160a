import type { Page } from "@playwright/test";
import { GRID_WORKER, RESIDENT, checkPage, enterVillage, expect, gql, largeText, login, logout, moveClock, test, wrappedLabels } from "./helpers";

// 巡防 (seed/patrols.go: 古城武林大妈巡防队 of 24 in 小古城村, this month
// published, reports in every state, two parking reports in 古城一组 this
// month): the captain generates next month's roster, reads its spread
// beside its lower bound and publishes it; a member reads their shifts and
// the team's loads, at 360 px in large text too; a patroller checks in at
// three checkpoints by their QR links (the clocks moved to the shift); the
// grid worker refers a blocked fire exit to the property firm; a dispute
// goes to the 和事佬, who records an agreement the parties confirm; and a
// third parking report in 古城一组 makes the grid worker's suggestion
// appear, which they escalate into a topic.

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
  // Publishing asks first; Escape keeps it a draft, then it is published.
  await page.getByRole("button", { name: "发布", exact: true }).click();
  await expect(page.getByRole("alertdialog")).toContainText("发布后不能重新生成");
  await page.keyboard.press("Escape");
  await expect(page.getByRole("alertdialog")).toHaveCount(0);
  await expect(status).toContainText("草稿，未发布");
  await page.getByRole("button", { name: "发布", exact: true }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "确定发布" }).click();
  await expect(page.getByText("已发布，队员可以看到自己的班次了。")).toBeVisible();
  await expect(status).toContainText("已发布");
  await expect(status).toContainText(/最大差距 \d+(\.\d)?，下限 \d+(\.\d)?/);
  await expect(page.getByRole("button", { name: /^(生成排班|重新生成)$/ })).toHaveCount(0);
  // 24 members, each with a load; every day has its two shifts (and those
  // of any template patrol-team.spec.ts added), each with its patrollers.
  await expect(page.locator(".patrol-loads .patrol-load")).toHaveCount(24);
  expect(await page.locator(".patrol-cal-shift").count()).toBeGreaterThanOrEqual(2 * 28);
  await expect(page.locator(".patrol-week").first().locator(".patrol-cal-shift").first().locator("p")).not.toHaveText("暂无人");
});

test("a member reads their shifts and the team's loads, in large text at 360 px", async ({ page }, info) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await login(page, RESIDENT);
  await enterVillage(page);
  await page.getByRole("navigation", { name: "常用操作" }).getByRole("link", { name: "巡防" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "巡防" })).toBeVisible();
  await expect(page.getByText(/古城武林大妈巡防队 · 队长 沈月娥/)).toBeVisible();
  const mine = page.getByRole("region", { name: "我的班次" });
  await expect(mine).toBeVisible();
  await expect(mine.locator(".patrol-shift").first().or(mine.getByText("这个月和下个月都没有待巡的班次。"))).toBeVisible();
  const loads = page.getByRole("region", { name: "队员工作量" });
  await expect(loads).toContainText(/最多与最少相差/);
  await expect(loads.locator(".patrol-load").first()).toContainText(/班，计/);
  await expect(page.getByRole("navigation", { name: "巡防操作" }).getByRole("link", { name: "上报" })).toBeVisible();
  await checkPage(page, "patrol-member", info);
  await largeText(page, true);
  expect(await wrappedLabels(page)).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  await largeText(page, false);
  await page.getByRole("link", { name: "队员、路线与动态" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "古城武林大妈巡防队" })).toBeVisible();
});

test.afterEach(async ({ request }) => {
  const res = await request.post("/test/clock?reset=1");
  expect([200, 404]).toContain(res.status());
});

interface Shift {
  id: string;
  start: string;
  state: string;
}

/** nextShift is the viewer's first place starting more than an hour from now, this month or the next. */
async function nextShift(page: Page, communityId: string): Promise<Shift> {
  for (const month of [monthOf(new Date()), nextMonth()]) {
    const data = await gql<{ community: { patrolTeams: { myShifts: Shift[] }[] } }>(
      page,
      "query($id: ID!, $month: String!) { community(id: $id) { patrolTeams { myShifts(month: $month) { id start state } } } }",
      { id: communityId, month },
    );
    const s = data.community.patrolTeams
      .flatMap((t) => t.myShifts)
      .find((x) => x.state === "ASSIGNED" && new Date(x.start).getTime() > Date.now() + 3600_000);
    if (s) return s;
  }
  throw new Error("no shift to walk this month or the next");
}

/** checkpointCodes reads the codes of the village route's checkpoints, as its captain. */
async function checkpointCodes(page: Page, communityId: string): Promise<string[]> {
  const data = await gql<{ community: { patrolTeams: { routes: { checkpoints: { code: string }[] }[] }[] } }>(
    page,
    "query($id: ID!) { community(id: $id) { patrolTeams { routes { checkpoints { code } } } } }",
    { id: communityId },
  );
  return data.community.patrolTeams[0].routes[0].checkpoints.map((c) => c.code);
}

/** monthOf is a time's month in Shanghai, written 2026-11. */
function monthOf(at: Date): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit" }).format(at).slice(0, 7);
}

test("a patroller checks in at three checkpoints by their QR links", async ({ page, context, request }) => {
  await login(page, CAPTAIN);
  await enterVillage(page);
  const cid = villageId(page);
  const codes = await checkpointCodes(page, cid);
  expect(codes.length).toBeGreaterThanOrEqual(3);
  await logout(page);

  await login(page, RESIDENT);
  await enterVillage(page);
  const shift = await nextShift(page, cid);
  await moveClock(request, new Date(new Date(shift.start).getTime() + 5 * 60_000), context);
  const card = page.locator(".patrol-shift").filter({ has: page.getByRole("button", { name: "签到" }) }).first();
  for (const [i, name] of ["村口公交站", "文化礼堂", "古桥"].entries()) {
    // The QR code opens the page with the checkpoint's code filled in.
    await page.goto(`/c/${cid}/patrol?code=${codes[i]}`);
    await expect(card.getByLabel(/点位码/)).toHaveValue(codes[i]);
    await card.getByRole("button", { name: "签到" }).click();
    await expect(page.getByText("已签到。")).toBeVisible();
    await expect(card.locator(".patrol-passed")).toContainText(name);
  }
  await expect(card).toContainText("已签到");
  await expect(card.locator(".patrol-passed")).toContainText(/村口公交站 \d\d:\d\d、文化礼堂 \d\d:\d\d、古桥 \d\d:\d\d/);
});

test("the captain checks in a member without a phone and marks another missed", async ({ page, context, request }) => {
  await login(page, CAPTAIN);
  await enterVillage(page);
  const cid = villageId(page);
  // Tomorrow's first shift with two patrollers on it.
  const teams = await gql<{ community: { patrolTeams: { id: string }[] } }>(page, "query($id: ID!) { community(id: $id) { patrolTeams { id } } }", { id: cid });
  const tomorrow = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date(Date.now() + 86_400_000));
  const day = await gql<{ node: { dayPositions: { start: string; state: string; user: { name: string } | null }[] } }>(
    page,
    "query($t: ID!, $d: String!) { node(id: $t) { ... on PatrolTeam { dayPositions(day: $d) { start state user { name } } } } }",
    { t: teams.community.patrolTeams[0].id, d: tomorrow },
  );
  const held = day.node.dayPositions.filter((p) => p.state === "ASSIGNED" && p.user);
  const start = held.map((p) => p.start).find((s) => held.filter((p) => p.start === s).length >= 2);
  expect(start, `a shift on ${tomorrow} with two patrollers`).toBeTruthy();
  const [first, second] = held.filter((p) => p.start === start).map((p) => p.user!.name);
  await moveClock(request, new Date(new Date(start!).getTime() + 10 * 60_000), context);
  await page.goto(`/c/${cid}/patrol`);
  const desk = page.getByRole("region", { name: "当天班次（队长）" });
  await expect(desk.getByLabel("日期")).toHaveValue(tomorrow);
  const one = desk.locator(".patrol-day-place").filter({ hasText: first }).first();
  await one.getByLabel("代签到的巡查点").selectOption({ label: "村口公交站" });
  await one.getByRole("button", { name: "代签到" }).click();
  await expect(page.getByText(`已为 ${first} 签到。`)).toBeVisible();
  await expect(one.locator(".patrol-passed")).toContainText(/村口公交站 \d\d:\d\d（沈月娥代签）/);
  const other = desk.locator(".patrol-day-place").filter({ hasText: second }).first();
  await other.getByRole("button", { name: `将 ${second} 记为缺勤` }).click();
  await expect(page.getByRole("alertdialog")).toContainText("计为 0");
  await page.getByRole("alertdialog").getByRole("button", { name: "确定记为缺勤" }).click();
  await expect(page.getByText("已记为缺勤。")).toBeVisible();
  await expect(other).toContainText("缺勤");
});

test("a dispute goes to the 和事佬, who records an agreement the parties confirm", async ({ page }) => {
  const text = `楼上楼下为漏水吵了起来 ${Date.now()}`;
  await login(page, RESIDENT);
  await enterVillage(page);
  await fileReport(page, "纠纷", "古城一组", "古城一组 7 号楼", text);

  await logout(page);
  await login(page, GRID_WORKER);
  await enterVillage(page);
  await page.goto(`/c/${villageId(page)}/patrol/triage`);
  const card = page.locator(".patrol-triage").filter({ hasText: text });
  await card.getByRole("button", { name: /调解/ }).click();
  await card.getByLabel("纠纷双方").fill("7 号楼赵家、孙家");
  await card.getByRole("button", { name: "确认转调解" }).click();
  await expect(page.getByText("已转和事佬调解。")).toBeVisible();

  await logout(page);
  await login(page, "yu.zhihua@xiaogucheng.example");
  await enterVillage(page);
  await page.goto(`/c/${villageId(page)}/patrol`);
  const cases = page.getByRole("region", { name: "和事佬调解" });
  await expect(cases).toContainText(/共 \d+ 件：待接案 \d+/);
  await cases.getByRole("link", { name: "7 号楼赵家、孙家" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "调解案件" })).toBeVisible();
  const status = page.getByRole("region", { name: "案件状态" });
  await expect(status).toContainText("待接案");
  await expect(page.getByRole("region", { name: "来自巡查上报" })).toContainText(text);
  await page.getByRole("button", { name: "接案" }).click();
  await expect(status).toContainText("调解中");
  await page.getByLabel("本次调解情况").fill("上门查看漏水点，双方同意先请物业检修。");
  await page.getByRole("button", { name: "记录调解" }).click();
  await expect(page.getByRole("region", { name: "调解记录" })).toContainText("双方同意先请物业检修");
  await page.getByLabel("协议内容或未达成的原因").fill("孙家一周内修好卫生间防水，赵家承担一半检修费。");
  await page.getByRole("button", { name: "结案" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "确定结案" }).click();
  await expect(status).toContainText("已达成协议");
  for (const party of ["赵家", "孙家"]) {
    await page.getByLabel("确认的当事人").fill(party);
    await page.getByRole("button", { name: "记录确认" }).click();
    await expect(page.getByText("已记录确认。")).toBeVisible();
  }
  await expect(page.locator(".tag-ok").filter({ hasText: "已确认" })).toHaveCount(2);

  // A resident sees the counts, never the case.
  await logout(page);
  await login(page, RESIDENT);
  await enterVillage(page);
  await page.goto(`/c/${villageId(page)}/patrol`);
  const counts = page.getByRole("region", { name: "和事佬调解" });
  await expect(counts).toContainText(/达成协议 [1-9]\d*/);
  await expect(counts.getByRole("link")).toHaveCount(0);
  await expect(page.getByText("7 号楼赵家、孙家")).toHaveCount(0);
});

test("a member swaps a shift; another drops one and a team-mate takes it", async ({ page }) => {
  // 姚伟 offers their next shift; 潘素珍 takes it, at once when every rule
  // holds for her, else once the captain approves from 待我处理.
  await login(page, "yao.wei@xiaogucheng.example");
  await enterVillage(page);
  const cid = villageId(page);
  await page.goto(`/c/${cid}/patrol`);
  const mine = page.getByRole("region", { name: "我的班次" });
  const offered = mine.locator(".patrol-shift").filter({ has: page.getByRole("button", { name: "换班" }) }).first();
  const when = (await offered.locator(".patrol-when strong").innerText()).trim();
  await offered.getByRole("button", { name: "换班" }).click();
  await expect(page.getByText("已发出换班，队员认领后生效。")).toBeVisible();
  await expect(mine.locator(".patrol-shift").filter({ hasText: when }).first()).toContainText("换班中");

  await logout(page);
  await login(page, "pan.suzhen@xiaogucheng.example");
  await enterVillage(page);
  await page.goto(`/c/${cid}/patrol`);
  const swaps = page.getByRole("region", { name: "队友的换班" });
  await swaps.locator(".patrol-offered").filter({ hasText: when }).getByRole("button", { name: "接班" }).click();
  const swapped = page.getByText("已接班，这一班归您了。");
  const waiting = page.getByText(/已申请接班，这次换班需要队长确认。/);
  await expect(swapped.or(waiting)).toBeVisible();
  if (await waiting.isVisible()) {
    // The captain's to-do opens the swap (巡防?position=); its ID is read
    // here, since 待我处理 on the home shows only the first few.
    await logout(page);
    await login(page, CAPTAIN);
    await enterVillage(page);
    const teams = await gql<{ community: { patrolTeams: { offered: { id: string; start: string }[]; next: { id: string; start: string }[] }[] } }>(
      page,
      "query($id: ID!, $m: String!, $n: String!) { community(id: $id) { patrolTeams { offered: offeredPositions(month: $m) { id start } next: offeredPositions(month: $n) { id start } } } }",
      { id: cid, m: monthOf(new Date()), n: nextMonth() },
    );
    const pending = teams.community.patrolTeams.flatMap((t) => [...t.offered, ...t.next]);
    expect(pending.length, "the swap waiting for the captain").toBeGreaterThan(0);
    await page.goto(`/c/${cid}/patrol?position=${pending[0].id}`);
    await expect(page.getByRole("region", { name: "待处理的班次" })).toContainText("潘素珍");
    await page.getByRole("button", { name: "同意换班" }).click();
    await expect(page.getByText("已同意换班。")).toBeVisible();
    await logout(page);
    await login(page, "pan.suzhen@xiaogucheng.example");
    await enterVillage(page);
    await page.goto(`/c/${cid}/patrol`);
  }
  await expect(page.getByRole("region", { name: "我的班次" }).locator(".patrol-shift").filter({ hasText: when }).first()).toBeVisible();

  // 俞建国 drops his next shift behind a confirmation; a team-mate for whom
  // it fits takes it from 空缺班次 (one it does not fit is told why).
  await logout(page);
  await login(page, RESIDENT);
  await enterVillage(page);
  await page.goto(`/c/${cid}/patrol`);
  const dropped = page.getByRole("region", { name: "我的班次" }).locator(".patrol-shift").filter({ has: page.getByRole("button", { name: "放弃" }) }).first();
  const dropWhen = (await dropped.locator(".patrol-when strong").innerText()).trim();
  await dropped.getByRole("button", { name: "放弃" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "确定放弃" }).click();
  await expect(page.getByText("已放弃，这一班已空出。")).toBeVisible();
  let taker = "";
  for (const email of ["chu.guoping@xiaogucheng.example", "yu.xiaoli@xiaogucheng.example", "chen.guifang@xiaogucheng.example", "wang.haijun@xiaogucheng.example"]) {
    await logout(page);
    await login(page, email);
    await enterVillage(page);
    await page.goto(`/c/${cid}/patrol`);
    const open = page.getByRole("region", { name: "空缺班次" }).locator(".patrol-shift").filter({ hasText: dropWhen }).first();
    await expect(open).toContainText(/能接的队员（工作量少的在前）：.+（\d+ 班）/);
    await open.getByRole("button", { name: "认领" }).click();
    const taken = page.getByText("已认领。");
    await expect(taken.or(page.getByRole("alert"))).toBeVisible();
    if (await taken.isVisible()) {
      taker = email;
      break;
    }
  }
  expect(taker, "a team-mate took the dropped shift").not.toBe("");
  await expect(page.getByRole("region", { name: "我的班次" }).locator(".patrol-shift").filter({ hasText: dropWhen }).first()).toBeVisible();
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
  const parking = sugg.locator("li.patrol-suggestion").filter({ hasText: "古城一组 · 文明劝导" });
  await expect(parking).toContainText("同一地点多次上报，建议转为议题");
  // One click opens the newest report on 转为议题, titled after the place.
  await parking.getByRole("button", { name: "转为议题" }).click();
  const title = parking.getByLabel("议题标题");
  await expect(title).toHaveValue("古城一组文明劝导问题反复出现，请大家商量办法");
  await title.fill(`古城一组车辆乱停反复出现 ${Date.now()}`);
  const topicTitle = await title.inputValue();
  await parking.getByRole("button", { name: "确认转为议题" }).click();
  await expect(page.getByText("已转为议题。")).toBeVisible();
  await expect(sugg.locator("li").filter({ hasText: "古城一组 · 文明劝导" })).toHaveCount(0);
  await page.getByRole("link", { name: "查看议题" }).click();
  await expect(page.getByRole("heading", { level: 1, name: topicTitle })).toBeVisible();
  await expect(page.getByText("来自巡查上报")).toBeVisible();
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
