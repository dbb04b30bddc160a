import { DEMO_PASSWORD, OPERATOR, VILLAGE, checkPage, enterVillage, expect, login, logout, mailLink, pathOf, test, openWorkbench } from "./helpers";

// Opening a community: a resident asks, the platform's operator approves,
// and the resident is its first admin. Then roles by rank: a committee
// member may grant grid workers only, and every grant is on the record.
// The tests build on each other.
test.describe.configure({ mode: "serial" });

const REQUESTER = { name: "郑小红", email: "zheng.xiaohong@xiaogucheng.example" };
const COMMITTEE_ONLY = { name: "姚建明", email: "yao.jianming@xiaogucheng.example" }; // 村委会主任, no other role
const STREET = { name: "径山镇", code: "330110109" };

// Codes unique to this run: the village's is 330110109201.
const n = Date.now() % 700;
const opened = { name: `测试新村${n}`, code: `${STREET.code}${String(300 + n).padStart(3, "0")}` };
const refused = { name: `测试重名村${n}`, code: `${STREET.code}${String(300 + ((n + 1) % 700)).padStart(3, "0")}` };

test("a resident has no operator link, and asks to open a village", async ({ page }, info) => {
  await login(page, REQUESTER.email);
  await page.goto("/communities");
  const nav = page.getByRole("navigation", { name: "主导航" });
  await expect(nav.getByRole("link", { name: "社区" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "平台运营" })).toHaveCount(0);
  await page.goto("/me");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByRole("link", { name: "平台运营" })).toHaveCount(0);
  await page.goto("/operator");
  await expect(page.getByRole("alert")).toHaveText("您没有权限查看此页。");

  await page.goto("/communities");
  await page.getByRole("link", { name: "申请开通村（社区）" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "申请开通村（社区）" })).toBeVisible();
  await expect(page.getByText("12 位统计用区划代码，以所属街道代码开头")).toBeVisible();
  await expect(page.getByText("您的身份，便于平台核实", { exact: false })).toBeVisible();

  // Every field is required; errors sit next to their fields and clear as one types.
  await page.getByRole("button", { name: "提交申请" }).click();
  await expect(page.getByText("请选择所属街道（乡镇）")).toBeVisible();
  await expect(page.getByLabel("名称")).toHaveAttribute("aria-invalid", "true");
  await page.getByLabel("所属街道（乡镇）").selectOption({ label: STREET.name });
  await expect(page.getByText("请选择所属街道（乡镇）")).toHaveCount(0);
  await page.getByLabel("名称").fill(opened.name);
  await page.getByLabel("类型").selectOption({ label: "村" });
  await page.getByLabel("区划代码").fill("330110108201");
  await page.getByLabel("申请人说明").fill("新村村委会文书，电话 0571-88880000");
  await page.getByRole("button", { name: "提交申请" }).click();
  await expect(page.getByText(`区划代码须以所属街道的代码 ${STREET.code} 开头`)).toBeVisible();
  await page.getByLabel("区划代码").fill(opened.code);
  await expect(page.getByText(`区划代码须以所属街道的代码 ${STREET.code} 开头`)).toHaveCount(0);
  await page.getByRole("button", { name: "提交申请" }).click();
  await expect(page.getByText("申请已提交，等待平台审核。")).toBeVisible();
  const mine = page.getByRole("region", { name: "我的开通申请" });
  await expect(mine.getByRole("listitem").filter({ hasText: opened.name })).toContainText("等待审核");

  // A code already asked for is refused by the server, next to the field.
  await page.getByLabel("所属街道（乡镇）").selectOption({ label: STREET.name });
  await page.getByLabel("名称").fill(opened.name);
  await page.getByLabel("类型").selectOption({ label: "村" });
  await page.getByLabel("区划代码").fill(opened.code);
  await page.getByLabel("申请人说明").fill("再申请一次");
  await page.getByRole("button", { name: "提交申请" }).click();
  await expect(page.getByText("这个代码已有待审核的开通申请")).toBeVisible();

  // A second request, which the operator turns down.
  await page.getByLabel("名称").fill(refused.name);
  await page.getByLabel("区划代码").fill(refused.code);
  await page.getByRole("button", { name: "提交申请" }).click();
  await expect(mine.getByRole("listitem").filter({ hasText: refused.name })).toContainText("等待审核");
  await checkPage(page, "community-request", info);
});

