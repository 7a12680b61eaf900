import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createAccount, listAccounts } from "@/db/accounts";
import type { Database } from "@/db/client";
import { openPgBossQueue } from "@/db/job-queue";
import { dailySyncs, syncRuns } from "@/db/schema";
import { addDaysIso, type IsoDate } from "@/lib/dates";
import { createQueues } from "@/lib/jobs/queues";
import { enqueueSync } from "@/lib/jobs/sync-jobs";
import { planSync } from "@/lib/sync/planner";
import { createTokenManager, type SyncContext } from "@/lib/sync/runner";
import { ENDPOINT_NAMES } from "@/lib/wechat/endpoints";
import { startSimulator } from "@/simulator/server";

import { storedRows, truthRows } from "../helpers/compare";
import { createTestDatabase, type TestDatabase } from "../helpers/db";

/**
 * N web + M workers on one PostgreSQL (run by scripts/test-all.sh after `next build`, with
 * TEST_DATABASE_URL): 2 `next start` processes that only queue jobs, 2 `npm run worker`
 * processes, 20 simulator accounts. The daily sync runs once with no duplicate datacube call;
 * then a backfill of every account, during which one worker is killed with SIGKILL: the other
 * finishes the jobs and the database equals the simulator's ground truth.
 */
const root = path.resolve(__dirname, "../..");
const built = fs.existsSync(path.join(root, ".next", "BUILD_ID"));
const enabled = Boolean(process.env.TEST_DATABASE_URL) && built && process.env.MULTI_PROCESS_TEST === "1";

const TODAY: IsoDate = "2026-03-01";
const YESTERDAY = addDaysIso(TODAY, -1);
const ACCOUNTS = 20;
const WEB_PORTS = [3351, 3352];

