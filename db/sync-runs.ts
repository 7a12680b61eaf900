import "server-only";

import { and, desc, eq, inArray, ne } from "drizzle-orm";

import type { IsoDate } from "@/lib/dates";

import type { Database } from "./client";
import { dailySyncs, syncRuns } from "./schema";

/** Sync runs (sync_runs: one row per run, kept current while it runs) and daily syncs (daily_syncs: one row per day). */

export async function createSyncRun(
  { db }: Database,
  run: { accountId: number; fromDate: IsoDate; toDate: IsoDate; windowsTotal: number },
): Promise<number> {
  const [row] = await db.insert(syncRuns).values(run).returning({ id: syncRuns.id });
  return row!.id;
}

/** Queues a run (a sync job not started yet): the page shows it as queued. */
export async function createQueuedSyncRun(
  { db }: Database,
  run: { accountId: number; fromDate: IsoDate; toDate: IsoDate },
): Promise<number> {
  const [row] = await db
    .insert(syncRuns)
    .values({ ...run, status: "queued" })
    .returning({ id: syncRuns.id });
  return row!.id;
}

/** Marks a queued (or resumed) run as running, or creates a run row when there is none. */
export async function startSyncRun(
  database: Database,
  run: { runId?: number; accountId: number; fromDate: IsoDate; toDate: IsoDate; windowsTotal: number },
): Promise<number> {
  const { runId, ...values } = run;
  if (runId === undefined) return createSyncRun(database, values);
  await database.db
    .update(syncRuns)
    .set({
      status: "running",
      windowsTotal: values.windowsTotal,
      windowsDone: 0,
      heartbeatAt: new Date(),
      finishedAt: null,
    })
    .where(eq(syncRuns.id, runId));
  return runId;
}

type SyncRunChange = Partial<
  Pick<
    typeof syncRuns.$inferInsert,
    "status" | "windowsDone" | "calls" | "errors" | "summary" | "heartbeatAt" | "finishedAt"
  >
>;

export async function updateSyncRun({ db }: Database, runId: number, change: SyncRunChange) {
  await db.update(syncRuns).set(change).where(eq(syncRuns.id, runId));
}

/** Runs of the account still marked running: called with the account's lock held, so they were cut off. */
export async function interruptRunningSyncs({ db }: Database, accountId: number, exceptRunId?: number) {
  await db
    .update(syncRuns)
    .set({ status: "interrupted", finishedAt: new Date() })
    .where(
      and(
        eq(syncRuns.accountId, accountId),
        eq(syncRuns.status, "running"),
        exceptRunId === undefined ? undefined : ne(syncRuns.id, exceptRunId),
      ),
    );
}

export async function findLatestSyncRun({ db }: Database, accountId: number) {
  const [row] = await db
    .select()
    .from(syncRuns)
    .where(eq(syncRuns.accountId, accountId))
    .orderBy(desc(syncRuns.id))
    .limit(1);
  return row ?? null;
}

/** The newest run of each of these accounts (accounts without a run have none in the list). */
export function listLatestSyncRuns({ db }: Database, accountIds: number[]) {
  return db
    .selectDistinctOn([syncRuns.accountId])
    .from(syncRuns)
    .where(inArray(syncRuns.accountId, accountIds))
    .orderBy(syncRuns.accountId, desc(syncRuns.id));
}

export async function findDailySync({ db }: Database, day: IsoDate) {
  const [row] = await db.select({ finishedAt: dailySyncs.finishedAt }).from(dailySyncs).where(eq(dailySyncs.day, day));
  return row ?? null;
}

export async function findLatestDailySync({ db }: Database) {
  const [row] = await db.select().from(dailySyncs).orderBy(desc(dailySyncs.day)).limit(1);
  return row ?? null;
}

/** Claims the day: false when another process's row for it is already there. */
export async function createDailySync({ db }: Database, day: IsoDate): Promise<boolean> {
  const inserted = await db.insert(dailySyncs).values({ day }).onConflictDoNothing().returning({ day: dailySyncs.day });
  return inserted.length > 0;
}

export async function updateDailySync(
  { db }: Database,
  day: IsoDate,
  change: Partial<Pick<typeof dailySyncs.$inferInsert, "startedAt" | "finishedAt" | "accounts" | "errors">>,
) {
  await db.update(dailySyncs).set(change).where(eq(dailySyncs.day, day));
}
