import type { Page } from "@playwright/test";
import { RESIDENT, SUPERVISOR, checkPage, enterVillage, expect, gql, login, logout, test } from "./helpers";

// The patrol team's page (/c/:cid/patrol/teams/:teamId) for 古城武林大妈巡防队
// of 小古城村 (seed/patrols.go: captain 沈月娥, the route 古城片平安巡防线 of
// four checkpoints, 早班 and 晚班, this month published with one missed
// shift): the captain adds a shift template, first with an end before its
// start, and prints the route's QR codes; a member edits their availability
// and limits; a villager joins and leaves again; the timeline shows the
// team's changes.

/** 沈月娥 captains 古城武林大妈巡防队. */
const CAPTAIN = "shen.yuee@xiaogucheng.example";
const TEAM = "古城武林大妈巡防队";
const ROUTE = "古城片平安巡防线";
const CHECKPOINTS = ["村口公交站", "文化礼堂", "古桥", "老年活动室"];

/** villageId reads the village's ID from the address. */
function villageId(page: Page): string {
  return new URL(page.url()).pathname.split("/")[2];
}

/** openTeam logs in, finds the team's ID and opens its page; it returns the team's ID. */
async function openTeam(page: Page, email: string): Promise<string> {
  await login(page, email);
  await enterVillage(page);
  const cid = villageId(page);
  const data = await gql<{ community: { patrolTeams: { id: string; name: string }[] } }>(page, `query($id: ID!) { community(id: $id) { patrolTeams { id name } } }`, { id: cid });
  const team = data.community.patrolTeams.find((t) => t.name === TEAM);
  expect(team, TEAM).toBeTruthy();
  await page.goto(`/c/${cid}/patrol/teams/${team!.id}`);
  await expect(page.getByRole("heading", { level: 1, name: TEAM })).toBeVisible();
  return team!.id;
}

test("the captain adds a shift template: an end before the start is refused by its field, a good one is listed", async ({ page }) => {
  await openTeam(page, CAPTAIN);
  const shifts = page.getByRole("region", { name: "班次", exact: true });
  await expect(shifts.locator(".patrol-template").filter({ hasText: "早班" })).toContainText("每天 08:00–10:00");
  await shifts.getByRole("button", { name: "+ 添加班次" }).click();
  const name = `午班${Date.now() % 100000}`;
  await shifts.getByLabel("班次名称").fill(name);
  for (const day of ["周一", "周二", "周四", "周五", "周六", "周日"]) await shifts.getByLabel(day, { exact: true }).uncheck();
  await shifts.getByLabel("开始时间").fill("14:00");
  await shifts.getByLabel("结束时间").fill("12:00");
  await shifts.getByLabel("最少人数").fill("1");
  await shifts.getByLabel("最多人数").fill("1");
  await shifts.getByRole("button", { name: "添加班次", exact: true }).click();
  await expect(page.getByRole("alertdialog")).toContainText("添加后不能修改或删除");
  await page.getByRole("alertdialog").getByRole("button", { name: "确定添加" }).click();

  const end = shifts.getByLabel("结束时间");
  await expect(end).toHaveAttribute("aria-invalid", "true");
  await expect(shifts.getByText("结束时间须晚于开始时间")).toBeVisible();
  await end.fill("16:00");
  await expect(shifts.getByText("结束时间须晚于开始时间")).toHaveCount(0);
  await shifts.getByRole("button", { name: "添加班次", exact: true }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "确定添加" }).click();

  await expect(page.getByText(`已添加班次“${name}”。`)).toBeVisible();
  const card = shifts.locator(".patrol-template").filter({ hasText: name });
  await expect(card).toContainText("周三 14:00–16:00");
  await expect(card).toContainText(`${ROUTE} · 1–1 人 · 权重 1`);
});

