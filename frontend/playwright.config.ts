import { defineConfig } from "@playwright/test";
import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

// The browser tests run Debian's chromium (no browser download) against the
// real yishi binary (bin/yishi, built by `make build` with the UI embedded)
// on a fresh embedded database in a temp folder, with the demo data.
// The config is read again in each worker process: the port and folder are
// chosen once, in the main process, and handed down in the environment.
if (!process.env.YISHI_E2E_PORT) {
  process.env.YISHI_E2E_PORT = execFileSync(process.execPath, [
    "-e",
    "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})",
  ]).toString();
  process.env.YISHI_E2E_DATA = mkdtempSync(join(tmpdir(), "yishi-e2e-"));
}
const port = process.env.YISHI_E2E_PORT;
const base = `http://127.0.0.1:${port}`;
const bin = resolve(import.meta.dirname, "../bin/yishi");

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results/playwright",
  // One worker: the tests share one server and build on each other's data
  // (a sign-up is approved, then the new member logs in), and the machine
  // has two cores.
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  // At least 3x the longest test on a quiet machine (the story, ~41 s), so a
  // busy machine (CI shares two cores) does not fail a test that works.
  timeout: 180_000,
  expect: { timeout: 20_000 },
  reporter: [["list"]],
  use: {
    baseURL: base,
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    viewport: { width: 360, height: 740 },
    // A failed test keeps its trace with DOM snapshots; the trace's own
    // screencast is off (the failure's screenshot is kept below): it cost a
    // tenth of the browser tests' time.
    trace: { mode: "retain-on-failure", screenshots: false, snapshots: true, sources: false },
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  webServer: {
    command: `"${bin}" serve --addr 127.0.0.1:${port} --data-dir "${process.env.YISHI_E2E_DATA}" --seed-demo --test-clock --log-level warn`,
    // A demo account is a platform operator once its email is verified
    // (e2e/operator.spec.ts; OPERATOR in e2e/helpers.ts).
    env: { ...(process.env as Record<string, string>), YISHI_OPERATORS: "yu.chenglin@xiaogucheng.example" },
    url: `${base}/readyz`,
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: "ignore",
    stderr: "pipe",
  },
});
