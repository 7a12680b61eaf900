import type { OutsideRows, SyncSummary } from "./runner";

/** Sync outcomes in plain words, for the CLI's stderr and the account page. */

export function describeOutsideRows(o: OutsideRows): string {
  const dates = o.dates.join(", ");
  const rows = o.rows === 1 ? "1 row" : `${o.rows} rows`;
  return `${o.endpoint} ${o.beginDate}..${o.endDate}: WeChat's answer also carried ${rows} for other dates (${dates}); they are kept in the raw archive only and changed no stored day.`;
}

/**
 * Exit status of `npm run sync` (documented in the README): 0 complete, 1 failed (a window
 * failed or the run stopped), 2 bad usage, 3 incomplete (WeChat stopped an interface for the
 * day: quota or a new-generation 47009 suspension; nothing failed, the next sync continues).
 */
export const SYNC_EXIT = { complete: 0, failed: 1, usage: 2, incomplete: 3 } as const;

export function syncExitStatus(summary: Pick<SyncSummary, "fatal" | "errors" | "quotaBlocked" | "suspended">) {
  if (summary.fatal || summary.errors.length > 0) return SYNC_EXIT.failed;
  // A retirement is final: what it leaves unfetched never comes, so it does not make a run incomplete.
  if (summary.quotaBlocked.length > 0 || summary.suspended.length > 0) return SYNC_EXIT.incomplete;
  return SYNC_EXIT.complete;
}

/** Interfaces not called at all because an earlier run today (or a retirement) stopped them. */
export function describeSkipped(summary: Pick<SyncSummary, "stops" | "quotaBlocked" | "suspended">): string[] {
  const stoppedNow = new Set(summary.stops.map((s) => s.endpoint));
  return [
    ...summary.quotaBlocked
      .filter((e) => !stoppedNow.has(e))
      .map((e) => `${e}: the daily quota ran out earlier today (45009); it is fetched again tomorrow.`),
    ...summary.suspended
      .filter((e) => !stoppedNow.has(e))
      .map((e) => `${e}: suspended today after WeChat answered 47009; it is tried again tomorrow.`),
  ];
}