test("the captain prints the route's QR codes, one per checkpoint", async ({ page }, info) => {
  await openTeam(page, CAPTAIN);
  const members = page.getByRole("region", { name: /^队员/ });
  await expect(members.locator(".patrol-member")).toHaveCount(6);
  await members.getByRole("button", { name: "显示全部 24 名队员" }).click();
  await expect(members.locator(".patrol-member")).toHaveCount(24);
  // The captain's private note on a member.
  const who = (await members.locator(".patrol-member").filter({ hasNotText: "队长" }).first().locator(".card-title").innerText()).trim();
  const card = members.locator(".patrol-member").filter({ has: page.getByText(who, { exact: true }) });
  await card.getByRole("button", { name: `给${who}写备注` }).click();
  await card.getByLabel(`对${who}的备注`).fill("膝盖不好，不排长路线");
  await card.getByRole("button", { name: "保存备注" }).click();
  await expect(page.getByText(`已保存对${who}的备注。`)).toBeVisible();
  await expect(card).toContainText("备注：膝盖不好，不排长路线");
  await checkPage(page, "patrol-team-captain", info);
  const routes = page.getByRole("region", { name: "巡防路线" });
  await expect(routes.locator(".patrol-checkpoints li")).toHaveText(CHECKPOINTS.map((c) => new RegExp(`^${c}`)));
  await routes.getByRole("link", { name: `打印${ROUTE}的巡查点二维码` }).click();
  await expect(page).toHaveURL(/\?qr=/);
  await expect(page.getByRole("heading", { level: 2, name: `${ROUTE} 巡查点二维码` })).toBeVisible();
  await expect(page.locator(".patrol-qr-card")).toHaveCount(CHECKPOINTS.length);
  for (const [i, c] of CHECKPOINTS.entries()) {
    const qr = page.getByRole("img", { name: `巡查点 ${i + 1}“${c}”的签到二维码` });
    await expect(qr).toBeVisible();
    // The code is drawn: the canvas holds dark modules, not a blank.
    const dark = () =>
      qr.evaluate((el) => {
        const c = el as HTMLCanvasElement;
        const d = c.getContext("2d")!.getImageData(0, 0, c.width, c.height).data;
        let n = 0;
        for (let i = 0; i < d.length; i += 4) if (d[i + 3] > 0 && d[i] < 128) n++;
        return n;
      });
    await expect.poll(dark).toBeGreaterThan(1000);
  }
  await expect(page.locator(".patrol-qr-card .need-qr-code").first()).toHaveText(/^[A-Z2-7]{8}$/);
  await page.evaluate(() => {
    (window as unknown as { printed: number }).printed = 0;
    window.print = () => void (window as unknown as { printed: number }).printed++;
  });
  await page.getByRole("button", { name: "打印", exact: true }).click();
  expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
  await checkPage(page, "patrol-team-qr", info);
  await page.setViewportSize({ width: 794, height: 1123 }); // A4 at 96 dpi
  await page.emulateMedia({ media: "print" });
  await page.screenshot({ path: "test-results/screens/patrol-team-qr-print.png", fullPage: true });
  await page.emulateMedia({ media: "screen" });
  await page.getByRole("link", { name: "返回", exact: true }).click();
  await expect(page.getByRole("region", { name: "巡防路线" })).toBeVisible();
});

interface Settings {
  weekly: { weekday: string; start: number; end: number }[];
  daysOff: string[];
  maxPerWeek: number;
  noNight: boolean;
}

test("a member edits their availability and limits, and finds them saved after a reload", async ({ page }) => {
  const teamId = await openTeam(page, RESIDENT);
  const read = await gql<{ viewer: { id: string }; node: { members: ({ user: { id: string } } & Settings)[] } }>(
    page,
    `query($t: ID!) { viewer { id } node(id: $t) { ... on PatrolTeam { members { user { id } weekly { weekday start end } daysOff maxPerWeek noNight } } } }`,
    { t: teamId },
  );
  const before = read.node.members.find((m) => m.user.id === read.viewer.id);
  expect(before, "the resident is in the team").toBeTruthy();
  try {
    const me = page.getByRole("region", { name: "我在本队" });
    await expect(me).toContainText("每周最多");
    await me.getByRole("button", { name: "修改我的时间和上限" }).click();
    const removeCustom = me.getByRole("button", { name: /^删除其他时段/ });
    while ((await removeCustom.count()) > 0) await removeCustom.first().click();
    for (const cell of ["周二上午", "周四晚上"]) {
      const b = me.getByRole("button", { name: cell, exact: true });
      if ((await b.getAttribute("aria-pressed")) !== "true") await b.click();
      await expect(b).toHaveAttribute("aria-pressed", "true");
    }
    await me.getByLabel("周日", { exact: true }).check();
    await me.getByLabel("不上夜班").check();
    // A limit the server refuses stands by its field, and clears on typing.
    const max = me.getByLabel("每周最多几班");
    await max.fill("20");
    await me.getByRole("button", { name: "保存", exact: true }).click();
    await expect(me.getByText("每周班次上限须在 0 到 14 之间")).toBeVisible();
    await max.fill("3");
    await expect(me.getByText("每周班次上限须在 0 到 14 之间")).toHaveCount(0);
    await me.getByRole("button", { name: "保存", exact: true }).click();
    await expect(page.getByText("已保存，下次排班按新的时间安排。")).toBeVisible();
    await expect(me).toContainText("周二 上午");
    await expect(me).toContainText("周四 晚上");
    await expect(me).toContainText("每周最多 3 班 · 不上夜班 · 休息：周日");

    await page.reload();
    const again = page.getByRole("region", { name: "我在本队" });
    await expect(again).toContainText("每周最多 3 班");
    await again.getByRole("button", { name: "修改我的时间和上限" }).click();
    await expect(again.getByRole("button", { name: "周二上午", exact: true })).toHaveAttribute("aria-pressed", "true");
    await expect(again.getByRole("button", { name: "周四晚上", exact: true })).toHaveAttribute("aria-pressed", "true");
    await expect(again.getByRole("button", { name: "周一上午", exact: true })).toHaveAttribute("aria-pressed", "false");
    await expect(again.getByRole("button", { name: /^删除其他时段/ })).toHaveCount(0);
    await expect(again.getByLabel("每周最多几班")).toHaveValue("3");
    await expect(again.getByLabel("周日", { exact: true })).toBeChecked();
    await expect(again.getByLabel("周六", { exact: true })).not.toBeChecked();
    await expect(again.getByLabel("不上夜班")).toBeChecked();
  } finally {
    // Put the demo member's settings back for the other tests' rosters.
    const { weekly, daysOff, maxPerWeek, noNight } = before!;
    await gql(page, `mutation($input: SetPatrolMemberInput!) { setPatrolMember(input: $input) { member { maxPerWeek } } }`, {
      input: { patrolTeamId: teamId, weekly, daysOff, maxPerWeek, noNight },
    });
  }
});

