import { expect, test } from "@playwright/test";

// GraphiQL runs under its content security policy: the editor appears and
// the browser reports no violation.
test("GraphiQL works under its content security policy", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error" && /Content Security Policy|Refused to/.test(m.text())) violations.push(m.text());
  });
  const res = await page.goto("/graphql");
  expect(res?.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
  await expect(page.locator(".graphiql-container")).toBeVisible();
  expect(violations).toEqual([]);
});
