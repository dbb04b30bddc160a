import { COMMITTEE, GRID_WORKER, checkPage, enterVillage, expect, gql, largeText, login, logout, openWorkbench, settle, switchLanguage, test, wrappedLabels } from "./helpers";

// 志愿服务 for those who coordinate and for a volunteer: the committee
// opens the 协调台 from the workbench, sees what waits, the week's proposal
// beside its bound (and that it signs no one up), and the best candidates
// of an open task with the reasons of each factor; a volunteer of 助老服务队
// (seed/volunteers.go) opens 我的时长 from the home page's 我的任务, issues a
// service certificate for the last 60 days, and anyone, logged out, reads
// it. Nothing of the demo is approved, invited or confirmed, so the data the
// later specs use stays as it was (the certificate adds an entry to the
// public record); last, 沈月娥 asks for help for her mother paying from her
// credit, the grid worker names the mother on approval, and she cancels it
// (it stays in the lists as cancelled, with nothing claimed or paid).

const ZONE = "Asia/Shanghai";
/** 沈月娥 of 助老服务队: two tasks of two hours in the last six weeks, confirmed. */
const VOLUNTEER = "shen.yuee@xiaogucheng.example";
const VOLUNTEER_NAME = "沈月娥";

/** dayIn is a day (2026-12-05) some days from now in the village's zone. */
function dayIn(days: number): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: ZONE, year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date(Date.now() + days * 86_400_000));
}

