import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type APIRequestContext, type BrowserContext, type Page, type TestInfo } from "@playwright/test";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

export { expect };

/**
 * test is Playwright's test with a guard on every page the test opens: a
 * CSP violation or an uncaught error in the page fails the test.
 */
export const test = base.extend<{ guard: void }>({
  guard: [
    async ({ context }, use) => {
      const problems: string[] = [];
      const watch = (page: Page) => {
        page.on("console", (m) => {
          if (m.type() === "error" && /Content Security Policy|Refused to/i.test(m.text())) problems.push(m.text());
        });
        page.on("pageerror", (e) => problems.push(String(e)));
      };
      context.pages().forEach(watch);
      context.on("page", watch);
      await use();
      expect(problems, "CSP violations or page errors").toEqual([]);
    },
    { auto: true },
  ],
});

/** The demo password (seed.DemoPassword) and the demo accounts the tests use (seed/data.go). */
export const DEMO_PASSWORD = "yishi-demo-2026";
export const ADMIN = "shen.liping@xiaogucheng.example"; // 沈丽萍, admin of 小古城村
export const COMMITTEE = "yu.guoqiang@xiaogucheng.example"; // 俞国强, party secretary and committee
export const GRID_WORKER = "qian.xiaoyan@xiaogucheng.example"; // 钱晓燕, grids 1 to 3
export const RESIDENT = "yu.jianguo@xiaogucheng.example"; // 俞建国
export const SUPERVISOR = "chu.weimin@xiaogucheng.example"; // 褚卫民, 村务监督委员会主任 (the supervisory committee)
export const VILLAGE = "小古城村";
/** A platform operator: playwright.config.ts puts this email in YISHI_OPERATORS; it counts once verified. */
export const OPERATOR = "yu.chenglin@xiaogucheng.example"; // 俞成林

/** login fills the login form and waits to leave it. */
export async function login(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/login");
  await page.getByLabel("邮箱", { exact: true }).fill(email);
  await page.getByLabel("密码", { exact: true }).fill(password);
  await page.getByRole("button", { name: "登录", exact: true }).click();
  await expect(page).not.toHaveURL(/\/login/);
}

/** logout logs out from the profile page. */
export async function logout(page: Page) {
  await page.goto("/me");
  await page.getByRole("button", { name: "退出登录" }).click();
  await expect(page).toHaveURL(/\/login/);
}

/** enterVillage goes to the demo village's home from wherever the login landed. */
export async function enterVillage(page: Page) {
  await page.goto("/communities");
  await page.getByRole("link", { name: `进入：${VILLAGE}` }).click();
  await expect(page.getByRole("heading", { level: 1, name: VILLAGE })).toBeVisible();
}

/**
 * mailLink waits for the mail to `to` holding a link to path (as the file
 * mailer keeps it under <data-dir>/mail) and returns the link. Mail may be
 * sent by a job a little after the request, so it polls. With since, only
 * mail written from then on counts.
 */
export async function mailLink(to: string, path: string, timeoutMs = 30_000, since?: Date): Promise<string> {
  const dir = join(process.env.YISHI_E2E_DATA!, "mail");
  const re = new RegExp(`https?://[^\\s]+${path}\\?token=[A-Za-z0-9_\\-.~%]+`);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    let names: string[] = [];
    try {
      names = readdirSync(dir).filter((n) => n.endsWith(".eml")).sort().reverse();
      if (since) names = names.filter((n) => n >= mailStamp(since));
    } catch {
      // no mail yet
    }
    for (const n of names) {
      const text = readFileSync(join(dir, n), "utf8");
      if (!new RegExp(`^To: .*${to.replace(/[.+]/g, "\\$&")}`, "m").test(text)) continue;
      const m = text.replace(/=\r?\n/g, "").match(re);
      if (m) return m[0];
    }
    if (Date.now() > deadline) throw new Error(`no mail to ${to} with a ${path} link in ${dir}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** mailStamp is how the file mailer starts a file's name: the UTC time, 20060102T150405.000. */
function mailStamp(d: Date): string {
  return d.toISOString().replace(/[-:]/g, "").replace("Z", "");
}

/** pathOf returns the path and query of a link, to open on the test server. */
export function pathOf(link: string): string {
  const u = new URL(link);
  return u.pathname + u.search;
}

/** SIZES are the viewports every page is shot at: a small phone and a laptop. */
export const SIZES = [
  { name: "phone", width: 360, height: 740 },
  { name: "desktop", width: 1280, height: 800 },
] as const;

/**
 * checkPage waits for the page to settle, runs axe-core on it and fails on
 * serious or critical violations, checks that nothing is wider than the
 * viewport and that every control is at least 44×44 px, and writes a screenshot at each size to test-results/screens.
 */
export async function checkPage(page: Page, name: string, info: TestInfo) {
  for (const size of SIZES) {
    await page.setViewportSize({ width: size.width, height: size.height });
    await settle(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `${name} is wider than ${size.width} px`).toBeLessThanOrEqual(0);
    const small = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>("button, .btn, input, select, textarea, summary, nav a, .tab")]
        .filter((el) => el.offsetParent !== null && !el.closest(".skip-link"))
        .map((el) => ({ el, r: el.getBoundingClientRect() }))
        .filter(({ r }) => r.height < 44 || r.width < 44)
        .map(({ el, r }) => `${el.tagName.toLowerCase()} "${(el.textContent ?? "").trim().slice(0, 20)}" ${Math.round(r.width)}×${Math.round(r.height)}`),
    );
    expect(small, `touch targets under 44 px on ${name} at ${size.name}`).toEqual([]);
    await page.screenshot({ path: `test-results/screens/${name}-${size.name}.png`, fullPage: true });
    const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    const bad = axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    const report = bad.map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(" ")).join("\n  ")}`);
    await info.attach(`axe-${name}-${size.name}.json`, { body: JSON.stringify(axe.violations, null, 2), contentType: "application/json" });
    expect(report, `axe on ${name} at ${size.name}`).toEqual([]);
  }
  await page.setViewportSize({ width: 360, height: 740 });
}