test("the operator verifies their email, opens one village and turns down the other, and adds a street", async ({ page }, info) => {
  await login(page, OPERATOR);
  // Not an operator until the email is verified.
  await page.goto("/operator");
  await expect(page.getByRole("alert")).toHaveText("您没有权限查看此页。");
  await page.goto("/me");
  const since = new Date(Date.now() - 1000);
  await page.getByRole("button", { name: "重新发送验证邮件" }).click();
  await expect(page.getByText("验证邮件已发送，请查收。")).toBeVisible();
  await page.goto(pathOf(await mailLink(OPERATOR, "/verify-email", 30_000, since)));
  await expect(page.getByText("邮箱已验证，谢谢！")).toBeVisible();

  await page.goto("/communities");
  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "平台运营" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "平台运营" })).toBeVisible();
  const requests = page.getByRole("list", { name: "待审核的开通申请" });
  const card = requests.getByRole("listitem").filter({ hasText: opened.name });
  await expect(card).toContainText(REQUESTER.name);
  await expect(card).toContainText(opened.code);
  await expect(card).toContainText("新村村委会文书");

  // Approving asks first and says what follows.
  await card.getByRole("button", { name: `开通：${opened.name}` }).click();
  await expect(card.getByText(`开通后，${REQUESTER.name}将成为${opened.name}的第一位管理员。开通后不能撤回。`)).toBeVisible();
  await checkPage(page, "operator-approve-confirm", info);
  await card.getByRole("button", { name: "确认开通" }).click();
  await expect(page.getByText(`已开通${opened.name}。`)).toBeVisible();
  await expect(requests.getByRole("listitem").filter({ hasText: opened.name })).toHaveCount(0);

  // Turning down needs a reason.
  const other = requests.getByRole("listitem").filter({ hasText: refused.name });
  await other.getByRole("button", { name: `不通过：${refused.name}` }).click();
  await other.getByRole("button", { name: "确认不通过" }).click();
  await expect(other.getByText("请填写不通过的理由")).toBeVisible();
  await other.getByLabel("不通过的理由").fill("名称有误，请核对后重新申请");
  await other.getByRole("button", { name: "确认不通过" }).click();
  await expect(page.getByText(`已退回${refused.name}的申请。`)).toBeVisible();

  // A street, with its 9-digit code.
  const street = { name: `测试街道${n}`, code: `330110${String(200 + n).padStart(3, "0")}` };
  const form = page.getByRole("region", { name: "新建街道（乡镇）" });
  await form.getByLabel("名称").fill(street.name);
  await form.getByLabel("区划代码").fill("33011");
  await form.getByRole("button", { name: "新建" }).click();
  await expect(form.getByText("区划代码须为 9 位数字")).toBeVisible();
  await form.getByLabel("区划代码").fill(street.code);
  await form.getByRole("button", { name: "新建" }).click();
  await expect(page.getByText(`已新建${street.name}。`)).toBeVisible();
  await form.getByText(/^已有街道（乡镇）/).click();
  await expect(form).toContainText(street.code);
  await checkPage(page, "operator", info);
});

