import {
  expect,
  test,
  ADMIN,
  COMMITTEE,
  GRID_WORKER,
  RESIDENT,
  VILLAGE,
  enterVillage,
  login,
  logout,
  mailLink,
  pathOf,
  openWorkbench,
  switchLanguage,
} from "./helpers";

// The flows of issue 3, in order: they share the server and build on each
// other (the person who signs up is approved, then logs in).
test.describe.configure({ mode: "serial" });

const stamp = Date.now().toString(36);
const newcomer = { name: "测试村民", email: `cunmin.${stamp}@example.com`, password: "chashan-2026-spring" };

test("sign up by the mailed link, ask to join, the committee approves, the new member sees the community home", async ({ page, browser }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/login/);
  await page.getByRole("link", { name: "注册新账号" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "注册" })).toBeVisible();
  await page.getByLabel("姓名").fill(newcomer.name);
  await page.getByLabel("邮箱").fill(newcomer.email);
  await page.getByLabel("密码").fill(newcomer.password);
  await page.getByRole("button", { name: "注册", exact: true }).click();
  await expect(page.getByText(`我们已向 ${newcomer.email} 发送了一封邮件。`)).toBeVisible();

  // The link in the mail the server kept as a file finishes the sign-up,
  // with the password chosen when signing up; the email is then verified.
  const link = await mailLink(newcomer.email, "/complete-signup");
  await page.goto(pathOf(link));
  await expect(page.getByRole("heading", { level: 1, name: "完成注册" })).toBeVisible();
  await page.getByLabel("密码").fill("not-the-password-2026");
  await page.getByRole("button", { name: "完成注册" }).click();
  await expect(page.getByText("密码与注册时设置的不一致")).toBeVisible();
  await page.getByLabel("密码").fill(newcomer.password);
  await page.getByRole("button", { name: "完成注册" }).click();
  await expect(page).toHaveURL(/\/communities$/);
  await page.goto("/me");
  await expect(page.getByText("已验证", { exact: true })).toBeVisible();

  await page.goto("/communities");
  await page.getByRole("link", { name: `申请加入：${VILLAGE}` }).click();
  await expect(page.getByRole("heading", { level: 1, name: `申请加入${VILLAGE}` })).toBeVisible();
  // The grid is required: the server's message shows next to it.
  await page.getByRole("button", { name: "提交申请" }).click();
  await expect(page.locator(".field-error", { hasText: "请选择网格" })).toBeVisible();
  await page.getByLabel("网格", { exact: true }).selectOption({ label: "第一网格（古城片）" });
  await page.getByLabel("微网格").selectOption({ label: "古城二组" });
  await page.getByLabel("留言").fill("住古城二组 12 号，和父母同住");
  await page.getByRole("button", { name: "提交申请" }).click();
  await expect(page.getByText("申请已提交，请等待审核。")).toBeVisible();
  await expect(page.getByText("审核中").first()).toBeVisible();
  await logout(page);

  // The committee approves.
  const committee = await browser.newPage();
  await login(committee, COMMITTEE);
  await enterVillage(committee);
  await expect(committee.getByText(/条入会申请待审核/)).toBeVisible();
  await committee.getByRole("link", { name: "去审核" }).click();
  const card = committee.getByRole("listitem").filter({ hasText: newcomer.name });
  await expect(card).toContainText("第一网格（古城片） · 古城二组");
  await expect(card).toContainText("住古城二组 12 号");
  await card.getByRole("button", { name: `通过：${newcomer.name}`, exact: true }).click();
  await expect(committee.getByText(`已通过 ${newcomer.name} 的申请。`)).toBeVisible();
  await committee.close();

  // The new member logs in and lands on the community home.
  await login(page, newcomer.email, newcomer.password);
  await expect(page).toHaveURL(/\/c\/[^/]+$/);
  await expect(page.getByRole("heading", { level: 1, name: VILLAGE })).toBeVisible();
  await expect(page.getByText(`${newcomer.name}，您好`)).toBeVisible();
  // The open topics: the demo village has topics collecting supports.
  const topics = page.getByRole("region", { name: "待议议题" });
  await expect(topics).toContainText("附议中");
  await expect(topics.getByRole("link", { name: /查看全部议题/ })).toBeVisible();
  // Upcoming meetings: the demo's and the tests' meetings, or the empty state.
  const meetings = page.getByRole("region", { name: "近期会议" });
  await expect(meetings.getByRole("list", { name: "近期会议" }).or(meetings.getByText("近期没有安排议事会议。"))).toBeVisible();
  // The home leads with what waits for the newcomer (nothing yet) and what anyone can start; no section is always empty.
  await expect(page.getByRole("region", { name: "待我处理" })).toContainText("暂时没有需要您处理的事。");
  await expect(page.getByRole("navigation", { name: "常用操作" }).getByRole("link", { name: "提出议题" })).toBeVisible();
  for (const gone of ["我的任务", "我的巡防班次"]) await expect(page.getByRole("region", { name: gone })).toHaveCount(0);
  await expect(page.locator(".summary")).toContainText("第一网格（古城片） · 古城二组");
});

