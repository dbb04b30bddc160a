import type { Page } from "@playwright/test";
import { RESIDENT, checkPage, enterVillage, expect, largeText, login, switchLanguage, test, wrappedLabels } from "./helpers";

// 志愿服务 for volunteers and residents (seed/volunteers.go: 助老服务队 of 15
// in 小古城村, needs in every state): a volunteer opens 志愿服务 from the
// home page, reads why needs were recommended to them, claims the last
// place of 冬至为独居老人包饺子, sees its address, and cancels the claim,
// so the need is as the demo left it; a resident who is not a volunteer
// reads what it is, and the sign-up and need forms put the server's errors
// next to their fields (nothing is saved); the team's leader sees the
// need's claims, the ranked candidates with why, and its check-in QR code;
// the grid worker opens a resident's own need from 待我处理 and is asked for
// a reason before declining it (nothing is decided).

/** 杨秀兰 of 助老服务队: elderly care and errands, free every day; she claimed 帮姚金宝老人代购药品. */
const VOLUNTEER = "yang.xiulan@xiaogucheng.example";
/** 陈桂芳 leads 助老服务队: she coordinates its needs. */
const LEADER = "chen.guifang@xiaogucheng.example";
/** 陈志刚, the grid worker of grids 4 to 6, where 胡玉梅 lives. */
const GRID_WORKER_4_6 = "chen.zhigang@xiaogucheng.example";
const SOLSTICE = "冬至为独居老人包饺子";

/** openVolunteer opens 志愿服务 from the home page's 我的任务. */
async function openVolunteer(page: Page) {
  await page.getByRole("region", { name: "我的任务" }).getByRole("link", { name: "志愿服务", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "志愿服务" })).toBeVisible();
}

/** villageId reads the village's ID from the address. */
function villageId(page: Page): string {
  return new URL(page.url()).pathname.split("/")[2];
}

test("a volunteer reads why needs suit them, claims the last place, sees the address, and cancels", async ({ page }, info) => {
  await login(page, VOLUNTEER);
  await enterVillage(page);
  await openVolunteer(page);
  await expect(page.getByRole("region", { name: "我的任务" }).getByRole("link", { name: "帮姚金宝老人代购药品" })).toBeVisible();
  const forMe = page.getByRole("region", { name: "适合我的需求" });
  const card = forMe.getByRole("listitem").filter({ hasText: SOLSTICE });
  await expect(card).toContainText("已认领 2/3");
  await expect(card.getByText(/^\d+ 分$/)).toBeVisible();
  // 为什么推荐我: each factor with its words and its points out of the most.
  await card.getByText("为什么推荐我").click();
  const why = card.locator(".factor-list li");
  await expect(why).toHaveCount(6);
  for (const factor of ["技能", "时间", "距离", "轮换", "守约", "每周上限"]) await expect(card.locator(".factor-name", { hasText: factor }).first()).toBeVisible();
  await expect(card.locator(".factor-points").first()).toHaveText(/^\d+(\.\d)?\/\d+ 分$/);
  await checkPage(page, "volunteer-hub", info);

  await card.getByRole("link", { name: `查看并认领：${SOLSTICE}` }).click();
  await expect(page.getByRole("heading", { level: 1, name: SOLSTICE })).toBeVisible();
  const status = page.getByRole("region", { name: "需求状态" });
  await expect(status).toContainText("已认领 2/3 人，还差 1 人");
  const details = page.getByRole("region", { name: "需求详情" });
  await expect(details).toContainText("认领后可见详细地址");
  await expect(details).not.toContainText("老年活动室");
  // Only the staff have tabs.
  await expect(page.getByRole("navigation", { name: "需求内容" })).toHaveCount(0);
  await checkPage(page, "need-volunteer", info);

  // 认领: one decision card, then a confirmation that repeats it.
  await page.getByRole("button", { name: "认领", exact: true }).click();
  await expect(page.getByText(/^确认认领 .+ 的服务？$/)).toBeVisible();
  await page.getByRole("button", { name: "确认：认领" }).click();
  await expect(page.getByRole("status").filter({ hasText: "认领成功" })).toBeVisible();
  await expect(details).toContainText("老年活动室");
  await expect(status).toContainText("已认领 3/3 人，名额已满");
  await expect(page.getByText("我认领的第 3 个名额")).toBeVisible();

  // 取消认领: the sheet says what follows, and the place is open again.
  await page.getByRole("button", { name: "取消认领" }).click();
  const sheet = page.getByRole("alertdialog");
  await expect(sheet).toContainText("名额会让给候补的志愿者");
  await sheet.getByRole("button", { name: "确认取消认领" }).click();
  await expect(page.getByRole("status").filter({ hasText: "已取消认领" })).toBeVisible();
  await expect(status).toContainText("已认领 2/3 人，还差 1 人");
  await expect(details).toContainText("认领后可见详细地址");
  await expect(page.getByRole("button", { name: "认领", exact: true })).toBeVisible();

  // The profile: the grid and the skills as saved, in large text too.
  await page.goto(`/c/${villageId(page)}/volunteer/profile`);
  await expect(page.getByRole("heading", { level: 1, name: "我的志愿者资料" })).toBeVisible();
  await expect(page.getByRole("checkbox", { name: "助老" })).toBeChecked();
  await expect(page.getByRole("button", { name: "周一上午" })).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByRole("button", { name: "周一晚上" })).toHaveAttribute("aria-pressed", "false");
  // Her 13:00–17:00 slots are the grid's afternoon: no hours of their own.
  await expect(page.getByRole("button", { name: "周一下午" })).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByRole("group", { name: /^其他时段/ })).toHaveCount(0);
  await expect(page.getByLabel("每周最多服务几小时")).toHaveValue("8");
  await checkPage(page, "volunteer-profile", info);
  await largeText(page, true);
  expect(await wrappedLabels(page)).toEqual([]);
  await largeText(page, false);
});

