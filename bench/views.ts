/**
 * npm run bench:views [--database-url URL] — p50/p95 of every range view for 7/30/90/365-day
 * ranges at 1 and 50 concurrent clients, through HTTP against `next start` (build it first).
 *
 * Without --database-url: the demo (scripts/demo.ts, READOUT_TODAY pinned, PGlite) in a fresh
 * folder. With it: a scratch database on that server with --accounts × --years of history (see
 * views-seed.ts), dropped afterwards. Every timed request asks for parameters no earlier request
 * asked for (the range ends a day earlier, or is another account's), so it misses the view cache
 * and measures the query; cachedP50Ms then times one set of parameters asked again and again.
 * Then, on stderr, the same cached view at --concurrency clients (one process's ceiling), and the
 * floor of this stack here: the same URL without a cookie (401, no query) at that concurrency.
 * Progress goes to stderr; the last stdout line is the fixed-format JSON.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";

import { newEncryptionKey } from "@/lib/crypto";
import { addDaysIso, daysBetween, type IsoDate } from "@/lib/dates";

import { createScratchDatabase } from "./scratch";
import { percentile, signIn, timeRequests } from "./views-load";
import { seedPostgres } from "./views-seed";

const { values } = parseArgs({
  options: {
    "database-url": { type: "string" },
    accounts: { type: "string", default: "20" },
    years: { type: "string", default: "3" },
    "synced-accounts": { type: "string", default: "1" },
    views: { type: "string", default: "overview,followers,articles,hourly,shares" },
    ranges: { type: "string", default: "7,30,90,365" },
    "c1-requests": { type: "string", default: "10" },
    "c50-requests": { type: "string", default: "100" },
    "hit-requests": { type: "string", default: "200" },
    concurrency: { type: "string", default: "50" },
    port: { type: "string", default: "3170" },
    "simulator-port": { type: "string", default: "4170" },
    /** distinct: every request misses the view cache. presets: ranges end yesterday, as the dashboard asks. */
    params: { type: "string", default: "distinct" },
    /** A folder: the web server writes a V8 CPU profile there when it stops. */
    "cpu-prof": { type: "string" },
  },
});
const TODAY = "2026-11-21" as IsoDate;
const YESTERDAY = addDaysIso(TODAY, -1);
const port = Number(values.port);
const base = `http://127.0.0.1:${port}`;
const views = values.views.split(",");
const ranges = values.ranges.split(",").map(Number);
const concurrency = Number(values.concurrency);
const log = (message: string) => console.error(`[bench] ${message}`);
const bin = (name: string) => path.resolve("node_modules/.bin", name);