test("the committee coordinates from the board: what waits, the week's proposal beside its bound, ranked candidates with reasons", async ({ page }, info) => {
  await login(page, COMMITTEE);
  await enterVillage(page);
  await openWorkbench(page, "志愿服务");
  await expect(page.getByRole("heading", { level: 1, name: "志愿服务协调台" })).toBeVisible();
  const tabs = page.getByRole("navigation", { name: "协调台内容" });
  await expect(tabs.getByRole("link")).toHaveText(["待招募", "待审核", "待确认时长", "每周建议", "志愿者"]);
  // The status header says what waits: open slots of the week, a resident's own need to approve.
  const status = page.getByRole("region", { name: "待处理事项" });
  await expect(status).toContainText(/有 \d+ 件事等您处理/);
  await expect(status).toContainText(/待招募 \d+ 个时段/);
  await expect(status).toContainText("待审核 1 项");

  // 待招募: each open time with its three best candidates, and why, factor by factor.
  const open = page.getByRole("list", { name: "一周内还缺人的服务" });
  const solstice = open.getByRole("article").filter({ hasText: "冬至为独居老人包饺子" });
  await expect(solstice).toContainText("还缺 1 人（共 3 人）");
  const why = solstice.getByRole("list", { name: /^为什么推荐/ });
  await expect(why).toHaveCount(3);
  for (const factor of ["技能", "时间", "距离", "公平轮换", "守约", "每周余量"]) await expect(why.first()).toContainText(factor);
  await expect(why.first().getByText(/^\d+(\.\d)?\/25$/)).toBeVisible();
  // Those already claimed are not candidates.
  await expect(solstice.getByText("徐丽华", { exact: true })).toHaveCount(0);
  // Nothing chosen, nothing to send.
  await expect(solstice.getByRole("button", { name: "邀请所选（0 人）" })).toBeDisabled();
  await solstice.getByRole("checkbox").first().check();
  await expect(solstice.getByRole("button", { name: "邀请所选（1 人）" })).toBeEnabled();
  await solstice.getByRole("checkbox").first().uncheck();
  await checkPage(page, "volunteer-board-fill", info);

  // 待审核: the resident's own need, with the way to approve or decline it.
  await tabs.getByRole("link", { name: "待审核", exact: true }).click();
  const tv = page.getByRole("article").filter({ hasText: "家里电视机没有图像，请人帮忙看看" });
  await expect(tv).toContainText("胡玉梅");
  await expect(tv.getByRole("button", { name: "批准：家里电视机没有图像，请人帮忙看看", exact: true })).toBeVisible();
  await tv.getByRole("button", { name: "不批准：家里电视机没有图像，请人帮忙看看" }).click();
  await expect(tv.getByRole("button", { name: "确定不批准" })).toBeDisabled(); // a reason first
  await tv.getByRole("button", { name: "返回" }).click();

  // 每周建议: next week holds the weekly visit whatever day it is today.
  await tabs.getByRole("link", { name: "每周建议", exact: true }).click();
  await expect(page.getByText("这只是建议，不会替任何人报名。", { exact: false })).toBeVisible();
  await page.getByRole("group", { name: "选择哪一周" }).getByRole("button", { name: "下周" }).click();
  const coverage = page.getByRole("region", { name: "本周覆盖情况" });
  await expect(coverage).toContainText(/覆盖 \d+ \/ \d+ 个名额，最优不超过 \d+（覆盖率 \d+%）/);
  const text = (await coverage.locator(".vd-coverage-text").textContent()) ?? "";
  const [, covered, openSlots, bound] = text.match(/覆盖 (\d+) \/ (\d+) 个名额，最优不超过 (\d+)/)!.map(Number);
  expect(covered).toBeLessThanOrEqual(bound);
  expect(bound).toBeLessThanOrEqual(openSlots);
  const proposal = page.getByRole("list", { name: "按需求列出的建议" });
  const visit = proposal.getByRole("listitem").filter({ hasText: "每周上门探访独居老人" }).first();
  await expect(visit).toBeVisible();
  // A proposed volunteer can be removed before anything is sent.
  const send = page.getByRole("button", { name: /^发送邀请（\d+ 人）$/ });
  const before = Number((await send.textContent())!.match(/（(\d+) 人）/)![1]);
  expect(before).toBe(covered);
  if (before > 0) {
    await proposal.getByRole("button", { name: /^移除/ }).first().click();
    await expect(send).toHaveText(`发送邀请（${before - 1} 人）`);
  }
  await checkPage(page, "volunteer-board-week", info);

  // 志愿者: the one who opted in today waits for the leader; the team and its leader.
  await tabs.getByRole("link", { name: "志愿者", exact: true }).click();
  await expect(page.getByRole("button", { name: "确认钱雨涵为志愿者" })).toBeVisible();
  await expect(page.getByRole("region", { name: "志愿队" })).toContainText("队长：陈桂芳");
  await expect(page.getByRole("list", { name: "在册志愿者" }).getByRole("listitem")).toHaveCount(15);
  await checkPage(page, "volunteer-board-people", info);
  // A volunteer's hours, as a coordinator sees them: with the way to correct a task's.
  await page.getByRole("link", { name: `${VOLUNTEER_NAME}的时长` }).click();
  await expect(page.getByRole("heading", { level: 1, name: `${VOLUNTEER_NAME}的时长` })).toBeVisible();
  await expect(page.getByRole("region", { name: "时间银行余额" })).toContainText("4.0 小时");
  const task = page.getByRole("list", { name: "时长记录" }).getByRole("listitem").first();
  await task.getByText("更正时长").click();
  await task.getByLabel("增减（小时）").fill("-3");
  await expect(task.getByText("最多只能扣减已确认的 2.0 小时")).toBeVisible();
  await expect(task.getByRole("button", { name: /^更正沈月娥在/ })).toBeDisabled();
  await page.goBack();

  // In large text nothing short wraps.
  await expect(page.getByRole("heading", { level: 1, name: "志愿服务协调台" })).toBeVisible();
  await tabs.getByRole("link", { name: "待招募", exact: true }).click();
  await largeText(page, true);
  await checkPage(page, "volunteer-board-large-text", info);
  expect(await wrappedLabels(page)).toEqual([]);
  await largeText(page, false);
});

