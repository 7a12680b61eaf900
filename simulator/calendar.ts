/**
 * Beijing calendar dates as integer day numbers (days since 1970-01-01). A calendar date has
 * no time zone, so this is plain arithmetic on the date's own fields through UTC; the
 * server's TZ cannot change it. Validation of untrusted input uses lib/dates.isIsoDate.
 */
import type { IsoDate } from "@/lib/dates";

const MS_PER_DAY = 86_400_000;
const isoCache = new Map<number, IsoDate>();

/** Day number of a date already known to be a valid "YYYY-MM-DD". */
export function dayOf(date: IsoDate): number {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const day = Number(date.slice(8, 10));
  return Math.round(Date.UTC(year, month - 1, day) / MS_PER_DAY);
}

export function isoOf(day: number): IsoDate {
  let iso = isoCache.get(day);
  if (iso === undefined) {
    iso = new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
    if (isoCache.size > 50_000) isoCache.clear();
    isoCache.set(day, iso);
  }
  return iso;
}

/** 0 = Monday ... 6 = Sunday (1970-01-01 was a Thursday). */
export function weekdayOf(day: number): number {
  return (((day + 3) % 7) + 7) % 7;
}
