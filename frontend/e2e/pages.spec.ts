import {
  ADMIN,
  COMMITTEE,
  GRID_WORKER,
  RESIDENT,
  VILLAGE,
  checkPage,
  enterVillage,
  expect,
  login,
  openTab,
  switchLanguage,
  test,
} from "./helpers";

// Every page, as the person who uses it: an axe-core scan (no serious or
// critical violation of WCAG 2.1 A/AA), no horizontal scrolling, and a
// screenshot at 360×740 and 1280×800 in test-results/screens.

test("pages for people who are not logged in", async ({ page }, info) => {
  await page.goto("/login");
  await checkPage(page, "login", info);

  await page.goto("/signup");
  await page.getByRole("button", { name: "注册", exact: true }).click();
  await expect(page.getByText("邮箱地址格式不正确")).toBeVisible();
  await checkPage(page, "signup-errors", info);

  await page.goto("/forgot-password");
  await checkPage(page, "forgot-password", info);

  await page.goto("/reset-password?token=not-a-token");
  await checkPage(page, "reset-password", info);
  await page.getByLabel("新密码").fill("a-long-enough-password");
  await page.getByRole("button", { name: "重设密码" }).click();
  await expect(page.getByRole("alert")).toContainText("链接无效或已过期");
  await checkPage(page, "reset-password-bad-token", info);

  await page.goto("/complete-signup?token=not-a-token");
  await page.getByLabel("密码").fill("a-long-enough-password");
  await page.getByRole("button", { name: "完成注册" }).click();
  await expect(page.getByRole("alert")).toContainText("链接无效或已过期");
  await checkPage(page, "complete-signup-bad-token", info);

  await page.goto("/verify-email?token=not-a-token");
  await expect(page.getByRole("alert")).toContainText("链接无效或已过期");
  await checkPage(page, "verify-email-bad-token", info);

  await page.goto("/no/such/page");
  await expect(page.getByRole("heading", { level: 1, name: "找不到这个页面" })).toBeVisible();
  await checkPage(page, "not-found", info);

  // A page that needs a login sends there, and back after it.
  await page.goto("/me/sessions");
  await expect(page).toHaveURL(/\/login\?next=%2Fme%2Fsessions/);
});

// One page or flow a test, each logging in afresh, so a slow machine
// spreads over many short tests instead of one long one.

test("a resident's home, in large text and in English", async ({ page }, info) => {
  await login(page, RESIDENT);
  await expect(page.getByRole("heading", { level: 1, name: VILLAGE })).toBeVisible();
  await checkPage(page, "community-home", info);

  await page.getByRole("button", { name: "大字" }).click();
  await checkPage(page, "community-home-large-text", info);
  await page.getByRole("button", { name: "大字" }).click();

  await switchLanguage(page, "en");
  await checkPage(page, "community-home-en", info);
  await switchLanguage(page, "zh-CN");
});

test("a resident's profile, sessions, communities and join pages", async ({ page }, info) => {
  await login(page, RESIDENT);
  await page.goto("/me");
  await checkPage(page, "profile", info);
  await page.goto("/me/sessions");
  await checkPage(page, "sessions", info);
  await page.goto("/communities");
  await checkPage(page, "communities", info);
  await page.getByRole("link", { name: "申请加入：青春坊社区" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "申请加入青春坊社区" })).toBeVisible();
  await page.getByLabel("网格", { exact: true }).selectOption({ index: 1 });
  await checkPage(page, "join", info);
});

// The topics: the list, a topic with its timeline and comments, a reply
// being written, the topic in English, the propose form with its errors.
test("a resident's topic pages", async ({ page }, info) => {
  await login(page, RESIDENT);
  await enterVillage(page);
  const home = page.url();
  await page.goto(home + "/topics");
  await expect(page.getByRole("list", { name: "议题列表" })).toBeVisible();
  await checkPage(page, "topics", info);
  await page.getByRole("link", { name: "村口停车难" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "村口停车难" })).toBeVisible();
  await checkPage(page, "topic", info);
  await page.getByRole("button", { name: "大字" }).click();
  await checkPage(page, "topic-large-text", info);
  await page.getByRole("button", { name: "大字" }).click();
  await openTab(page, "讨论");
  await page.getByRole("button", { name: "回复：王海军的评论" }).click();
  await checkPage(page, "topic-reply", info);
  await openTab(page, "表决");
  await checkPage(page, "topic-votes", info);
  await openTab(page, "概况");
  await switchLanguage(page, "en");
  await expect(page.getByRole("heading", { name: "History" })).toBeVisible();
  await checkPage(page, "topic-en", info);
  await switchLanguage(page, "zh-CN");
  await page.goto(home + "/topics?state=REJECTED");
  await expect(page.getByRole("list", { name: "议题列表" })).toContainText("要求村里出资修缮私人祖屋");
  await checkPage(page, "topics-filtered", info);
  await page.goto(home + "/topics?q=" + encodeURIComponent("没有这样的议题"));
  await expect(page.getByText("没有符合条件的议题。")).toBeVisible();
  await checkPage(page, "topics-empty", info);
  await page.goto(home + "/topics/new");
  await page.getByLabel("类别").selectOption({ label: "环境卫生" });
  await page.getByRole("button", { name: "提出议题" }).click();
  await expect(page.getByText("标题不能为空")).toBeVisible();
  await checkPage(page, "propose-topic-errors", info);
});