test("a volunteer reads 我的时长, issues a certificate, and anyone checks it logged out", async ({ page }, info) => {
  await login(page, VOLUNTEER);
  await enterVillage(page);
  const tasks = page.getByRole("region", { name: "我的任务" });
  await tasks.getByRole("link", { name: "我的时长", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "我的时长" })).toBeVisible();
  const balance = page.getByRole("region", { name: "时间银行余额" });
  await expect(balance).toContainText("4.0 小时");
  await expect(balance).toContainText("完成 2 次 · 未到 0 次 · 临时取消 0 次");
  const record = page.getByRole("list", { name: "时长记录" });
  await expect(record.getByRole("listitem")).toHaveCount(2);
  await expect(record.getByRole("listitem").first()).toContainText("陪同俞阿毛老人理发");
  await expect(record.getByRole("listitem").first()).toContainText("+2.0 小时");

  // The period's errors show next to their field and clear as it changes.
  const from = page.getByLabel("开始日期");
  const to = page.getByLabel("结束日期");
  await from.fill(dayIn(-1));
  await to.fill(dayIn(-60));
  await page.getByRole("button", { name: "开具证明" }).click();
  await expect(page.getByText("结束日期不能早于开始日期")).toBeVisible();
  await from.fill(dayIn(-60));
  await to.fill(dayIn(0));
  await expect(page.getByText("结束日期不能早于开始日期")).toHaveCount(0);
  await checkPage(page, "volunteer-hours", info);
  await page.getByRole("button", { name: "开具证明" }).click();
  await expect(page.getByRole("status").filter({ hasText: "证明已开具。" })).toBeVisible();
  await expect(page.getByRole("list", { name: "已开具的证明" }).getByRole("listitem").first()).toContainText("服务 4.0 小时 · 2 次");
  await page.getByRole("link", { name: "查看并打印" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "志愿服务证明" })).toBeVisible();
  expect(page.url()).toMatch(/\/certificates\/[A-Za-z0-9]+$/);
  const url = page.url();

  // Logged out, as a school opens it from the QR code.
  await logout(page);
  await page.goto(url);
  await expect(page).toHaveURL(url);
  await expect(page.getByRole("heading", { level: 1, name: "志愿服务证明" })).toBeVisible();
  await expect(page.getByText(`兹证明 ${VOLUNTEER_NAME} 于`)).toBeVisible();
  const totals = page.getByRole("definition").filter({ hasText: "小时" }).first();
  await expect(totals).toContainText("4.0");
  await expect(page.getByRole("img", { name: "本证明网上版本的二维码" })).toBeVisible();
  const entry = page.getByRole("link", { name: /^公信链第 \d+ 条/ });
  await expect(entry).toHaveAttribute("href", /^\/c\/[^/]+\/record$/);
  await expect(page.getByRole("button", { name: "打印" })).toBeVisible();
  await checkPage(page, "volunteer-certificate", info);
  // On paper the app's frame is gone.
  await page.emulateMedia({ media: "print" });
  await expect(page.locator(".topbar")).toBeHidden();
  await expect(page.getByRole("button", { name: "打印" })).toBeHidden();
  await page.emulateMedia({ media: "screen" });

  // No such code: not found.
  await page.goto("/certificates/NOSUCHCODE0000");
  await expect(page.getByRole("heading", { level: 1 })).not.toHaveText("志愿服务证明");
});

test("a team leader coordinates from the home page; a grid worker approves residents' needs", async ({ page }) => {
  // 陈桂芳 leads 助老服务队 and is a resident: no workbench, the board from 我的任务.
  await login(page, "chen.guifang@xiaogucheng.example");
  await enterVillage(page);
  await page.getByRole("region", { name: "我的任务" }).getByRole("link", { name: "协调台", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "志愿服务协调台" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "协调台内容" }).getByRole("link")).toHaveText(["待招募", "待确认时长", "每周建议", "志愿者"]);
  await page.getByRole("navigation", { name: "协调台内容" }).getByRole("link", { name: "志愿者", exact: true }).click();
  await expect(page.getByRole("button", { name: "确认钱雨涵为志愿者" })).toBeVisible();
  // Credentials, teams' leaders, skills and the exchange are the committee's.
  await expect(page.getByRole("region", { name: "待核验的证书" })).toHaveCount(0);
  await expect(page.getByRole("region", { name: "时间银行兑换" })).toHaveCount(0);
  // In English, in large text, on a phone: nothing short wraps, nothing overflows.
  await switchLanguage(page, "en");
  await expect(page.getByRole("heading", { level: 1, name: "Volunteer coordination" })).toBeVisible();
  await largeText(page, true);
  for (const tab of ["To fill", "Week plan", "Volunteers"]) {
    await page.getByRole("navigation", { name: "Coordination" }).getByRole("link", { name: tab, exact: true }).click();
    await settle(page);
    expect(await wrappedLabels(page), tab).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), tab).toBeLessThanOrEqual(0);
  }
  await largeText(page, false);
  await switchLanguage(page, "zh-CN");
  await logout(page);

  await login(page, GRID_WORKER);
  await enterVillage(page);
  await openWorkbench(page, "志愿服务");
  await expect(page.getByRole("heading", { level: 1, name: "志愿服务协调台" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "协调台内容" }).getByRole("link")).toHaveText(["待审核"]);
  await expect(page.getByRole("heading", { level: 2, name: "待审核的求助需求" })).toBeVisible();
});

