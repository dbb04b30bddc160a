import { ADMIN, RESIDENT, enterVillage, expect, login, pathOf, switchLanguage, test } from "./helpers";

// The Reminders issue in the browser: notification settings kept by the
// server, the server's error next to a bad time, the calendar link and its
// regeneration, and the admin's failed notifications.

const PAN = "pan.suzhen@xiaogucheng.example"; // 潘素珍, a resident of 小古城村

test("a resident turns the weekly digest off and quiet hours to 22:00, and they are kept", async ({ page }) => {
  await login(page, PAN);
  await page.goto("/me");
  await page.getByRole("link", { name: "通知设置" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "通知设置" })).toBeVisible();

  const digest = page.getByRole("checkbox", { name: "每周摘要" });
  await expect(digest).toBeChecked();
  await expect(page.getByRole("checkbox", { name: "开启免打扰" })).toBeChecked();
  await expect(page.getByLabel("开始时间")).toHaveValue("21:00");
  await digest.uncheck();
  await page.getByLabel("开始时间").fill("22:00");
  await page.getByRole("button", { name: "保存设置" }).click();
  await expect(page.getByRole("status").filter({ hasText: "通知设置已保存。" })).toBeVisible();

  await page.reload();
  await expect(page.getByRole("checkbox", { name: "每周摘要" })).not.toBeChecked();
  await expect(page.getByLabel("开始时间")).toHaveValue("22:00");
  await expect(page.getByLabel("结束时间")).toHaveValue("08:00");

  // A time typed the way a phone's keyboard makes it easy is tidied.
  await page.getByLabel("结束时间").fill("730");
  await page.getByRole("button", { name: "保存设置" }).click();
  await expect(page.getByRole("status").filter({ hasText: "通知设置已保存。" })).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("结束时间")).toHaveValue("07:30");
});

test("a bad time shows the server's message next to the field, in Chinese and in English", async ({ page }) => {
  await login(page, PAN);
  await page.goto("/me/notifications");
  const start = page.getByLabel("开始时间");
  await start.fill("25:00");
  await page.getByRole("button", { name: "保存设置" }).click();
  await expect(start).toHaveAttribute("aria-invalid", "true");
  const describedBy = (await start.getAttribute("aria-describedby"))!.split(" ");
  const texts = await Promise.all(describedBy.map((id) => page.locator(`[id="${id}"]`).textContent()));
  expect(texts).toContain("⚠ 时间格式应为 HH:MM");
  await expect(page.getByRole("status").filter({ hasText: "通知设置已保存。" })).toHaveCount(0);

  await switchLanguage(page, "en");
  await page.getByLabel("From").fill("25:00");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("time must be HH:MM")).toBeVisible();
  await switchLanguage(page, "zh-CN");
});

test("the calendar link is shown, copied, and regenerating it changes it", async ({ page, context, baseURL }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseURL });
  await login(page, RESIDENT);
  await page.goto("/me/notifications");
  const field = page.getByLabel("日历订阅链接");
  await expect(field).toHaveValue(/\/calendar\/[^/]+\.ics$/);
  const before = await field.inputValue();
  await expect(page.getByText("在手机日历里订阅下面的链接")).toBeVisible();
  await expect(page.getByRole("link", { name: "在日历中订阅" })).toHaveAttribute("href", before.replace(/^https?:/, "webcal:"));

  await page.getByRole("button", { name: "复制链接" }).click();
  await expect(page.getByText("链接已复制。")).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(before);
  expect((await page.request.get(pathOf(before))).status()).toBe(200);

  await page.getByRole("button", { name: "重新生成链接" }).click();
  await expect(page.getByText("旧链接立即失效")).toBeVisible();
  await page.getByRole("button", { name: "取消" }).click();
  await expect(field).toHaveValue(before);

  await page.getByRole("button", { name: "重新生成链接" }).click();
  await page.getByRole("button", { name: "确定重新生成" }).click();
  await expect(page.getByText("已生成新链接，旧链接已失效。")).toBeVisible();
  await expect(field).not.toHaveValue(before);
  const after = await field.inputValue();
  expect(after).toMatch(/\/calendar\/[^/]+\.ics$/);
  expect((await page.request.get(pathOf(before))).status()).toBe(404);
  expect((await page.request.get(pathOf(after))).status()).toBe(200);
  await page.reload();
  await expect(page.getByLabel("日历订阅链接")).toHaveValue(after);
});

test("my notifications lists the mail sent to me, with kinds and states in words", async ({ page }) => {
  await login(page, PAN);
  await page.goto("/me");
  await page.getByRole("link", { name: "我的通知" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "我的通知" })).toBeVisible();
  await expect(page.getByText(/^共 \d+ 条$/)).toBeVisible();
  const list = page.getByRole("list", { name: "我的通知" });
  const empty = page.getByText("还没有发给您的通知。");
  await expect(list.or(empty)).toBeVisible();
  if (await list.isVisible()) {
    await expect(list.getByRole("listitem").first()).toContainText(/已发送|待发送|发送失败|已取消|未发送/);
  }
});

test("the admin sees the failed notifications, and nobody else does", async ({ page, browser }) => {
  await login(page, ADMIN);
  await enterVillage(page);
  const home = page.url();
  await page.getByRole("region", { name: "社区管理" }).getByRole("link", { name: "发送失败的通知" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "发送失败的通知" })).toBeVisible();
  await expect(page.getByText("没有发送失败的通知。")).toBeVisible();
  await expect(page.getByText("共 0 条")).toBeVisible();

  const context = await browser.newContext();
  const resident = await context.newPage();
  await login(resident, RESIDENT);
  await resident.goto(new URL(home).pathname + "/notifications/failed");
  await expect(resident.getByRole("alert")).toHaveText("只有管理员可以查看发送失败的通知。");
  await expect(resident.getByRole("region", { name: "社区管理" })).toHaveCount(0);
  await context.close();
});
