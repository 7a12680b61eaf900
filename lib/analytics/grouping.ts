import { addDaysIso, daysBetween, type IsoDate, weekdayIso } from "@/lib/dates";

import { rate, sumPresent } from "./metrics";

/**
 * Trend charts over long ranges: one point per ISO week beyond 90 days, per month beyond a
 * year (366 days), so a 400-day chart draws 14 points instead of 400. Counts are summed over
 * the period's days; levels (followers at the end of a day) take the period's last figure;
 * rates are recomputed from the summed counts, never averaged. A period the rows' first or last
 * day cuts (the range starts on a Wednesday) counts only its days inside and is marked with PARTIAL.
 */
export type Grain = "day" | "week" | "month";

export const DAILY_MAX_DAYS = 90;
export const WEEKLY_MAX_DAYS = 366;

export function grainOf(from: IsoDate, to: IsoDate): Grain {
  const days = daysBetween(from, to) + 1;
  if (days <= DAILY_MAX_DAYS) return "day";
  return days <= WEEKLY_MAX_DAYS ? "week" : "month";
}

/** The period's key: the date itself, its ISO week ("2026-W09") or its month ("2026-03"). */
export function periodOf(date: IsoDate, grain: Grain): string {
  if (grain === "day") return date;
  if (grain === "month") return date.slice(0, 7);
  // The ISO week belongs to the year of its Thursday.
  const thursday = addDaysIso(date, 3 - weekdayIso(date));
  const week = Math.floor(daysBetween(`${thursday.slice(0, 4)}-01-01`, thursday) / 7) + 1;
  return `${thursday.slice(0, 4)}-W${String(week).padStart(2, "0")}`;
}

/** Appended to the key of a period the range cuts at its start or end. */
export const PARTIAL = "*";

type Row = Record<string, string | number | null>;

export interface GroupRule<K extends string> {
  /** Figures of a moment (followers at the end of the day): the period's last one present. */
  levels?: readonly K[];
  /** key = numerator / denominator of the period's sums (times `per`, default 1). */
  rates?: Partial<Record<K, { numerator: K; denominator: K; per?: number }>>;
}

/**
 * Daily chart rows (sorted by `xKey`, a date) grouped into the grain's periods; the x value
 * becomes the period key. Every other key is summed (null when no day has it).
 */
export function groupRows<R extends Row>(
  rows: readonly R[],
  xKey: Extract<keyof R, string>,
  grain: Grain,
  rule: GroupRule<Extract<keyof R, string>> = {},
): R[] {
  if (grain === "day") return [...rows];
  const periods = new Map<string, R[]>();
  for (const row of rows) {
    const key = periodOf(row[xKey] as IsoDate, grain);
    periods.set(key, [...(periods.get(key) ?? []), row]);
  }
  const levels = new Set<string>(rule.levels ?? []);
  const rates = Object.entries(rule.rates ?? {}) as [
    string,
    { numerator: string; denominator: string; per?: number },
  ][];
  // A period that also holds the day before the first row or the day after the last one is cut.
  const first = rows[0]?.[xKey] as IsoDate | undefined;
  const last = rows.at(-1)?.[xKey] as IsoDate | undefined;
  const cut = new Set(
    [first && addDaysIso(first, -1), last && addDaysIso(last, 1)].flatMap((d) => (d ? [periodOf(d, grain)] : [])),
  );
  return [...periods].map(([key, days]) => {
    const out: Row = { [xKey]: cut.has(key) ? `${key}${PARTIAL}` : key };
    const keys = new Set(days.flatMap((d) => Object.keys(d)));
    for (const k of keys) {
      if (k === xKey) continue;
      const values = days.map((d) => d[k] as number | null | undefined);
      out[k] = levels.has(k) ? (values.findLast((v) => v != null) ?? null) : sumPresent(values);
    }
    for (const [k, r] of rates) {
      const value = rate(out[r.numerator] as number | null, out[r.denominator] as number | null);
      out[k] = value === null ? null : value * (r.per ?? 1);
    }
    return out as R;
  });
}