test("the requester sees the new village, with admin rights, and the turned-down request with its reason", async ({ page }) => {
  await login(page, REQUESTER.email);
  await page.goto("/communities/request");
  const mine = page.getByRole("region", { name: "我的开通申请" });
  const done = mine.getByRole("listitem").filter({ hasText: opened.name });
  await expect(done).toContainText("已开通");
  const no = mine.getByRole("listitem").filter({ hasText: refused.name });
  await expect(no).toContainText("未通过");
  await expect(no).toContainText("理由：名称有误，请核对后重新申请");

  await done.getByRole("link", { name: `进入：${opened.name}` }).click();
  await expect(page.getByRole("heading", { level: 1, name: opened.name })).toBeVisible();
  await expect(page.locator(".summary")).toContainText("管理员");
  const nav = page.getByRole("navigation", { name: "主导航" });
  await expect(nav.getByRole("link", { name: "工作台" })).toBeVisible();
  await page.goto("/communities");
  await expect(page.getByRole("link", { name: `进入：${opened.name}` })).toBeVisible();
  await expect(page.getByRole("link", { name: `进入：${VILLAGE}` })).toBeVisible();
});

test("a committee member may grant grid workers and mediators only, and the role history shows who did", async ({ page }, info) => {
  await login(page, COMMITTEE_ONLY.email, DEMO_PASSWORD);
  await enterVillage(page);
  await openWorkbench(page, "成员与角色");
  await page.getByRole("group", { name: "按网格筛选" }).getByRole("button", { name: "第一网格（古城片）" }).click();
  await page.getByRole("link", { name: "管理身份：褚国平" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "管理身份：褚国平" })).toBeVisible();

  const select = page.getByLabel("身份", { exact: true });
  await expect(select.locator("option")).toHaveText(["请选择身份", "网格员", "和事佬调解员"]);
  await select.selectOption({ label: "网格员" });
  await page.getByLabel("负责的网格").selectOption({ label: "第一网格（古城片）" });
  await page.getByRole("button", { name: "授予", exact: true }).click();
  await expect(page.getByText("已授予网格员身份。")).toBeVisible();
  const roles = page.getByRole("region", { name: "现有身份" });
  await expect(roles).toContainText("网格员（第一网格（古城片））");
  // Only what he may grant has a revoke button; the resident role has none.
  await expect(roles.getByRole("button")).toHaveCount(1);
  await expect(roles.getByRole("button")).toHaveAccessibleName(/^撤销网格员/);
  await checkPage(page, "member-committee", info);

  // The role history on the village's home shows the grant.
  await page.getByRole("link", { name: "返回" }).click();
  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "首页" }).click();
  await expect(page.getByRole("heading", { level: 1, name: VILLAGE })).toBeVisible();
  await page.getByText("身份变动记录", { exact: true }).click();
  const history = page.getByRole("list", { name: "身份变动记录" });
  await expect(history.getByRole("listitem").first()).toContainText(`${COMMITTEE_ONLY.name} 授予 褚国平“网格员（第一网格（古城片））”身份`);
  await checkPage(page, "role-history", info);
  await logout(page);
});

test("the owners' committee's lead names the owners' delegates, and nothing else", async ({ page }) => {
  await login(page, "wu.jianguo@qingchunfang.example", DEMO_PASSWORD);
  await page.goto("/communities");
  await page.getByRole("link", { name: "进入：青春坊社区" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "青春坊社区" })).toBeVisible();
  await openWorkbench(page, "成员与角色");
  await page.getByRole("link", { name: "管理身份：孙明" }).click();
  const select = page.getByLabel("身份", { exact: true });
  await expect(select.locator("option")).toHaveText(["请选择身份", "业委会"]);
  await select.selectOption({ label: "业委会" });
  await page.getByRole("button", { name: "授予", exact: true }).click();
  await expect(page.getByText("已授予业委会身份。")).toBeVisible();
  // Taken back, so the three-party story (story.spec.ts) finds the
  // delegates the demo data gives.
  const roles = page.getByRole("region", { name: "现有身份" });
  await roles.getByRole("button", { name: "撤销业委会身份" }).click();
  await roles.getByRole("button", { name: "确认撤销" }).click();
  await expect(page.getByText("已撤销业委会身份。")).toBeVisible();
  await logout(page);
});
