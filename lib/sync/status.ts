import "server-only";

import type { Database } from "@/db/client";
import { findLatestDailySync, findLatestSyncRun } from "@/db/sync-runs";

import type { SyncSummary, WindowError } from "./runner";

/**
 * A run still marked running whose heartbeat is older than this was cut off (its process ended
 * without marking it). A running sync writes its heartbeat at least every few seconds.
 */
const STALE_AFTER_MS = 2 * 60_000;

/**
 * What the page shows: "doneWithErrors" is a finished run with failed windows (not a plain green
 * done); "stale" a run marked running whose process stopped writing (PostgreSQL: another
 * process may have died mid-run), offered to resume.
 */
export type RunStatus = "queued" | "running" | "done" | "doneWithErrors" | "failed" | "interrupted" | "stale";

export function runStatus(run: { status: string; heartbeatAt: Date; errors: number }, now: Date): RunStatus {
  if (run.status === "running" && now.getTime() - run.heartbeatAt.getTime() > STALE_AFTER_MS) return "stale";
  if (run.status === "done" && run.errors > 0) return "doneWithErrors";
  return run.status as RunStatus;
}

/** A run that blocks starting another of the same account: queued, or running and alive. */
export function isActive(run: { status: string; heartbeatAt: Date; errors: number }, now: Date): boolean {
  const status = runStatus(run, now);
  return status === "queued" || status === "running";
}

export interface SyncRunView {
  id: number;
  status: RunStatus;
  from: string;
  to: string;
  windowsTotal: number;
  windowsDone: number;
  calls: number;
  errors: number;
  startedAt: string;
  heartbeatAt: string;
  finishedAt: string | null;
  /** From the finished run's summary. */
  fatal: string | null;
  retired: string[];
  quotaBlocked: string[];
  suspended: string[];
  /** Interfaces WeChat stopped during the run, in plain words (English, as on stderr). */
  stops: { endpoint: string; kind: string; message: string }[];
  daysSkippedFinal: number | null;
  /** The first few window errors, for the page. */
  errorSamples: Pick<WindowError, "endpoint" | "beginDate" | "endDate" | "code" | "message">[];
}

export interface SyncStatus {
  run: SyncRunView | null;
  lastDaily: { day: string; startedAt: string; finishedAt: string | null; accounts: number; errors: number } | null;
}

/**
 * The account's latest sync run, read from sync_runs (so a progress bar survives a reload and
 * shows runs other processes started), and the latest daily sync.
 */
export async function loadSyncStatus(database: Database, accountId: number, now = new Date()): Promise<SyncStatus> {
  const [run, daily] = await Promise.all([findLatestSyncRun(database, accountId), findLatestDailySync(database)]);
  const summary = (run?.summary ?? null) as Partial<SyncSummary> | null;
  return {
    run: run
      ? {
          id: run.id,
          status: runStatus(run, now),
          from: run.fromDate,
          to: run.toDate,
          windowsTotal: run.windowsTotal,
          windowsDone: run.windowsDone,
          calls: run.calls,
          errors: run.errors,
          startedAt: run.startedAt.toISOString(),
          heartbeatAt: run.heartbeatAt.toISOString(),
          finishedAt: run.finishedAt?.toISOString() ?? null,
          fatal: summary?.fatal ?? null,
          retired: summary?.retired ?? [],
          quotaBlocked: summary?.quotaBlocked ?? [],
          suspended: summary?.suspended ?? [],
          stops: summary?.stops ?? [],
          daysSkippedFinal: summary?.daysSkippedFinal ?? null,
          errorSamples: (summary?.errors ?? []).slice(0, 5).map((e) => ({
            endpoint: e.endpoint,
            beginDate: e.beginDate,
            endDate: e.endDate,
            code: e.code,
            message: e.message,
          })),
        }
      : null,
    lastDaily: daily
      ? {
          day: daily.day,
          startedAt: daily.startedAt.toISOString(),
          finishedAt: daily.finishedAt?.toISOString() ?? null,
          accounts: daily.accounts,
          errors: daily.errors,
        }
      : null,
  };
}