test("a member reads the team's timeline, newest first, and neither the notes nor the QR codes", async ({ page }, info) => {
  await openTeam(page, RESIDENT);
  const timeline = page.getByRole("region", { name: "动态" });
  await expect(timeline.locator(".patrol-event").first()).toBeVisible();
  await expect(timeline).toContainText(/沈月娥 发布了 \d{4}年\d{1,2}月 的排班表/);
  await expect(timeline).toContainText(/沈月娥 记录 .+ 缺了一个班次/);
  const times = await timeline.locator(".patrol-event time").evaluateAll((els) => els.map((e) => Date.parse(e.getAttribute("datetime") ?? "")));
  expect(times).toEqual([...times].sort((a, b) => b - a));
  await expect(page.getByRole("region", { name: "巡防路线" })).toContainText(ROUTE);
  await expect(page.getByRole("link", { name: /二维码/ })).toHaveCount(0);
  await expect(page.getByRole("region", { name: /^队员/ })).toHaveCount(0);
  await checkPage(page, "patrol-team-member", info);
});

test("a villager joins the team with the mornings and leaves it; joined again, the captain removes them", async ({ page }) => {
  await openTeam(page, SUPERVISOR);
  const me = page.getByRole("region", { name: /^(加入本队|我在本队)$/ });
  await expect(me.getByRole("heading", { name: "加入本队" })).toBeVisible();
  for (const cell of ["周一上午", "周三上午"]) await me.getByRole("button", { name: cell, exact: true }).click();
  await me.getByLabel("每周最多几班").fill("2");
  await me.getByRole("button", { name: "加入巡防队" }).click();
  await expect(page.getByText("已加入巡防队。")).toBeVisible();
  await expect(me).toContainText("每周最多 2 班");
  await expect(me.getByRole("heading", { name: "我在本队" })).toBeVisible();
  await expect(page.locator(".lead")).toContainText("队员 25 人");

  await me.getByRole("button", { name: "退出巡防队" }).click();
  await expect(page.getByRole("alertdialog")).toContainText("已巡过的班次和工作量仍然保留");
  await page.getByRole("alertdialog").getByRole("button", { name: "确定退出" }).click();
  await expect(page.getByText(/已退出巡防队，空出 0 个班次。/)).toBeVisible();
  await expect(me.getByRole("button", { name: "加入巡防队" })).toBeVisible();
  await expect(page.locator(".lead")).toContainText("队员 24 人");

  // They join again; the captain removes them.
  await me.getByRole("button", { name: "周五上午", exact: true }).click();
  await me.getByRole("button", { name: "加入巡防队" }).click();
  await expect(page.getByText("已加入巡防队。")).toBeVisible();
  await logout(page);
  await openTeam(page, CAPTAIN);
  const members = page.getByRole("region", { name: /^队员/ });
  await members.getByRole("button", { name: "显示全部 25 名队员" }).click();
  await members.getByRole("button", { name: "将 褚卫民 移出本队" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "确定移出" }).click();
  await expect(page.getByText("已将 褚卫民 移出本队，空出 0 个班次。")).toBeVisible();
  await expect(page.locator(".lead")).toContainText("队员 24 人");
  await expect(members.getByText("褚卫民")).toHaveCount(0);
});
