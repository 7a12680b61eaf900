/* Shared by the server (completeness view) and the grid in the browser: no other imports. */

/**
 * What Readout holds for one interface on one day:
 * - final: fetched, and WeChat will not change it any more
 * - provisional: fetched, but it can still change (fetched again by the next sync)
 * - missing: never fetched
 * - failed: the last fetch failed (errcode and message say why)
 * - quota: the interface's daily quota ran out (45009); the next day's sync continues
 * - retired: WeChat retired the interface (47009); it cannot be fetched any more
 * - unavailable: nothing to fetch (before the interface's first day, or not published yet)
 */
export const DAY_STATUSES = ["final", "provisional", "missing", "failed", "quota", "retired", "unavailable"] as const;
export type DayStatus = (typeof DAY_STATUSES)[number];

/** Statuses "fetch missing" can do something about. */
export const FETCHABLE: ReadonlySet<DayStatus> = new Set(["provisional", "missing", "failed", "quota"]);