test("a wrong password shows the server's localized error, in Chinese and in English", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("邮箱").fill(RESIDENT);
  await page.getByLabel("密码").fill("not-the-password");
  await page.getByRole("button", { name: "登录", exact: true }).click();
  await expect(page.getByRole("alert")).toHaveText("邮箱或密码不正确");

  await page.getByRole("button", { name: "Switch to English" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Log in" })).toBeVisible();
  await page.getByRole("button", { name: "Log in", exact: true }).click();
  await expect(page.getByRole("alert")).toHaveText("wrong email or password");
  await page.getByRole("button", { name: "切换到中文" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "登录" })).toBeVisible();
});

test("the keyboard alone: skip link, visible focus, logging in with Enter", async ({ page }) => {
  await page.goto("/login");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "跳到主要内容" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press("Enter");
  await expect(page.locator("main")).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("邮箱")).toBeFocused();
  const outline = await page.getByLabel("邮箱").evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(outline).not.toBe("none");
  await page.keyboard.type(RESIDENT);
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("密码")).toBeFocused();
  await page.keyboard.type("yishi-demo-2026");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: VILLAGE })).toBeVisible();
  // The bottom navigation is reachable and shows where focus is.
  const me = page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "我的" });
  await me.focus();
  expect(await me.evaluate((el) => getComputedStyle(el).outlineStyle)).not.toBe("none");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "我的" })).toBeFocused();
});

