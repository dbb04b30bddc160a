import { RESIDENT, checkPage, expect, login, logout, test } from "./helpers";

// The public record (公信链) of the demo village: a resident finds it from
// the home's tile; anyone, logged out, checks the signed head and an
// entry's inclusion in the browser (WebCrypto Ed25519 and SHA-256).

test("anyone checks the village's public record in the browser", async ({ page }, info) => {
  await login(page, RESIDENT);
  await page.getByRole("link", { name: "公信链：核验公开记录" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "公信链" })).toBeVisible();
  const url = page.url();
  expect(url).toMatch(/\/c\/[^/]+\/record$/);

  await logout(page);
  await page.goto(url);
  await expect(page.getByRole("heading", { level: 1, name: "公信链" })).toBeVisible();
  await expect(page).toHaveURL(url); // no detour to the login page
  // The server signs each record's head when it starts (after the demo
  // data) and in its daily clean-up.
  const verifyHead = page.getByRole("button", { name: "核验签名" });

  await verifyHead.click();
  await expect(page.getByText("✓ 签名有效")).toBeVisible();

  const entry = page.getByRole("article").filter({ has: page.getByRole("button", { name: /^核验第 \d+ 条$/ }) }).first();
  await expect(entry).toContainText("村委会"); // the role in words, by the community's kind
  await entry.getByRole("button", { name: /^核验第 \d+ 条$/ }).click();
  await expect(entry.getByText("✓ 已核验")).toBeVisible();
  await expect(page.getByText("✗")).toHaveCount(0);

  await expect(page.getByRole("link", { name: "下载全部记录（.jsonl）" })).toHaveAttribute("href", /^\/record\/\d{12}\.jsonl$/);
  await expect(page.getByText(/^yishi record verify http:\/\/.+\/record\/\d{12}\.jsonl$/)).toBeVisible();
  await checkPage(page, "record", info);

  // The hashes under 公开核验 stay within a phone's width, in large text too.
  await page.getByText("公开核验").first().click();
  await entry.getByText("公开核验").click();
  await expect(entry.getByText("审计路径", { exact: false })).toBeVisible();
  await checkPage(page, "record-verification-open", info);
  await page.getByRole("button", { name: "大字" }).click();
  await checkPage(page, "record-large-text", info);
  await page.getByRole("button", { name: "大字" }).click();

  await page.locator(".topbar").getByRole("button", { name: "Switch to English" }).click(); // logged out: the top bar has it
  await expect(page.getByRole("heading", { level: 1, name: "Public record" })).toBeVisible();
  await page.getByRole("button", { name: "Check the signature" }).click();
  await expect(page.getByText("✓ Valid signature")).toBeVisible();
  await expect(page.getByRole("article").filter({ hasText: "Recorded by: Committee" }).first()).toBeVisible();
  await checkPage(page, "record-en", info);
});