test("a resident who is not a volunteer reads what it is; the forms put errors next to their fields", async ({ page }, info) => {
  await login(page, RESIDENT);
  await enterVillage(page);
  const cid = villageId(page);
  await page.goto(`/c/${cid}/volunteer`);
  await expect(page.getByRole("heading", { level: 1, name: "志愿服务" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "一起来当志愿者" })).toBeVisible();
  await expect(page.getByRole("region", { name: "适合我的需求" })).toHaveCount(0);
  await checkPage(page, "volunteer-hub-join", info);

  // Signing up without a skill: the server's error stands by the skills, and nothing is saved.
  await page.getByRole("link", { name: "报名当志愿者" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "报名当志愿者" })).toBeVisible();
  await page.getByRole("button", { name: "周六上午" }).click();
  await expect(page.getByRole("button", { name: "周六上午" })).toHaveAttribute("aria-pressed", "true");
  await page.getByRole("button", { name: "提交报名" }).click();
  await expect(page.getByRole("group", { name: "我会做的事" })).toContainText("请至少选择一项技能");
  // The error clears once a skill is chosen, which brings its level.
  await page.getByRole("checkbox", { name: "理发" }).check();
  await expect(page.getByRole("group", { name: "我会做的事" })).not.toContainText("请至少选择一项技能");
  await expect(page.getByLabel("理发的熟练程度")).toHaveValue("1");
  // Other hours that overlap the grid's are caught before sending.
  await page.getByRole("button", { name: "添加其他时段" }).click();
  const custom = page.getByRole("group", { name: "其他时段 1" });
  await custom.getByLabel("星期").selectOption("SATURDAY");
  await custom.getByLabel("开始").fill("10:00");
  await custom.getByLabel("结束").fill("13:00");
  await page.getByRole("button", { name: "提交报名" }).click();
  await expect(custom).toContainText("与周六上午重叠");
  await checkPage(page, "volunteer-join", info);
  await page.goto(`/c/${cid}/volunteer`);
  await expect(page.getByRole("heading", { name: "一起来当志愿者" })).toBeVisible();

  // Asking for help: the server names the empty title, and the form puts it there.
  await page.getByRole("link", { name: "发布需求" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "发布需求" })).toBeVisible();
  const required = page.getByRole("group", { name: "必需技能" });
  await required.getByRole("button", { name: "助老", exact: true }).click();
  await expect(required.getByRole("button", { name: "助老", exact: true })).toHaveAttribute("aria-pressed", "true");
  // A required skill is not offered as a preferred one too.
  await expect(page.getByRole("group", { name: "优先技能" }).getByRole("button", { name: "助老", exact: true })).toHaveCount(0);
  await page.getByRole("button", { name: "发布需求" }).click();
  const title = page.getByLabel("需要什么帮助");
  await expect(title).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator(".field-invalid", { has: title })).toContainText("标题不能为空");
  await title.fill("陪我去卫生院配药");
  await expect(title).not.toHaveAttribute("aria-invalid", "true");
  await checkPage(page, "need-new", info);
  await largeText(page, true);
  expect(await wrappedLabels(page)).toEqual([]);
  await largeText(page, false);
});

