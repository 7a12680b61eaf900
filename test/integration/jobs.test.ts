import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createInProcessQueue, type JobQueue, openPgBossQueue } from "@/db/job-queue";
import { dailySyncs, syncRuns } from "@/db/schema";
import { createQueues } from "@/lib/jobs/queues";
import { runDailyJob, runSyncJob, startSync } from "@/lib/jobs/sync-jobs";
import { endpointsOf } from "@/lib/wechat/endpoints";

import { testingOnPostgres } from "../helpers/db";
import { createHarness, datacubeCalls, type Harness } from "../helpers/harness";

/**
 * The job definitions on the app's queue of each database: pg-boss on PostgreSQL, the
 * in-process runner on PGlite. The simulator flags the last day provisional (is_delay), so
 * the hourly re-check has something to fetch again (issue 8 point 5).
 */
describe(`sync jobs on ${testingOnPostgres ? "pg-boss" : "the in-process runner"}`, () => {
  let h: Harness;
  let queue: JobQueue;
  const run = async (id: number) => (await h.database.db.select().from(syncRuns).where(eq(syncRuns.id, id)))[0]!;
  const until = async (check: () => Promise<boolean>) => {
    for (let i = 0; i < 600 && !(await check()); i++) await new Promise((r) => setTimeout(r, 200));
    expect(await check()).toBe(true);
  };

  beforeAll(async () => {
    h = await createHarness({ today: "2026-03-01", legacyRetiredOn: "never", delayDays: 1 });
    queue = testingOnPostgres ? await openPgBossQueue(h.testDb.config.databaseUrl!) : createInProcessQueue();
    expect(queue.kind).toBe(testingOnPostgres ? "pg-boss" : "in-process");
    await createQueues(queue);
    await queue.work("sync", 2, (data) => runSyncJob(h.ctx, data, 4));
  });
  afterAll(async () => {
    await queue?.stop();
    await h?.close();
  });

  it("a sync started from the app is a queued run, then run by a worker to the end", async () => {
    const started = await startSync(h.ctx, queue, { accountId: h.account.id, from: "2026-02-20", to: "2026-02-28" });
    expect(["queued", "running", "done"]).toContain((await run(started.runId)).status);
    await until(async () => (await run(started.runId)).status === "done");
    // The legacy interfaces: final at once (the new ones carry the simulator's is_delay day).
    const compared = await h.compareWithTruth("2026-02-20", "2026-02-28", endpointsOf("legacy"));
    for (const [endpoint, { stored, truth }] of Object.entries(compared)) expect(stored, endpoint).toEqual(truth);
  });

  it("the daily check queues every account once, then each hour re-fetches only yesterday's provisional days", async () => {
    await h.resetStats();
    const first = await runDailyJob(h.ctx, queue, 8);
    expect(first).toEqual({ kind: "daily", day: "2026-03-01", accounts: 1 });
    expect(await h.database.db.select().from(dailySyncs)).toHaveLength(1);
    await until(async () => (await h.database.db.select().from(syncRuns)).every((r) => r.status === "done"));

    // An hour later: yesterday is still flagged is_delay, so it is queued again, for the
    // interfaces that flag it only.
    await h.resetStats();
    const recheck = await runDailyJob(h.ctx, queue, 8);
    expect(recheck).toEqual({ kind: "recheck", day: "2026-03-01", accounts: 1 });
    await until(async () => (await h.database.db.select().from(syncRuns)).every((r) => r.status === "done"));
    const calls = datacubeCalls((await h.stats()).calls);
    expect(Object.keys(calls).sort()).toEqual(["getarticleread", "getarticleshare", "getbizsummary"]);
  });

  it("before DAILY_SYNC_HOUR nothing is queued", async () => {
    const early = await runDailyJob({ ...h.ctx, now: () => new Date("2026-03-02T07:00:00+08:00") }, queue, 8);
    expect(early).toEqual({ kind: "too-early", day: "2026-03-02" });
  });
});