// Notifications: settings with the calendar link, and the history; no
// member directory for a resident.
test("a resident's notification pages, and no member directory", async ({ page }, info) => {
  await login(page, RESIDENT);
  await page.goto("/me/notifications");
  await expect(page.getByLabel("日历订阅链接")).toHaveValue(/\.ics$/);
  await checkPage(page, "notification-settings", info);
  await page.getByRole("button", { name: "重新生成链接" }).click();
  await checkPage(page, "notification-settings-regenerate", info);
  await page.goto("/me/notifications/history");
  await expect(page.getByRole("heading", { level: 1, name: "我的通知" })).toBeVisible();
  await checkPage(page, "notification-history", info);

  // Residents have no member directory: the page says so.
  await enterVillage(page);
  await page.goto(page.url() + "/members");
  await expect(page.getByRole("alert")).toHaveText("您没有权限查看此页。");
});

test("the committee's member directory, join requests and roles", async ({ page }, info) => {
  await login(page, COMMITTEE);
  await enterVillage(page);
  await checkPage(page, "community-home-committee", info);
  const home = page.url();
  await page.goto(home + "/members");
  await expect(page.getByRole("list", { name: "成员名录" })).toBeVisible();
  await checkPage(page, "members", info);
  await page.getByRole("group", { name: "按身份筛选" }).getByRole("button", { name: "网格员", exact: true }).click();
  await expect(page.getByText(/^共 \d+ 人$/)).toBeVisible();
  await expect(page.getByRole("list", { name: "成员名录" })).toContainText("钱晓燕");
  await checkPage(page, "members-filtered", info);
  await page.getByRole("link", { name: "入会申请" }).click();
  await checkPage(page, "join-requests", info);
  await page.goto(home + "/members");
  await page.getByRole("link", { name: "管理身份：钱晓燕" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "管理身份：钱晓燕" })).toBeVisible();
  await checkPage(page, "member", info);
});

// Screening, whatever is in the queue, with a decision being made; a topic
// as the committee sees it, with the hide action.
test("the committee's screening queue and a topic with the hide action", async ({ page }, info) => {
  await login(page, COMMITTEE);
  await enterVillage(page);
  const home = page.url();
  await page.goto(home + "/screening");
  await expect(page.getByRole("heading", { level: 1, name: "审核议题" })).toBeVisible();
  await checkPage(page, "screening", info);
  const first = page.getByRole("list", { name: "待审核的议题" }).getByRole("listitem").first();
  if (await first.isVisible()) {
    await first.getByLabel("审核决定").selectOption({ label: "不予受理" });
    await first.getByRole("button", { name: "确认决定" }).click();
    await expect(first.getByText("请填写不予受理的理由")).toBeVisible();
    await checkPage(page, "screening-reject-errors", info);
  }
  await page.goto(home + "/topics?q=" + encodeURIComponent("停车"));
  await page.getByRole("link", { name: "村口停车难" }).click();
  await openTab(page, "讨论");
  await page.getByRole("button", { name: "隐藏：王海军的评论" }).click();
  await expect(page.getByLabel("隐藏理由")).toBeVisible();
  await checkPage(page, "topic-committee-hide", info);
});

test("the admin's and the grid worker's pages", async ({ page, browser }, info) => {
  await login(page, ADMIN);
  await enterVillage(page);
  await page.goto(page.url() + "/grids");
  await expect(page.getByRole("heading", { level: 1, name: "网格管理" })).toBeVisible();
  await checkPage(page, "grids", info);
  await page.goto(page.url().replace(/\/grids$/, "/notifications/failed"));
  await expect(page.getByRole("heading", { level: 1, name: "发送失败的通知" })).toBeVisible();
  await checkPage(page, "failed-notifications", info);

  const context = await browser.newContext();
  const worker = await context.newPage();
  await login(worker, GRID_WORKER);
  await enterVillage(worker);
  await worker.goto(worker.url() + "/assisted");
  await expect(worker.getByRole("heading", { level: 1, name: "代办登记居民" })).toBeVisible();
  await checkPage(worker, "assisted", info);
  await context.close();
});