test("the team's leader sees a need's claims, its ranked candidates with why, and its check-in QR code", async ({ page }, info) => {
  await login(page, LEADER);
  await enterVillage(page);
  await openVolunteer(page);
  await page
    .getByRole("region", { name: "适合我的需求" })
    .getByRole("link", { name: `查看并认领：${SOLSTICE}` })
    .click();
  await expect(page.getByRole("heading", { level: 1, name: SOLSTICE })).toBeVisible();
  // Those who run the need see its address at once, and tabs.
  await expect(page.getByRole("region", { name: "需求详情" })).toContainText("老年活动室");
  const tabs = page.getByRole("navigation", { name: "需求内容" });
  await expect(tabs.getByRole("link")).toHaveText(["概况", "认领", "推荐", "签到码"]);

  await tabs.getByRole("link", { name: "认领", exact: true }).click();
  await expect(page.locator(".claim-card")).toHaveCount(2);
  await expect(page.locator(".claim-card").first()).toContainText("已认领");
  await checkPage(page, "need-claims", info);

  await tabs.getByRole("link", { name: "推荐", exact: true }).click();
  const ranked = page.locator(".candidate-card");
  await expect(ranked.first()).toBeVisible();
  await expect(ranked.first().locator(".factor-list li")).toHaveCount(6);
  // Those who claimed it are not candidates.
  await expect(page.locator(".candidate-card", { hasText: "徐丽华" })).toHaveCount(0);
  const invite = page.getByRole("button", { name: /^邀请/ });
  await expect(invite).toBeDisabled();
  await ranked.first().getByRole("checkbox").check();
  await expect(page.getByRole("button", { name: "邀请 1 人" })).toBeEnabled();
  await ranked.first().getByRole("checkbox").uncheck();
  await checkPage(page, "need-match", info);

  await tabs.getByRole("link", { name: "签到码", exact: true }).click();
  await expect(page.getByRole("img", { name: `${SOLSTICE}的签到二维码` })).toBeVisible();
  const code = ((await page.locator(".need-qr-code").textContent()) ?? "").trim();
  expect(code).toMatch(/^[A-Z2-7]{8}$/);
  await checkPage(page, "need-qr", info);
  // In English and large text, the tabs and buttons keep their words whole.
  await switchLanguage(page, "en");
  await expect(page.getByRole("navigation", { name: "Need" }).getByRole("link")).toHaveText(["Overview", "Claims", "Suggested", "QR code"]);
  await page.getByRole("navigation", { name: "Need" }).getByRole("link", { name: "Suggested", exact: true }).click();
  await expect(page.locator(".candidate-card").first()).toBeVisible();
  await largeText(page, true);
  expect(await wrappedLabels(page)).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  await largeText(page, false);
  await switchLanguage(page, "zh-CN");

  // The QR code's link offers check-in to one who claimed it; she did not.
  await page.goto(`${new URL(page.url()).pathname}?code=${code}`);
  await expect(page.getByRole("region", { name: "扫码签到" })).toContainText("您没有认领这条需求的服务，不能签到");
});

test("the grid worker opens a resident's own need from 待我处理 and must give a reason to decline it", async ({ page }, info) => {
  await login(page, GRID_WORKER_4_6);
  await enterVillage(page);
  await page.getByRole("region", { name: "待我处理" }).getByRole("link", { name: /审核求助需求.*家里电视机没有图像/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "家里电视机没有图像，请人帮忙看看" })).toBeVisible();
  await expect(page.getByRole("region", { name: "需求状态" })).toContainText("等待网格员审核");
  const decide = page.getByRole("region", { name: "审核这条求助" });
  await expect(decide.getByRole("button", { name: "批准", exact: true })).toBeVisible();
  await checkPage(page, "need-pending", info);
  await decide.getByRole("button", { name: "不批准", exact: true }).click();
  await decide.getByRole("button", { name: "确认：不批准" }).click();
  await expect(decide).toContainText("请填写不批准的理由");
  await expect(page.getByRole("region", { name: "需求状态" })).toContainText("等待网格员审核");
});
