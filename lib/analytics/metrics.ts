import { addDaysIso, daysBetween, type IsoDate } from "@/lib/dates";

/** Derived metrics: pure functions, no database. */

/** numerator / denominator; null when either is missing or the denominator is 0. */
export function rate(numerator: number | null | undefined, denominator: number | null | undefined): number | null {
  if (numerator == null || denominator == null || denominator === 0) return null;
  return numerator / denominator;
}

/** The sum of the values present; null when none is (no figure, rather than zero). */
export function sumPresent(values: readonly (number | null | undefined)[]): number | null {
  return values.some((v) => v != null) ? values.reduce<number>((n, v) => n + (v ?? 0), 0) : null;
}

/** Change from previous to current: absolute, and relative to previous (null when previous is 0 or missing). */
export function delta(
  current: number | null | undefined,
  previous: number | null | undefined,
): { abs: number | null; pct: number | null } {
  if (current == null || previous == null) return { abs: null, pct: null };
  return { abs: current - previous, pct: rate(current - previous, previous) };
}

/** The period of the same length ending the day before `from`. */
export function previousPeriod(from: IsoDate, to: IsoDate): { from: IsoDate; to: IsoDate } {
  const length = daysBetween(from, to) + 1;
  if (length < 1) throw new RangeError(`empty period ${from}..${to}`);
  return { from: addDaysIso(from, -length), to: addDaysIso(from, -1) };
}

/** Position of an article in its send: msgid is "<msg_data_id>_<index>", index 1-based; null without an index. */
export function positionOf(msgid: string): number | null {
  const m = /_(\d+)$/.exec(msgid);
  if (!m) return null;
  const index = Number(m[1]);
  return index >= 1 ? index : null;
}

/** value per 1,000 delivered (null when nothing was delivered or it is unknown). */
export function per1000Delivered(
  value: number | null | undefined,
  delivered: number | null | undefined,
): number | null {
  const r = rate(value, delivered);
  return r === null ? null : r * 1000;
}

export function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

/**
 * Followers an article was delivered to, from a new-generation stat row. WeChat's
 * read_delivery_rate is readers from the notification (scene 公众号消息) over delivered, not
 * read_user over delivered; it is 0 for an article published without notification, so
 * nothing can be derived then.
 */
export function deliveredFromRate(
  sessionReaders: number | null | undefined,
  readDeliveryRate: number | null | undefined,
): number | null {
  if (sessionReaders == null || !sessionReaders || readDeliveryRate == null || !(readDeliveryRate > 0)) return null;
  return Math.round(sessionReaders / readDeliveryRate);
}