test("switch to English and back; the choice is remembered", async ({ page }) => {
  await login(page, RESIDENT);
  await expect(page.getByRole("heading", { level: 1, name: VILLAGE })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect(page.getByRole("region", { name: "待议议题" })).toBeVisible();

  // The switch is in 我的, and remembered.
  await expect(page.locator(".topbar").getByRole("button", { name: "Switch to English" })).toHaveCount(0);
  await switchLanguage(page, "en");
  await expect(page.getByRole("region", { name: "Open topics" }).getByRole("link", { name: /All topics/ })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Me", exact: true })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("region", { name: "Upcoming meetings" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");

  await switchLanguage(page, "zh-CN");
  await expect(page.getByRole("region", { name: "近期会议" })).toBeVisible();
  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
});

test("大字 (large text) makes the text larger and is remembered", async ({ page }) => {
  await login(page, RESIDENT);
  const size = () => page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
  const normal = await size();
  expect(normal).toBeGreaterThanOrEqual(16);
  const toggle = page.getByRole("button", { name: "大字" });
  await expect(toggle).toHaveAttribute("aria-pressed", "false");
  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-pressed", "true");
  expect(await size()).toBeGreaterThanOrEqual(normal * 1.2);
  await page.reload();
  await expect(page.getByRole("button", { name: "大字" })).toHaveAttribute("aria-pressed", "true");
  expect(await size()).toBeGreaterThanOrEqual(normal * 1.2);
  // Nothing overflows a small phone in large text.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.getByRole("button", { name: "大字" }).click();
  expect(await size()).toBe(normal);
});

test("the committee assigns a role, with the server's error next to the field", async ({ page }) => {
  await login(page, COMMITTEE);
  await enterVillage(page);
  await openWorkbench(page, "成员与角色");
  await page.getByRole("group", { name: "按网格筛选" }).getByRole("button", { name: "第一网格（古城片）" }).click();
  await page.getByRole("link", { name: "管理身份：姚伟" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "管理身份：姚伟" })).toBeVisible();

  await page.getByLabel("身份", { exact: true }).selectOption({ label: "网格员" });
  await page.getByRole("button", { name: "授予", exact: true }).click();
  await expect(page.getByText("请为网格员选择本社区的网格")).toBeVisible();
  await expect(page.getByLabel("负责的网格")).toHaveAttribute("aria-invalid", "true");

  await page.getByLabel("负责的网格").selectOption({ label: "第一网格（古城片）" });
  await page.getByRole("button", { name: "授予", exact: true }).click();
  await expect(page.getByText("已授予网格员身份。")).toBeVisible();
  const roles = page.getByRole("region", { name: "现有身份" });
  await expect(roles).toContainText("网格员（第一网格（古城片））");

  // He is the committee and the party organisation: he grants grid workers,
  // mediators and party members, and nothing else.
  await expect(page.getByLabel("身份", { exact: true }).locator("option")).toHaveText(["请选择身份", "网格员", "党员", "和事佬调解员"]);
  await page.getByLabel("身份", { exact: true }).selectOption({ label: "党员" });
  await page.getByRole("button", { name: "授予", exact: true }).click();
  await expect(page.getByText("已授予党员身份。")).toBeVisible();
  await expect(roles).toContainText("党员");
  // Revoking asks first.
  await roles.getByRole("button", { name: "撤销党员身份" }).click();
  await expect(roles.getByText("撤销后，姚伟将不再是党员；这次撤销会记入身份变动记录。")).toBeVisible();
  await roles.getByRole("button", { name: "返回" }).click();
  await expect(roles).toContainText("党员");
  await roles.getByRole("button", { name: "撤销党员身份" }).click();
  await roles.getByRole("button", { name: "确认撤销" }).click();
  await expect(page.getByText("已撤销党员身份。")).toBeVisible();
  await expect(roles).not.toContainText("党员");

  // The directory shows the new role.
  await page.getByRole("link", { name: "返回" }).click();
  await page.getByRole("group", { name: "按身份筛选" }).getByRole("button", { name: "网格员", exact: true }).click();
  await expect(page.getByRole("list", { name: "成员名录" })).toContainText("姚伟");
});

test("a grid worker registers an assisted resident", async ({ page }) => {
  await login(page, GRID_WORKER);
  await enterVillage(page);
  await openWorkbench(page, "代办登记");
  await expect(page.getByRole("heading", { level: 1, name: "代办登记居民" })).toBeVisible();
  // Only the grids she works for (one to three) are offered.
  const micro = page.getByLabel("所在微网格");
  await expect(micro.locator("optgroup")).toHaveCount(3);

  await page.getByLabel("居民姓名").fill("俞阿三");
  await page.getByLabel("联系电话").fill("abc");
  await micro.selectOption({ label: "古城三组" });
  await page.getByRole("button", { name: "登记", exact: true }).click();
  await expect(page.getByText("电话号码格式不正确")).toBeVisible();

  await page.getByLabel("联系电话").fill("0571-88001234");
  await page.getByRole("button", { name: "登记", exact: true }).click();
  await expect(page.getByText("已登记俞阿三，所在：第一网格（古城片） · 古城三组。")).toBeVisible();

  await openWorkbench(page, "成员与角色");
  await page.getByLabel("按姓名搜索").fill("俞阿三");
  await page.getByRole("button", { name: "搜索", exact: true }).click();
  const card = page.getByRole("listitem").filter({ hasText: "俞阿三" });
  await expect(card).toContainText("代办");
  await expect(card).toContainText("古城三组");
});

