import "server-only";

import { listAccounts } from "@/db/accounts";
import { createDailySync, findDailySync, updateDailySync } from "@/db/sync-runs";
import { beijingDateOf, beijingHourOf, daysBetween, type IsoDate } from "@/lib/dates";
import { digestOptionsFromEnv } from "@/lib/digests/options";
import { sendDueDigests } from "@/lib/digests/send";

import { runSync, SyncBusyError, type SyncContext } from "./runner";
import { syncNowRange } from "./start";

/**
 * The daily sync: once a Beijing day, after DAILY_SYNC_HOUR (WeChat publishes yesterday's
 * figures around 08:00), every account is brought up to yesterday. Every app process checks
 * each minute; a row per day in daily_syncs, written under a database-wide lock, makes exactly
 * one of them run it, on PGlite and on PostgreSQL with several processes alike.
 */

export interface DailyDecision {
  /** The Beijing day the check is about. */
  day: IsoDate;
  due: boolean;
  why: "too-early" | "done" | "due" | "unfinished";
}

/** Pure: is today's sync due at `now`, given today's daily_syncs row (if any)? */
export function dailyDecision(
  now: Date,
  hour: number,
  row: { finishedAt: Date | null } | null | undefined,
): DailyDecision {
  const day = beijingDateOf(now);
  if (beijingHourOf(now) < hour) return { day, due: false, why: "too-early" };
  if (!row) return { day, due: true, why: "due" };
  // A row without finished_at: started, and either still running elsewhere (the lock tells)
  // or cut off by a restart (then this process resumes it).
  if (!row.finishedAt) return { day, due: true, why: "unfinished" };
  return { day, due: false, why: "done" };
}

/** The advisory lock id of a day: days since 1970-01-01 (fits PostgreSQL's int4 key). */
export const dayLockId = (day: IsoDate) => daysBetween("1970-01-01", day);

export type DailyOutcome =
  | { ran: false; day: IsoDate; why: "too-early" | "done" | "locked" | "taken" }
  | { ran: true; day: IsoDate; accounts: number; errors: number; skippedBusy: number[] };

/**
 * One check. The row is inserted inside the lock with ON CONFLICT DO NOTHING: if another
 * process got there first, this one stops; if the row is there unfinished and nobody holds the
 * lock, the earlier run died and this one runs the day again (finished windows are skipped).
 */
export async function dailySyncTick(
  ctx: SyncContext,
  opts: { hour: number; concurrency: number; log?: (line: string) => void },
): Promise<DailyOutcome> {
  const { database } = ctx;
  const now = ctx.now();
  const today = beijingDateOf(now);
  const existing = await findDailySync(database, today);
  const decision = dailyDecision(now, opts.hour, existing);
  if (!decision.due) return { ran: false, day: today, why: decision.why === "too-early" ? "too-early" : "done" };

  const result = await database.tryWithLock("daily-sync", dayLockId(today), async (): Promise<DailyOutcome> => {
    if (!(await createDailySync(database, today))) {
      const row = await findDailySync(database, today);
      if (row?.finishedAt) return { ran: false, day: today, why: "taken" };
      await updateDailySync(database, today, { startedAt: new Date() });
    }
    return syncEveryAccount(ctx, today, opts);
  });
  return result ?? { ran: false, day: today, why: "locked" };
}

/** Each account in turn, up to yesterday; an account a manual sync is busy with is left to it. */
async function syncEveryAccount(
  ctx: SyncContext,
  today: IsoDate,
  opts: { concurrency: number; log?: (line: string) => void },
): Promise<DailyOutcome> {
  const log = opts.log ?? (() => {});
  const list = await listAccounts(ctx.database);
  let synced = 0;
  let errors = 0;
  const skippedBusy: number[] = [];
  for (const account of list) {
    try {
      const range = await syncNowRange(ctx.database, account.id, today);
      const summary = await runSync(ctx, { accountId: account.id, ...range, concurrency: opts.concurrency });
      synced++;
      if (summary.fatal || summary.errors.length > 0) errors++;
      log(
        `${account.appid} ${range.from}..${range.to}: ${summary.totalCalls} calls, ${summary.errors.length} errors${summary.fatal ? `, stopped: ${summary.fatal}` : ""}`,
      );
    } catch (error) {
      if (error instanceof SyncBusyError) {
        skippedBusy.push(account.id);
        log(`${account.appid}: a sync is already running, left to it`);
        continue;
      }
      errors++;
      log(`${account.appid}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  await updateDailySync(ctx.database, today, { finishedAt: new Date(), accounts: synced, errors });
  return { ran: true, day: today, accounts: synced, errors, skippedBusy };
}

/** How often, once today's sync is done, digests still waiting for final figures are checked again. */
const DIGEST_RECHECK_MS = 15 * 60_000;

/**
 * The morning digests of `today` (reporting yesterday): right after the daily sync, then every
 * 15 minutes for those whose figures were not final yet. Sends are claimed in the database, so
 * every instance may call this.
 */
export async function digestTick(ctx: SyncContext, outcome: DailyOutcome, lastCheck: number, log: (l: string) => void) {
  const dueAfterSync = outcome.ran;
  const recheck =
    !outcome.ran && (outcome.why === "done" || outcome.why === "taken") && Date.now() - lastCheck >= DIGEST_RECHECK_MS;
  if (!dueAfterSync && !recheck) return lastCheck;
  await sendDueDigests(ctx.database, outcome.day, { ...digestOptionsFromEnv(), log });
  return Date.now();
}
