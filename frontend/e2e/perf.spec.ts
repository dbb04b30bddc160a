import { mkdirSync, writeFileSync } from "node:fs";
import { RESIDENT, VILLAGE, expect, login, test } from "./helpers";

// Time to first render of the community home in the headless browser: from
// the start of navigation to the first frame that shows the home's heading
// (the app loaded, the viewer and the community fetched, React rendered).
// Measured on the loopback and with a throttled "fast 3G" network, cold
// (no HTTP cache) each time. The test records numbers and asserts nothing
// about time; it asserts that the page does not jump about while it loads
// (cumulative layout shift below 0.1, the "good" threshold).

const RUNS = 5;

test("time to first render of the home page, and no layout shift", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await login(page, RESIDENT);
  await expect(page.getByRole("heading", { level: 1, name: VILLAGE })).toBeVisible();
  const home = page.url();
  await page.close();

  const results: Record<string, { firstRenderMs: number[]; fcpMs: number[]; cls: number[] }> = {};
  for (const profile of ["loopback", "fast-3g"] as const) {
    const r = (results[profile] = { firstRenderMs: [] as number[], fcpMs: [] as number[], cls: [] as number[] });
    for (let i = 0; i < RUNS; i++) {
      const p = await context.newPage();
      const cdp = await context.newCDPSession(p);
      await cdp.send("Network.enable");
      await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
      if (profile === "fast-3g") {
        await cdp.send("Network.emulateNetworkConditions", {
          offline: false,
          latency: 150,
          downloadThroughput: (1.6 * 1024 * 1024) / 8,
          uploadThroughput: (750 * 1024) / 8,
        });
      }
      await p.addInitScript(() => {
        const w = window as unknown as { __cls: number };
        w.__cls = 0;
        new PerformanceObserver((list) => {
          for (const e of list.getEntries() as unknown as { value: number; hadRecentInput: boolean }[]) {
            if (!e.hadRecentInput) w.__cls += e.value;
          }
        }).observe({ type: "layout-shift", buffered: true });
      });
      await p.goto(home, { waitUntil: "commit" });
      const handle = await p.waitForFunction(
        (name) => {
          const h = document.querySelector("h1");
          return h && h.textContent === name ? performance.now() : false;
        },
        VILLAGE,
        { polling: "raf", timeout: 30_000 },
      );
      r.firstRenderMs.push(Math.round(Number(await handle.jsonValue())));
      await p.waitForLoadState("networkidle");
      const { fcp, cls } = await p.evaluate(() => ({
        fcp: performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? -1,
        cls: (window as unknown as { __cls: number }).__cls,
      }));
      r.fcpMs.push(Math.round(fcp));
      r.cls.push(Number(cls.toFixed(4)));
      await p.close();
    }
  }
  await context.close();

  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const summary = Object.fromEntries(
    Object.entries(results).map(([k, v]) => [
      k,
      { medianFirstRenderMs: median(v.firstRenderMs), medianFcpMs: median(v.fcpMs), maxCls: Math.max(...v.cls), ...v },
    ]),
  );
  mkdirSync("test-results", { recursive: true });
  writeFileSync("test-results/first-render.json", JSON.stringify(summary, null, 2) + "\n");
  for (const [k, v] of Object.entries(summary)) {
    console.log(
      `first render of the home page (${k}, cold, median of ${RUNS}): ${v.medianFirstRenderMs} ms; first contentful paint ${v.medianFcpMs} ms; max CLS ${v.maxCls}`,
    );
    expect(v.maxCls, `layout shift while the home loads (${k})`).toBeLessThan(0.1);
  }
});
