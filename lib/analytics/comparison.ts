import type { IsoDate } from "@/lib/dates";

import { rate } from "./metrics";

/** One day of a period and a figure of it; null when the day has no data for it. */
export interface DayValue {
  date: IsoDate;
  value: number | null;
}

/** Why a period's change is not shown. */
export type IncompleteReason =
  /** The figure's history starts on `date`, inside the previous period (or later). */
  | { reason: "historyStarts"; date: IsoDate }
  /** The figure's data ends on `date`, before the current period does (an interface retired, or not fetched yet). */
  | { reason: "dataEnds"; date: IsoDate }
  /** Both periods have data, but never on the same day of the period. */
  | { reason: "noCommonDays" };

/**
 * A period against the one before it. `delta`: over the `days` that have data in both periods
 * (day 1 with day 1, …). `incomplete`: either period reaches beyond the figure's data, so no
 * change is shown. `none`: neither period has the figure.
 */
export type PeriodComparison =
  | { kind: "delta"; days: number; current: number; previous: number; abs: number; pct: number | null }
  | ({ kind: "incomplete" } & IncompleteReason)
  | { kind: "none" };

/** How a figure adds up over days: summed, or its value on the last day (a total such as followers). */
export type Aggregate = "sum" | "last";

/**
 * The fair change between two periods of the same length. Days are paired by their place in the
 * period. A period cut by the figure's history (the data starts after the previous period starts,
 * or ends before the current one ends) is incomplete: no change. Otherwise the change is computed
 * only over the pairs that have data on both sides; a gap inside the history leaves its pair out.
 */
export function comparePeriods(
  current: readonly DayValue[],
  previous: readonly DayValue[],
  aggregate: Aggregate = "sum",
): PeriodComparison {
  if (current.length !== previous.length) throw new RangeError("periods of different lengths");
  const all = [...previous, ...current];
  const first = all.findIndex((d) => d.value !== null);
  if (first < 0) return { kind: "none" };
  if (first > 0) return { kind: "incomplete", reason: "historyStarts", date: all[first]!.date };
  const last = all.findLastIndex((d) => d.value !== null);
  if (last < all.length - 1) return { kind: "incomplete", reason: "dataEnds", date: all[last]!.date };

  const pairs = current.flatMap((d, i) => {
    const before = previous[i]!.value;
    return d.value !== null && before !== null ? [{ now: d.value, before }] : [];
  });
  if (pairs.length === 0) return { kind: "incomplete", reason: "noCommonDays" };
  const now = aggregate === "sum" ? pairs.reduce((n, p) => n + p.now, 0) : pairs.at(-1)!.now;
  const before = aggregate === "sum" ? pairs.reduce((n, p) => n + p.before, 0) : pairs.at(-1)!.before;
  return {
    kind: "delta",
    days: pairs.length,
    current: now,
    previous: before,
    abs: now - before,
    pct: rate(now - before, before),
  };
}