test("a volunteer pays from her credit for her mother's need; the grid worker names the mother on approval", async ({ page }) => {
  const title = `陪母亲去卫生院复查 ${Date.now() % 100000}`;
  // 沈月娥 has 4.0 hours of credit, and the village allows the exchange.
  await login(page, VOLUNTEER);
  await enterVillage(page);
  const cid = new URL(page.url()).pathname.split("/")[2];
  await page.goto(`/c/${cid}/needs/new`);
  await expect(page.getByRole("heading", { level: 1, name: "发布需求" })).toBeVisible();
  await page.getByLabel("需要什么帮助").fill(title);
  await page.getByRole("group", { name: "必需技能" }).getByRole("button", { name: "助老", exact: true }).click();
  await page.getByLabel("日期", { exact: true }).fill(dayIn(3));
  await page.getByLabel("开始时间").fill("09:00");
  await page.getByLabel("结束时间").fill("10:00");
  await page.getByLabel("详细地址").fill("径山镇卫生院门口");
  await expect(page.getByLabel(/^为家人求助/)).toHaveCount(0); // only when paying from credit
  await page.getByLabel("用我的时间银行积分支付").check();
  await page.getByLabel(/^为家人求助/).fill("母亲 沈桂英");
  await page.getByRole("button", { name: "发布需求" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByRole("region", { name: "需求详情" })).toContainText("家人：母亲 沈桂英（等网格员核实）");
  const needId = new URL(page.url()).pathname.split("/")[4];
  await logout(page);

  // 钱晓燕 works for her grid: she must choose the mother before approving.
  await login(page, GRID_WORKER);
  await enterVillage(page);
  await page.goto(`/c/${cid}/volunteers/board?tab=approve`);
  const card = page.getByRole("list", { name: "待审核的求助需求" }).getByRole("listitem").filter({ hasText: title });
  await expect(card).toContainText(`${VOLUNTEER_NAME}的家人：母亲 沈桂英（${VOLUNTEER_NAME}用积分支付）`);
  await card.getByRole("button", { name: `批准：${title}`, exact: true }).click();
  await expect(card.getByText("请选择受助的家人")).toBeVisible();
  await card.getByLabel("受助的家人").selectOption({ label: "沈桂英 · 上溪组" });
  await expect(card.getByText("请选择受助的家人")).toHaveCount(0);
  await card.getByRole("button", { name: `批准：${title}`, exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: `已批准“${title}”` })).toBeVisible();
  await page.goto(`/c/${cid}/needs/${needId}`);
  await expect(page.getByRole("region", { name: "需求详情" })).toContainText("受助人沈桂英");
  await logout(page);

  // Cancelled by her, so the specs after this one find nothing new to claim or pay.
  await login(page, VOLUNTEER);
  const done = await gql<{ cancelNeed: { need: { state: string } } }>(page, `mutation($in: CancelNeedInput!) { cancelNeed(input: $in) { need { state } } }`, {
    in: { needId, reason: "测试完成" },
  });
  expect(done.cancelNeed.need.state).toBe("CANCELLED");
});