describe.skipIf(!enabled)("2 web + 2 worker processes on one PostgreSQL", () => {
  let sim: Awaited<ReturnType<typeof startSimulator>>;
  let testDb: TestDatabase;
  let database: Database;
  const children: ChildProcess[] = [];
  let env: Record<string, string>;

  const start = (args: string[], extra: Record<string, string>, name: string) => {
    const child = spawn(args[0]!, args.slice(1), {
      cwd: root,
      env: { ...process.env, ...env, ...extra },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const prefix = (d: Buffer) =>
      process.env.MULTI_PROCESS_VERBOSE ? process.stderr.write(`[${name}] ${d.toString()}`) : undefined;
    child.stdout?.on("data", prefix);
    child.stderr?.on("data", prefix);
    children.push(child);
    return child;
  };
  const startWorker = (name: string) =>
    start([path.join(root, "node_modules/.bin/tsx"), "--conditions=react-server", "scripts/worker.ts"], {}, name);

  const runs = () => database.db.select().from(syncRuns);
  const until = async (what: string, check: () => Promise<boolean>, timeoutMs = 240_000) => {
    const end = Date.now() + timeoutMs;
    while (!(await check())) {
      if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 500));
    }
  };
  const datacubeCalls = async () => {
    const { calls } = (await (await fetch(`${sim.url}/__stats`)).json()) as { calls: Record<string, number> };
    return Object.entries(calls)
      .filter(([k]) => !k.startsWith("/"))
      .reduce((n, [, v]) => n + v, 0);
  };

  beforeAll(async () => {
    sim = await startSimulator({ accounts: ACCOUNTS, seed: 1, today: TODAY, legacyRetiredOn: "never", latencyMs: 20 });
    testDb = await createTestDatabase();
    database = await testDb.open();
    for (const a of sim.truth.accounts)
      await createAccount(database, { authType: "classic", name: a.name, appid: a.appid, secret: a.secret });
    env = {
      ...testDb.env,
      NEXTAUTH_SECRET: "multi-process-test-secret-0123456789",
      READOUT_TODAY: TODAY,
      WECHAT_API_BASE: sim.url,
      WECHAT_TIMEOUT_MS: "30000",
      SYNC_CONCURRENCY: "4",
      WECHAT_MAX_IN_FLIGHT: "8",
      DAILY_SYNC: "on",
      DAILY_SYNC_HOUR: "8",
      JOB_EXPIRE_SECONDS: "20",
      JOB_MAINTENANCE_SECONDS: "2",
      NEXT_TELEMETRY_DISABLED: "1",
    };
  });

  afterAll(async () => {
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill("SIGKILL");
    await testDb?.drop();
    await sim?.close();
  });

  it("runs the daily sync once, with no duplicate datacube call, while the web processes serve pages", async () => {
    for (const port of WEB_PORTS)
      start(
        [path.join(root, "node_modules/.bin/next"), "start", "-H", "127.0.0.1", "-p", String(port)],
        { JOB_WORKERS: "off", NEXTAUTH_URL: `http://127.0.0.1:${port}` },
        `web${port}`,
      );
    await fetch(`${sim.url}/__stats/reset`, { method: "POST" });
    startWorker("worker-a");
    startWorker("worker-b");

    await until("the daily sync's runs", async () => {
      const all = await runs();
      return all.length === ACCOUNTS && all.every((r) => r.status === "done");
    });
    for (const port of WEB_PORTS) {
      const status = () =>
        fetch(`http://127.0.0.1:${port}/login`).then(
          (r) => r.status,
          () => 0,
        );
      await until(`web on ${port}`, async () => (await status()) !== 0, 120_000);
      expect(await status(), `web on ${port}`).toBe(200);
    }
    expect(await database.db.select().from(dailySyncs)).toHaveLength(1);
    // Every account from 30 days back to yesterday (new accounts), each window called once.
    const perAccount = planSync({
      endpoints: ENDPOINT_NAMES,
      from: addDaysIso(YESTERDAY, -29),
      to: YESTERDAY,
      today: TODAY,
      ledger: [],
      retired: new Set(),
      quotaBlockedOn: new Map(),
    }).windows.length;
    expect(await datacubeCalls()).toBe(perAccount * ACCOUNTS);
    expect((await runs()).every((r) => r.errors === 0)).toBe(true);
  });

  it("a worker killed with SIGKILL mid-backfill: the other finishes its jobs and the database equals the truth", async () => {
    const from = addDaysIso(YESTERDAY, -119);
    const to = addDaysIso(YESTERDAY, -30);
    // Queued as a web process's action does.
    const queue = await openPgBossQueue(testDb.config.databaseUrl!);
    const http = { baseUrl: sim.url, timeoutMs: 30_000, maxAttempts: 5 };
    const ctx: SyncContext = {
      database,
      http,
      tokens: createTokenManager(database, http),
      now: () => new Date(`${TODAY}T12:00:00+08:00`),
    };
    try {
      await createQueues(queue);
      const accounts = await listAccounts(database);
      const backfill: number[] = [];
      for (const a of accounts) backfill.push(...(await enqueueSync(ctx, queue, { accountId: a.id, from, to })));
      const inBackfill = async () => (await runs()).filter((r) => backfill.includes(r.id));

      await until(
        "a few backfill runs done",
        async () => (await inBackfill()).filter((r) => r.status === "done").length >= 3,
      );
      const victim = children.find((c) => c.spawnargs.includes("scripts/worker.ts"))!;
      victim.kill("SIGKILL");
      const atKill = await inBackfill();
      expect(atKill.some((r) => r.status !== "done")).toBe(true);

      await until(
        "every backfill run done by the surviving worker",
        async () => (await inBackfill()).every((r) => r.status === "done"),
        400_000,
      );
      for (const a of sim.truth.accounts) {
        const account = accounts.find((x) => x.appid === a.appid)!;
        for (const endpoint of ENDPOINT_NAMES) {
          const stored = await storedRows(database, account.id, endpoint, from, to);
          const truth = truthRows(sim.truth, a.appid, endpoint, from, to, TODAY);
          expect(stored, `${a.appid} ${endpoint}`).toEqual(truth);
        }
      }
    } finally {
      await queue.stop();
    }
  }, 600_000);
});
