import { COMMITTEE, RESIDENT, VILLAGE, enterVillage, expect, login, openTab, test } from "./helpers";

// 议什么 in the browser: a resident proposes a topic, a neighbour supports
// and comments on it, the proposer replies; the committee screens a topic
// and hides a comment; the title search. The tests build on each other.
test.describe.configure({ mode: "serial" });

const NEIGHBOUR = "shen.yuee@xiaogucheng.example"; // 沈月娥, 俞建国's neighbour in 古城一组
const stamp = Date.now().toString(36).slice(-5);
const title = `老街组增设休息长椅（${stamp}）`;
let topicPath = "";

test("a resident proposes a topic, with the errors next to their fields", async ({ page }) => {
  await login(page, RESIDENT);
  await enterVillage(page);
  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "议题" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "议题" })).toBeVisible();
  await page.getByRole("link", { name: "提出议题" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "提出议题" })).toBeVisible();
  await expect(page.getByText("30 天内有 10 人附议")).toBeVisible();

  // The category is asked for first, then the server says what is wrong.
  await page.getByRole("button", { name: "提出议题" }).click();
  await expect(page.getByLabel("类别")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("请选择议题类别")).toBeVisible();
  await page.getByLabel("类别").selectOption({ label: "公益事业" });
  await page.getByRole("button", { name: "提出议题" }).click();
  await expect(page.getByText("标题不能为空")).toBeVisible();
  await expect(page.getByLabel("标题")).toHaveAttribute("aria-invalid", "true");

  await page.getByLabel("标题").fill(title);
  await page.getByLabel("具体内容").fill("老街组到村口有一段上坡路，老人走到一半要歇脚。\n建议在老樟树下放两张长椅。");
  await page.getByRole("checkbox", { name: "第六网格（新村片）" }).check();
  await page.getByRole("button", { name: "提出议题" }).click();

  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByText("议题已提出，请邻居们来附议吧。")).toBeVisible();
  topicPath = new URL(page.url()).pathname;
  expect(topicPath).toMatch(/\/c\/[^/]+\/topics\/[^/]+$/);
  await expect(page.getByText("附议中", { exact: true })).toBeVisible();
  await expect(page.getByText("涉及网格：第六网格（新村片）")).toBeVisible();
  await expect(page.getByText("附议 0/10")).toBeVisible();
  const timeline = page.getByRole("region", { name: "议题进程" });
  await expect(timeline.getByRole("listitem")).toHaveCount(1);
  await expect(timeline).toContainText("提出议题");
  await expect(timeline).toContainText("俞建国");
});

test("a neighbour supports the topic and comments; the proposer replies and edits", async ({ page, browser }) => {
  const context = await browser.newContext();
  const neighbour = await context.newPage();
  await login(neighbour, NEIGHBOUR);
  await neighbour.goto(topicPath);
  await expect(neighbour.getByRole("heading", { level: 1, name: title })).toBeVisible();
  const support = neighbour.getByRole("button", { name: "附议", exact: true });
  await expect(support).toBeEnabled();
  await support.click();
  await expect(neighbour.getByText("您已附议，谢谢！")).toBeVisible();
  await expect(neighbour.getByRole("region", { name: "议题状态" })).toContainText("征集附议中：已有 1 人附议，还差 9 人");
  await expect(neighbour.getByText("附议 1/10")).toBeVisible();
  await expect(neighbour.getByText("还差 9 人附议就进入审核")).toBeVisible();
  const supported = neighbour.getByRole("button", { name: "✓ 已附议" });
  await expect(supported).toBeDisabled();
  await expect(supported).toHaveAccessibleDescription("您已经附议过这个议题。");

  await openTab(neighbour, "讨论");
  await neighbour.getByLabel("发表评论").fill("赞成，老人走累了能歇歇脚。");
  await neighbour.getByRole("button", { name: "发表", exact: true }).click();
  await expect(neighbour.getByText("评论已发表。")).toBeVisible();
  const comments = neighbour.getByRole("list", { name: "评论" });
  await expect(comments.getByRole("article", { name: "沈月娥的评论" })).toContainText("赞成，老人走累了能歇歇脚。");
  await context.close();

  // The proposer sees the support and the comment, and replies.
  await login(page, RESIDENT);
  await page.goto(topicPath);
  await expect(page.getByText("附议 1/10")).toBeVisible();
  await openTab(page, "讨论");
  await expect(page.getByRole("heading", { name: "评论 （1 条）" })).toBeVisible();
  await page.getByRole("button", { name: "回复：沈月娥的评论" }).click();
  await page.getByLabel("回复沈月娥").fill("谢谢支持！我去问问老樟树边上能不能放。");
  await page.getByRole("button", { name: "发表回复" }).click();
  await expect(page.getByText("回复已发表。")).toBeVisible();
  const replies = page.getByRole("list", { name: "对沈月娥的回复" });
  const reply = replies.getByRole("article", { name: "俞建国的评论" });
  await expect(reply).toContainText("谢谢支持！");
  await expect(reply).toContainText("提出人");

  // Within ten minutes the author may edit it.
  await reply.getByRole("button", { name: "修改：俞建国的评论" }).click();
  await page.getByLabel("修改评论").fill("谢谢支持！我去问问村委会老樟树边上能不能放。");
  await page.getByRole("button", { name: "保存修改" }).click();
  await expect(page.getByText("评论已修改。")).toBeVisible();
  await expect(reply).toContainText("问问村委会");
  await expect(reply).toContainText("已修改");
  // One cannot edit another's comment, only report it.
  const theirs = page.getByRole("article", { name: "沈月娥的评论" });
  await expect(theirs.getByRole("button", { name: /^修改/ })).toHaveCount(0);
  await theirs.getByRole("button", { name: "举报：沈月娥的评论" }).click();
  await page.getByRole("button", { name: "提交举报" }).click();
  await expect(page.getByText("已举报，谢谢。村委会会查看。")).toBeVisible();

  // The topic page shows the support count and the timeline; the list shows them too.
  await page.reload();
  await openTab(page, "概况");
  await expect(page.getByText("附议 1/10")).toBeVisible();
  await expect(page.getByRole("region", { name: "议题进程" })).toContainText("提出议题");
  await page.getByRole("link", { name: "返回议题列表" }).click();
  const card = page.getByRole("listitem").filter({ has: page.getByRole("link", { name: title }) });
  await expect(card).toContainText("附议 1/10");
  await expect(card).toContainText("评论 2 条");
  await expect(card).toContainText("提出人：俞建国");
});