/** settle waits until no skeleton is left and fonts are ready. */
export async function settle(page: Page) {
  await page.waitForLoadState("networkidle");
  await expect(page.locator("[aria-busy=true]")).toHaveCount(0);
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
}


/**
 * switchLanguage switches the UI's language the way a member does, in 我的
 * (the top bar has the switch only when logged out), and comes back.
 */
export async function switchLanguage(page: Page, to: "en" | "zh-CN") {
  const back = page.url();
  await page.getByRole("navigation", { name: to === "en" ? "主导航" : "Main navigation" }).getByRole("link", { name: to === "en" ? "我的" : "Me", exact: true }).click();
  await page.getByRole("main").getByRole("button", { name: to === "en" ? "Switch to English" : "切换到中文" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", to);
  await page.goto(back);
}

/** openTab opens a tab of a topic page (概况, 讨论, 议事小组, 表决). */
export async function openTab(page: Page, name: string) {
  await page.getByRole("navigation", { name: "议题内容" }).getByRole("link", { name, exact: true }).click();
  await expect(page.getByRole("navigation", { name: "议题内容" }).getByRole("link", { name, exact: true })).toHaveAttribute("aria-current", "page");
}

/** openWorkbench goes to the staff's 工作台 by the main navigation and opens one of its tools. */
export async function openWorkbench(page: Page, tool: string) {
  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "工作台" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "工作台" })).toBeVisible();
  await page.getByRole("main").getByRole("link", { name: tool, exact: true }).click();
}

/** wrappedLabels lists the buttons, tabs and tiles whose label of at most 4 CJK characters (or one English word) takes more than one line. */
export async function wrappedLabels(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const els = document.querySelectorAll<HTMLElement>("button, .btn, .nav-label, .tab, .action-tile, .decision-label, .phase-line li, .tag");
    for (const el of els) {
      if (el.offsetParent === null) continue;
      const text = (el.textContent ?? "").replace(/[●○✓⌂✎☑☷☺]/g, "").trim();
      const short = /^[\u4e00-\u9fff]{1,4}$/.test(text) || /^[A-Za-z]{1,14}$/.test(text);
      if (!short) continue;
      const range = document.createRange();
      range.selectNodeContents(el);
      // A new line starts where a box begins below the bottom of the line so far (an icon and
      // its text on one line have different tops, but overlap).
      const rects = [...range.getClientRects()].filter((r) => r.width > 0).sort((a, b) => a.top - b.top);
      let lines = 0;
      let bottom = -Infinity;
      for (const r of rects) {
        if (r.top >= bottom - 1) lines++;
        bottom = Math.max(bottom, r.bottom);
      }
      if (lines > 1) out.push(`"${text}" on ${lines} lines`);
    }
    return out;
  });
}

/** largeText turns 大字 on or off. */
export async function largeText(page: Page, on: boolean) {
  const sw = page.locator(".topbar").getByRole("button", { name: /大字|Large text/ });
  if ((await sw.getAttribute("aria-pressed")) !== String(on)) await sw.click();
}

/** gql runs a GraphQL operation as the page's logged-in user and expects no errors. */
export async function gql<T>(page: Page, query: string, variables: Record<string, unknown>): Promise<T> {
  const res = await page.request.post("/graphql", { data: { query, variables } });
  const body = (await res.json()) as { data?: T; errors?: { message: string }[] };
  expect(body.errors ?? []).toEqual([]);
  return body.data as T;
}

/**
 * moveClock sets the server's test clock to a time (from the real time:
 * the clock only moves forward from where it was reset) and the pages'
 * clocks of the contexts with it, since the pages check their check-in
 * window and dates on their own clock. Reset it after the test
 * (POST /test/clock?reset=1).
 */
export async function moveClock(request: APIRequestContext, to: Date, ...contexts: BrowserContext[]) {
  expect((await request.post("/test/clock?reset=1")).status()).toBe(200);
  const res = await request.post(`/test/clock?advance=${to.getTime() - Date.now()}ms`);
  expect(res.status(), await res.text()).toBe(200);
  for (const c of contexts) {
    if (installed.has(c)) await c.clock.setSystemTime(to);
    else await c.clock.install({ time: to });
    installed.add(c);
  }
}
const installed = new WeakSet<BrowserContext>();
