import { defineConfig, devices } from "@playwright/test";

import { E2E } from "./e2e/env";

const launchOptions = {
  // Debian's Chromium; Playwright never downloads a browser here. Unset CHROMIUM_PATH="" to
  // use Playwright's own browser on a laptop that has one.
  executablePath: process.env.CHROMIUM_PATH === "" ? undefined : (process.env.CHROMIUM_PATH ?? "/usr/bin/chromium"),
  args: [
    "--no-sandbox",
    "--headless",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
};

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results/e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  // Generous for two shared cores; a passing check returns as soon as it holds.
  expect: { timeout: 15_000 },
  reporter: [["list"], ["json", { outputFile: "test-results/e2e-results.json" }]],
  use: {
    baseURL: E2E.baseUrl,
    viewport: { width: 1440, height: 900 },
    trace: "retain-on-failure",
    acceptDownloads: true,
  },
  // Every spec at 1440×900; the UI specs (every page in both languages and colour schemes, the
  // phone menu, tables and touch targets) again at 390×844. isMobile stays off: with it Chromium
  // widens the layout viewport to fit the content, which would hide sideways scrolling.
  projects: [
    { name: "chromium", use: { ...devices["Desktop Chrome"], viewport: { width: 1440, height: 900 }, launchOptions } },
    {
      name: "phone",
      testMatch: /ui-.*\.spec\.ts/,
      use: { ...devices["Desktop Chrome"], viewport: { width: 390, height: 844 }, hasTouch: true, launchOptions },
    },
  ],
  // The demo path on a fresh data folder: simulator, backfill, demo users, then `next start`
  // (built beforehand by scripts/test-all.sh). The pinned date makes every number repeatable.
  webServer: {
    command: `rm -rf ${E2E.dataDir} && npx tsx --conditions=react-server scripts/demo.ts`,
    url: `${E2E.baseUrl}/login`,
    // E2E_REUSE=1: a demo already running on E2E_PORT with this env (pinned date, demo data) is used as is.
    reuseExistingServer: process.env.E2E_REUSE === "1",
    timeout: 300_000,
    stdout: "pipe",
    env: {
      PGLITE_DIR: E2E.dataDir,
      PORT: String(E2E.port),
      SIMULATOR_PORT: String(E2E.simulatorPort),
      READOUT_TODAY: E2E.today,
      NEXTAUTH_URL: E2E.baseUrl,
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL: "",
      DAILY_SYNC: "off",
      DIGEST_WEBHOOK_HOSTS: `127.0.0.1:${E2E.receiverPort}`,
    },
  },
});