test("the committee accepts 开办老年食堂 for the villagers' council from the screening queue", async ({ page }) => {
  await login(page, COMMITTEE);
  await enterVillage(page);
  await expect(page.getByText(/个议题待审核/)).toBeVisible();
  await page.getByRole("link", { name: "审核议题" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "审核议题" })).toBeVisible();

  const card = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "开办老年食堂" }) });
  await expect(card).toContainText("村委会提出");
  await card.getByLabel("审核决定").selectOption({ label: "受理" });
  // Accepting needs a body: the server says so next to the field.
  await card.getByRole("button", { name: "确认决定" }).click();
  await expect(card.getByText("请选择议事机构")).toBeVisible();
  await expect(card.getByLabel("交由哪个机构协商")).toHaveAttribute("aria-invalid", "true");
  await card.getByLabel("交由哪个机构协商").selectOption({ label: "村民议事会" });
  await card.getByLabel("说明").fill("涉及全村老人，交村民议事会协商选址和收费。");
  await card.getByRole("button", { name: "确认决定" }).click();
  await page.getByRole("alertdialog", { name: "确认受理？" }).getByRole("button", { name: "受理", exact: true }).click();
  await expect(page.getByText("已受理“开办老年食堂”，交村民议事会协商。")).toBeVisible();
  await expect(page.getByRole("heading", { name: "开办老年食堂" })).toHaveCount(0);

  await page.getByRole("link", { name: "查看议题" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "开办老年食堂" })).toBeVisible();
  await expect(page.getByText("已受理", { exact: true })).toBeVisible();
  await expect(page.getByText("已受理，交村民议事会协商。")).toBeVisible();
  const timeline = page.getByRole("region", { name: "议题进程" });
  const accepted = timeline.getByRole("listitem").filter({ hasText: "受理，交村民议事会协商" });
  await expect(accepted).toContainText("俞国强");
  await expect(accepted).toContainText("说明：涉及全村老人，交村民议事会协商选址和收费。");
  await expect(timeline.getByRole("listitem").first()).toContainText("提出议题");
  await expect(timeline).toContainText("进入审核");
  // Supports are closed once accepted.
  await expect(page.getByRole("button", { name: "附议", exact: true })).toBeDisabled();
  await expect(page.getByText("这个议题已不在附议阶段。")).toBeVisible();
});

test("the committee hides a comment with a reason, which is published in its place", async ({ page }) => {
  await login(page, COMMITTEE);
  await page.goto(`${topicPath}?tab=discussion`);
  const comment = page.getByRole("article", { name: "沈月娥的评论" });
  await comment.getByRole("button", { name: "隐藏：沈月娥的评论" }).click();
  await page.getByRole("button", { name: "确认隐藏" }).click();
  await expect(page.getByText("理由不能为空")).toBeVisible();
  await page.getByLabel("隐藏理由").fill("测试：与议题无关");
  await page.getByRole("button", { name: "确认隐藏" }).click();
  await expect(page.getByText("评论已隐藏。")).toBeVisible();
  await expect(comment).toContainText("该评论已被隐藏：测试：与议题无关");
  await expect(comment).not.toContainText("赞成");
  await openTab(page, "概况");
  await expect(page.getByRole("region", { name: "议题进程" }).getByRole("listitem").filter({ hasText: "隐藏了一条评论" })).toContainText(
    "理由：测试：与议题无关",
  );
});