test("reset a forgotten password through the emailed link", async ({ page }) => {
  await page.goto("/login");
  await page.getByRole("link", { name: "忘记密码？" }).click();
  await page.getByLabel("邮箱").fill(newcomer.email);
  await page.getByRole("button", { name: "发送邮件" }).click();
  await expect(page.getByRole("status").filter({ hasText: "重设密码的邮件已发出" })).toBeVisible();
  const link = await mailLink(newcomer.email, "/reset-password");
  await page.goto(pathOf(link));
  await page.getByLabel("新密码").fill("short");
  await page.getByRole("button", { name: "重设密码" }).click();
  await expect(page.getByText("密码至少需要 8 个字符")).toBeVisible();
  newcomer.password = "tea-garden-autumn-2026";
  await page.getByLabel("新密码").fill(newcomer.password);
  await page.getByRole("button", { name: "重设密码" }).click();
  await expect(page.getByText("密码已重设，请用新密码登录。")).toBeVisible();
  await login(page, newcomer.email, newcomer.password);
  await expect(page.getByRole("heading", { level: 1, name: VILLAGE })).toBeVisible();
});

test("my sessions: a second device is listed and can be logged out", async ({ page, browser }) => {
  const other = await browser.newContext();
  const phone = await other.newPage();
  await login(phone, newcomer.email, newcomer.password);
  await login(page, newcomer.email, newcomer.password);
  await page.goto("/me");
  await page.getByRole("link", { name: "管理登录设备" }).click();
  await expect(page.getByText("本设备")).toBeVisible();
  const revoke = page.getByRole("button", { name: "退出该设备" });
  const before = await revoke.count();
  expect(before).toBeGreaterThanOrEqual(1);
  await revoke.first().click();
  await expect(page.getByText("已退出该设备。")).toBeVisible();
  await expect(revoke).toHaveCount(before - 1);
  await other.close();
});

test("the admin adds and renames grids and micro-grids", async ({ page }) => {
  await login(page, ADMIN);
  await enterVillage(page);
  await openWorkbench(page, "网格");
  await expect(page.getByRole("heading", { level: 1, name: "网格管理" })).toBeVisible();
  const form = page.getByRole("region", { name: "新建网格" });
  await form.getByLabel("名称").fill("第七网格（测试片）");
  await form.getByLabel("地址编码").fill("01");
  await form.getByRole("button", { name: "新建" }).click();
  await expect(form.getByText("该地址编码已被使用")).toBeVisible();
  await form.getByLabel("地址编码").fill("07");
  await form.getByRole("button", { name: "新建" }).click();
  await expect(page.getByText("已新建第七网格（测试片）。")).toBeVisible();

  const grid = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: /第七网格/ }) });
  await grid.getByText("新建微网格").click();
  await grid.getByLabel("名称").fill("测试一组");
  await grid.getByLabel("地址编码").fill("07-01");
  await grid.getByRole("button", { name: "新建" }).click();
  await expect(page.getByText("已新建测试一组。")).toBeVisible();
  await expect(grid).toContainText("测试一组");

  await grid.getByRole("button", { name: "为第七网格（测试片）改名" }).click();
  // The heading turns into the form: find the field on the page.
  await page.getByRole("textbox", { name: "为第七网格（测试片）改名" }).fill("第七网格（竹溪片）");
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page.getByText("已改名为第七网格（竹溪片）。")).toBeVisible();
  await expect(page.getByRole("heading", { name: /第七网格（竹溪片）/ })).toBeVisible();
});
