import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Database } from "@/db/client";
import { dailySyncs, syncRuns } from "@/db/schema";
import { type DailyOutcome, dailySyncTick } from "@/lib/sync/daily";
import { createTokenManager, type SyncContext } from "@/lib/sync/runner";

import { testingOnPostgres } from "../helpers/db";
import { createHarness, type Harness } from "../helpers/harness";

/**
 * The daily sync runs once a Beijing day even with several app processes on one database.
 * On PostgreSQL a second connection pool stands for a second app instance; on PGlite (one
 * process per folder) both "instances" share the one handle, as the app's layers do.
 */
describe("daily sync: once a day, whichever instance gets there first", () => {
  let h: Harness;
  let other: Database;
  let day: string;
  const ctxOn = (database: Database, at: () => string, hour = 12): SyncContext => ({
    ...h.ctx,
    database,
    tokens: createTokenManager(database, h.ctx.http),
    now: () => new Date(`${at()}T${String(hour).padStart(2, "0")}:00:00+08:00`),
  });
  const opts = { hour: 8, concurrency: 4 };

  beforeAll(async () => {
    h = await createHarness({ today: "2026-03-01", legacyRetiredOn: "never", latencyMs: 10 });
    other = testingOnPostgres ? await h.testDb.open() : h.database;
    day = h.today;
  });
  afterAll(async () => h?.close());

  const runsOf = async () => (await h.database.db.select().from(syncRuns)).length;

  it("does nothing before DAILY_SYNC_HOUR Beijing time", async () => {
    const early = await dailySyncTick(
      ctxOn(h.database, () => day, 7),
      opts,
    );
    expect(early).toEqual({ ran: false, day: "2026-03-01", why: "too-early" });
    expect(await h.database.db.select().from(dailySyncs)).toEqual([]);
  });

  it("two instances checking at the same moment: exactly one syncs every account up to yesterday", async () => {
    const a = ctxOn(h.database, () => day);
    const b = ctxOn(other, () => day);
    const outcomes: DailyOutcome[] = await Promise.all([dailySyncTick(a, opts), dailySyncTick(b, opts)]);
    const ran = outcomes.filter((o) => o.ran);
    expect(ran).toHaveLength(1);
    expect(ran[0]).toMatchObject({ ran: true, day: "2026-03-01", accounts: 1, errors: 0, skippedBusy: [] });
    const idle = outcomes.find((o) => !o.ran)!;
    expect(["locked", "taken", "done"]).toContain((idle as { why: string }).why);

    const runs = await h.database.db.select().from(syncRuns);
    expect(runs).toHaveLength(1);
    // Nothing synced before: 30 days back to yesterday.
    expect(runs[0]).toMatchObject({ fromDate: "2026-01-30", toDate: "2026-02-28", status: "done" });
    const [row] = await h.database.db.select().from(dailySyncs).where(eq(dailySyncs.day, "2026-03-01"));
    expect(row).toMatchObject({ accounts: 1, errors: 0 });
    expect(row?.finishedAt).toBeInstanceOf(Date);
  });

  it("later checks the same day do nothing, on either instance", async () => {
    const before = await runsOf();
    for (const database of [h.database, other]) {
      expect(
        await dailySyncTick(
          ctxOn(database, () => day, 23),
          opts,
        ),
      ).toEqual({ ran: false, day: "2026-03-01", why: "done" });
    }
    expect(await runsOf()).toBe(before);
  });

  it("the next day it runs again, once, from where the data is final", async () => {
    day = "2026-03-02";
    h.setToday(day);
    const outcomes = await Promise.all([
      dailySyncTick(
        ctxOn(other, () => day),
        opts,
      ),
      dailySyncTick(
        ctxOn(h.database, () => day),
        opts,
      ),
    ]);
    expect(outcomes.filter((o) => o.ran)).toHaveLength(1);
    const runs = await h.database.db.select().from(syncRuns).orderBy(syncRuns.id);
    expect(runs).toHaveLength(2);
    // getarticletotaldetail stayed provisional (30 days): the run starts where it has nothing final.
    expect(runs[1]).toMatchObject({ toDate: "2026-03-01", status: "done" });
    expect(await h.database.db.select({ day: dailySyncs.day }).from(dailySyncs).orderBy(dailySyncs.day)).toEqual([
      { day: "2026-03-01" },
      { day: "2026-03-02" },
    ]);
  });

  it("resumes a day whose run was cut off, and leaves an account a manual sync holds to it", async () => {
    day = "2026-03-03";
    h.setToday(day);
    // A process started the day and died before finishing it.
    await h.database.db.insert(dailySyncs).values({ day });
    let release!: () => void;
    const manual = h.database.tryWithLock("sync-account", h.account.id, () => new Promise<void>((r) => (release = r)));
    await new Promise((r) => setTimeout(r, 20));
    const outcome = await dailySyncTick(
      ctxOn(h.database, () => day),
      opts,
    );
    release();
    await manual;
    expect(outcome).toEqual({ ran: true, day, accounts: 0, errors: 0, skippedBusy: [h.account.id] });
    const [row] = await h.database.db.select().from(dailySyncs).where(eq(dailySyncs.day, day));
    expect(row?.finishedAt).toBeInstanceOf(Date);
  });
});