test("searching by title finds 村口停车难, accepted for the villagers' council", async ({ page }) => {
  await login(page, RESIDENT);
  await enterVillage(page);
  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "议题" }).click();
  await page.getByRole("searchbox", { name: "按标题搜索" }).fill("停车");
  await page.getByRole("button", { name: "搜索", exact: true }).click();
  await expect(page).toHaveURL(/q=%E5%81%9C%E8%BD%A6/);
  await expect(page.getByText("标题含“停车”的议题共 1 个")).toBeVisible();
  const list = page.getByRole("list", { name: "议题列表" });
  await expect(list.getByRole("listitem")).toHaveCount(1);
  await expect(list).toContainText("已受理");
  await list.getByRole("link", { name: "村口停车难" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "村口停车难" })).toBeVisible();
  await expect(page.getByRole("region", { name: "议题进程" })).toContainText("受理，交村民议事会协商");
  // The seeded conversation: a comment with its reply.
  await openTab(page, "讨论");
  await expect(page.getByRole("list", { name: "对沈月娥的回复" })).toContainText("上周还有两辆车刮了");

  // Filters: my grid (俞建国 lives in the first), a state; nothing matches a nonsense title.
  await page.goBack();
  await page.getByRole("button", { name: "清除搜索" }).click();
  await page.getByRole("checkbox", { name: "只看涉及我所在网格的议题" }).check();
  await expect(page).toHaveURL(/mine=1/);
  await expect(page.getByRole("list", { name: "议题列表" })).toContainText("村口停车难");
  await expect(page.getByRole("list", { name: "议题列表" })).not.toContainText("垃圾分类亭改造");
  await page.getByRole("checkbox", { name: "只看涉及我所在网格的议题" }).uncheck();
  const byState = page.getByRole("group", { name: "按状态筛选" });
  await byState.getByRole("button", { name: "不予受理" }).click();
  await expect(page).toHaveURL(/state=REJECTED/);
  await expect(page.getByRole("list", { name: "议题列表" })).toContainText("要求村里出资修缮私人祖屋");
  await byState.getByRole("button", { name: "全部状态" }).click();
  await expect(byState.getByRole("button", { name: "全部状态" })).toHaveAttribute("aria-pressed", "true");
  await page.getByRole("searchbox", { name: "按标题搜索" }).fill("没有这样的议题");
  await page.getByRole("button", { name: "搜索", exact: true }).click();
  await expect(page.getByText("没有符合条件的议题。")).toBeVisible();
});

test("the link in a reminder email (/topics/<id>) opens the topic in its community", async ({ page }) => {
  await login(page, RESIDENT);
  const gid = topicPath.split("/").pop()!;
  const local = Buffer.from(gid, "base64url").toString().replace(/^Topic:/, "");
  await page.goto(`/topics/${local}`);
  await expect(page).toHaveURL(new RegExp(`${topicPath}$`));
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.locator(".brand-community")).toHaveText(VILLAGE);
});

test("the links in reminder emails and the calendar (/meetings/<id>, /resolutions/<id>) open the record in its community", async ({ page }) => {
  await login(page, RESIDENT);
  await enterVillage(page);
  const home = page.url();
  // The demo's council on 村口停车难 and its resolution, reached from the village's pages.
  await page.goto(`${home}/resolutions`);
  await page.getByRole("link", { name: /临时停车场/ }).first().click();
  await expect(page).toHaveURL(/\/resolutions\/[^/]+$/);
  const resolutionPath = new URL(page.url()).pathname;
  await page.goto(home);
  await page.getByRole("link", { name: /村民议事会：村口停车难/ }).first().click();
  await expect(page).toHaveURL(/\/meetings\/[^/]+$/);
  const meetingPath = new URL(page.url()).pathname;
  for (const [kind, path] of [["Resolution", resolutionPath], ["Meeting", meetingPath]] as const) {
    const local = Buffer.from(path.split("/").pop()!, "base64url").toString().replace(new RegExp(`^${kind}:`), "");
    await page.goto(`/${kind.toLowerCase()}s/${local}`);
    await expect(page).toHaveURL(new RegExp(`${path}$`));
    await expect(page.locator(".brand-community")).toHaveText(VILLAGE);
  }
  await page.goto("/meetings/no-such-meeting");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/找不到|不存在/);
});
