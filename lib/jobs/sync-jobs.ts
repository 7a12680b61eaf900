import "server-only";

import { z } from "zod";

import { listAccounts } from "@/db/accounts";
import type { JobQueue } from "@/db/job-queue";
import { listProvisionalWindows } from "@/db/ledger";
import {
  createDailySync,
  createQueuedSyncRun,
  findLatestSyncRun,
  updateDailySync,
  updateSyncRun,
} from "@/db/sync-runs";
import { AdminError } from "@/lib/admin/errors";
import { addDaysIso, beijingDateOf, beijingHourOf, daysBetween, type IsoDate, minDate } from "@/lib/dates";
import { ENDPOINT_NAMES, type EndpointName, ENDPOINTS } from "@/lib/wechat/endpoints";

import { runSync, SyncBusyError, type SyncContext } from "../sync/runner";
import { syncNowRange } from "../sync/start";
import { isActive } from "../sync/status";
import type { QueueName } from "./queues";

/**
 * The job definitions: the same on pg-boss (PostgreSQL, any number of web and worker
 * processes) and on the in-process runner (PGlite).
 */

const syncJobData = z.object({
  runId: z.number().int().positive(),
  accountId: z.number().int().positive(),
  from: z.string(),
  to: z.string(),
  endpoints: z.array(z.enum(ENDPOINT_NAMES)).optional(),
});
export type SyncJobData = z.infer<typeof syncJobData>;

/** A year per job at most: a longer backfill is several jobs, each resumable on its own. */
const MAX_DAYS_PER_JOB = 366;

/**
 * Queues a sync of [from, to]: one job per year of the range, each with its run row created now
 * (status queued) so the page shows it at once. Returns the run ids, oldest range first.
 */
export async function enqueueSync(
  ctx: SyncContext,
  queue: JobQueue,
  opts: { accountId: number; from: IsoDate; to: IsoDate; endpoints?: readonly EndpointName[] },
): Promise<number[]> {
  const runIds: number[] = [];
  for (let from = opts.from; from <= opts.to; from = addDaysIso(from, MAX_DAYS_PER_JOB)) {
    const to = minDate(addDaysIso(from, MAX_DAYS_PER_JOB - 1), opts.to);
    const runId = await createQueuedSyncRun(ctx.database, { accountId: opts.accountId, fromDate: from, toDate: to });
    const data: SyncJobData = {
      runId,
      accountId: opts.accountId,
      from,
      to,
      endpoints: opts.endpoints && [...opts.endpoints],
    };
    await queue.send("sync" satisfies QueueName, data, { singletonKey: String(opts.accountId) });
    runIds.push(runId);
  }
  return runIds;
}

/**
 * Runs one sync job. A retry (its worker died, or the account was busy) resumes: the ledger
 * holds every window stored so far, so only the rest is fetched.
 */
export async function runSyncJob(ctx: SyncContext, raw: unknown, concurrency: number): Promise<void> {
  const data = syncJobData.parse(raw);
  try {
    await runSync(ctx, { ...data, concurrency });
  } catch (error) {
    // Another process (a CLI, a run started before the queue) holds the account: try again later.
    if (error instanceof SyncBusyError) throw error;
    await updateSyncRun(ctx.database, data.runId, { status: "failed", finishedAt: new Date() });
    throw error;
  }
}

export interface StartedRun {
  runId: number;
  from: IsoDate;
  to: IsoDate;
}

/**
 * Queues a sync job and answers as soon as its sync_runs row exists (status queued), so the
 * page can follow its progress; a worker (this process or another on the same database) runs
 * it. An account with a run queued or running is a conflict.
 */
export async function startSync(
  ctx: SyncContext,
  queue: JobQueue,
  opts: { accountId: number; from: IsoDate; to: IsoDate; endpoints?: readonly EndpointName[] },
): Promise<StartedRun> {
  const latest = await findLatestSyncRun(ctx.database, opts.accountId);
  // Heartbeats are wall-clock times (ctx.now() may be pinned to a date).
  if (latest && isActive(latest, new Date())) throw new AdminError("conflict", "admin.err.syncBusy");
  const [runId] = await enqueueSync(ctx, queue, opts);
  return { runId: runId!, from: opts.from, to: opts.to };
}

/** What the daily check did. */
export type DailyJobOutcome =
  | { kind: "too-early"; day: IsoDate }
  | { kind: "daily"; day: IsoDate; accounts: number }
  | { kind: "recheck"; day: IsoDate; accounts: number };

/**
 * The daily check, run by the cron job every hour from DAILY_SYNC_HOUR Beijing time. The first
 * run of the day (its daily_syncs row makes it once across every process) queues every
 * account's sync up to yesterday. Each later run queues a sync of the accounts whose recent
 * days are still provisional because WeChat flagged them (is_delay) or they were fetched before
 * WeChat published: every hour until they are final.
 */
export async function runDailyJob(ctx: SyncContext, queue: JobQueue, hour: number): Promise<DailyJobOutcome> {
  const now = ctx.now();
  const today = beijingDateOf(now);
  if (beijingHourOf(now) < hour) return { kind: "too-early", day: today };
  const accounts = await listAccounts(ctx.database);
  if (await createDailySync(ctx.database, today)) {
    for (const account of accounts) {
      const range = await syncNowRange(ctx.database, account.id, today);
      await enqueueSync(ctx, queue, { accountId: account.id, ...range });
    }
    await updateDailySync(ctx.database, today, { finishedAt: new Date(), accounts: accounts.length });
    return { kind: "daily", day: today, accounts: accounts.length };
  }
  let queued = 0;
  for (const account of accounts) {
    // An account with a run queued or running is being brought up to date already.
    const latest = await findLatestSyncRun(ctx.database, account.id);
    if (latest && isActive(latest, new Date())) continue;
    const recheck = await provisionalRecheck(ctx, account.id, today);
    if (!recheck) continue;
    await enqueueSync(ctx, queue, { accountId: account.id, ...recheck });
    queued++;
  }
  return { kind: "recheck", day: today, accounts: queued };
}

/** How far back the hourly re-check looks for provisional days. */
const RECHECK_DAYS = 7;

/**
 * Provisional windows of the last days on interfaces whose figures are otherwise final the
 * next day (not the cumulative curves, provisional for weeks by design): the range to fetch
 * again, or null.
 */
async function provisionalRecheck(
  ctx: SyncContext,
  accountId: number,
  today: IsoDate,
): Promise<{ from: IsoDate; to: IsoDate; endpoints: EndpointName[] } | null> {
  const yesterday = addDaysIso(today, -1);
  const since = addDaysIso(today, -RECHECK_DAYS);
  const windows = (await listProvisionalWindows(ctx.database.db, accountId, since)).filter(
    (w) => ENDPOINTS[w.endpoint as EndpointName]?.mutableDays === 0,
  );
  if (windows.length === 0) return null;
  const from = windows.reduce((d, w) => minDate(d, w.beginDate), yesterday);
  const endpoints = [...new Set(windows.map((w) => w.endpoint as EndpointName))];
  return daysBetween(from, yesterday) >= 0 ? { from, to: yesterday, endpoints } : null;
}