/** Starts a server process in its own process group; stop() ends that group only. */
function startServer(command: string, args: string[], env: Record<string, string>) {
  const child = spawn(command, args, {
    env: { ...process.env, ...env },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  return {
    stop: () => {
      try {
        process.kill(-child.pid!, "SIGTERM");
      } catch {
        // already gone
      }
    },
  };
}

async function waitForApp(timeoutMs: number) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      if ((await fetch(`${base}/login`)).ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > until) throw new Error(`the app did not answer on ${base} within ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 1000));
  }
}

interface Setup {
  db: "pglite" | "postgres";
  accountIds: number[];
  historyFrom: IsoDate;
  email: string;
  password: string;
  stop: () => Promise<void>;
}

async function setUpPglite(): Promise<Setup> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "readout-bench-views-"));
  log(`demo data (PGlite) in ${dir}: backfill, then next start on ${base} ...`);
  const demo = startServer(bin("tsx"), ["--conditions=react-server", "scripts/demo.ts"], {
    PGLITE_DIR: dir,
    PORT: String(port),
    SIMULATOR_PORT: values["simulator-port"],
    READOUT_TODAY: TODAY,
    NEXTAUTH_URL: base,
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: "",
    DAILY_SYNC: "off",
  });
  await waitForApp(600_000);
  return {
    db: "pglite",
    accountIds: [1, 2, 3],
    historyFrom: "2025-06-01" as IsoDate,
    email: "admin@demo.readout",
    password: "demo-admin",
    stop: async () => {
      demo.stop();
      await new Promise((r) => setTimeout(r, 1000));
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function setUpPostgres(adminUrl: string): Promise<Setup> {
  const scratch = await createScratchDatabase(adminUrl);
  const encryptionKey = newEncryptionKey();
  const user = { email: "bench@readout.test", password: "bench-password-1" };
  try {
    log(`seeding ${values.accounts} accounts × ${values.years} years in a scratch database ...`);
    const seeded = await seedPostgres({
      url: scratch.url,
      encryptionKey,
      accounts: Number(values.accounts),
      synced: Number(values["synced-accounts"]),
      years: Number(values.years),
      today: TODAY,
      simulatorPort: Number(values["simulator-port"]),
      user,
    });
    log(`next start on ${base} (PostgreSQL) ...`);
    const profile = values["cpu-prof"] ? ["--cpu-prof", "--cpu-prof-dir", path.resolve(values["cpu-prof"])] : [];
    const nextCli = path.resolve("node_modules/next/dist/bin/next");
    const app = startServer(process.execPath, [...profile, nextCli, "start", "-H", "127.0.0.1", "-p", String(port)], {
      DATABASE_URL: scratch.url,
      READOUT_ENCRYPTION_KEY: encryptionKey,
      NEXTAUTH_SECRET: newEncryptionKey(),
      NEXTAUTH_URL: base,
      READOUT_TODAY: TODAY,
      DAILY_SYNC: "off",
      JOB_WORKERS: "off",
      NEXT_TELEMETRY_DISABLED: "1",
    });
    await waitForApp(120_000);
    return {
      db: "postgres",
      accountIds: seeded.ids,
      historyFrom: seeded.from,
      ...user,
      stop: async () => {
        app.stop();
        await new Promise((r) => setTimeout(r, 2000));
        await scratch.drop();
      },
    };
  } catch (error) {
    await scratch.drop();
    throw error;
  }
}

/**
 * The n-th parameters of a view and range length: accounts in turn, then (--params distinct) a day
 * earlier, so that no two requests share them.
 */
function viewUrl(setup: Setup, view: string, days: number, n: number) {
  const daysBack = values.params === "presets" ? 0 : Math.floor(n / setup.accountIds.length);
  const to = addDaysIso(YESTERDAY, -daysBack);
  const from = addDaysIso(to, -(days - 1));
  const account = setup.accountIds[n % setup.accountIds.length]!;
  return `${base}/api/views/${view}?account=${account}&from=${from}&to=${to}`;
}

async function run(setup: Setup) {
  const cookie = await signIn(base, setup.email, setup.password);
  const c1Requests = Number(values["c1-requests"]);
  const c50Requests = Number(values["c50-requests"]);
  // One untimed round first: the server compiles its routes and fills its pools on first use.
  await timeRequests(
    [`${base}/api/views/overview?account=${setup.accountIds[0]}&from=2026-11-01&to=2026-11-02`],
    1,
    cookie,
  );
  const p95Ms: Record<string, { c1: number; c50: number }> = {};
  const c50P95s: number[] = [];
  for (const view of views) {
    for (const days of ranges) {
      let n = 0;
      const urls = (count: number) => Array.from({ length: count }, () => viewUrl(setup, view, days, n++));
      const c1 = await timeRequests(urls(c1Requests), 1, cookie);
      const c50 = await timeRequests(urls(c50Requests), concurrency, cookie);
      const cell = { c1: percentile(c1, 0.95), c50: percentile(c50, 0.95) };
      // The fixed line has one cell per view: its slowest range (each range's figures are on stderr).
      const worst = p95Ms[view] ?? { c1: 0, c50: 0 };
      p95Ms[view] = { c1: Math.max(worst.c1, cell.c1), c50: Math.max(worst.c50, cell.c50) };
      c50P95s.push(cell.c50);
      log(
        `${view} ${days}d: c1 p50 ${percentile(c1, 0.5)} p95 ${cell.c1} ms; ` +
          `c${concurrency} p50 ${percentile(c50, 0.5)} p95 ${cell.c50} ms`,
      );
    }
  }
  const cachedUrl = viewUrl(setup, "overview", 30, 0);
  const cached = await timeRequests(Array<string>(21).fill(cachedUrl), 1, cookie);
  const cachedP50Ms = percentile(cached.slice(1), 0.5);
  log(`cached overview 30d: p50 ${cachedP50Ms} ms`);
  // The ceiling of one web process: every request a hit, `concurrency` at a time.
  const hitRequests = Number(values["hit-requests"]);
  await timeLoad(`cached overview 30d, c${concurrency}`, Array<string>(hitRequests).fill(cachedUrl), cookie, 200);
  // The floor of any answer from this stack here: no cookie, so the route answers 401 before any
  // query. No view can answer 50 clients faster than this.
  await timeLoad(`unauthenticated 401, c${concurrency}`, Array<string>(hitRequests).fill(cachedUrl), "", 401);
  return { p95Ms, worstP95MsC50: Math.max(...c50P95s), cachedP50Ms };
}

/** Logs p50, p95 and requests per second of `urls` at `concurrency` clients. */
async function timeLoad(label: string, urls: string[], cookie: string, status: number) {
  const started = performance.now();
  const times = await timeRequests(urls, concurrency, cookie, status);
  const perSecond = Math.round(times.length / ((performance.now() - started) / 1000));
  log(`${label}: p50 ${percentile(times, 0.5)} p95 ${percentile(times, 0.95)} ms, ${perSecond} requests/s`);
}

async function main() {
  const adminUrl = values["database-url"];
  if (!fs.existsSync(".next/BUILD_ID")) throw new Error("build the app first: npx next build");
  const setup = adminUrl ? await setUpPostgres(adminUrl) : await setUpPglite();
  try {
    const result = await run(setup);
    const days = daysBetween(setup.historyFrom, YESTERDAY) + 1;
    const line = {
      db: setup.db,
      accounts: setup.accountIds.length,
      years: Number((days / 365).toFixed(1)),
      ...result,
    };
    console.log(JSON.stringify(line));
  } finally {
    await setup.stop();
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
