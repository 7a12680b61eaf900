import { tz } from "@date-fns/tz";
import { format } from "date-fns";

/**
 * Every date in Readout is a Beijing calendar date written "YYYY-MM-DD". Converting an instant
 * to a Beijing date goes through the Asia/Shanghai zone; arithmetic on calendar dates is done on
 * UTC midnights, which no server TZ can shift. Both keep the server's own TZ out of results.
 */
export type IsoDate = string;

const BEIJING = "Asia/Shanghai";
const inBeijing = tz(BEIJING);
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** Parsed dates, remembered: a view parses the same few thousand dates hundreds of thousands of times. */
const parsed = new Map<string, number | null>();

function utcMidnight(value: string): number | null {
  let ms = parsed.get(value);
  if (ms === undefined) {
    if (parsed.size >= 50_000) parsed.clear();
    ms = parseUtcMidnight(value);
    parsed.set(value, ms);
  }
  return ms;
}

function parseUtcMidnight(value: string): number | null {
  const m = ISO_DATE.exec(value);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  // setUTCFullYear, not Date.UTC: Date.UTC reads years 0–99 as 1900–1999.
  const back = new Date(0);
  back.setUTCFullYear(y, mo - 1, d);
  const ms = back.getTime();
  return back.getUTCFullYear() === y && back.getUTCMonth() === mo - 1 && back.getUTCDate() === d ? ms : null;
}

export function isIsoDate(value: string): boolean {
  return utcMidnight(value) !== null;
}

function toMs(date: IsoDate): number {
  const ms = utcMidnight(date);
  if (ms === null) throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${JSON.stringify(date)}`);
  return ms;
}

function fromMs(ms: number): IsoDate {
  const d = new Date(ms);
  const pad = (n: number, width = 2) => String(n).padStart(width, "0");
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

export function addDaysIso(date: IsoDate, days: number): IsoDate {
  return fromMs(toMs(date) + days * DAY_MS);
}

/** b - a in calendar days. */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return Math.round((toMs(b) - toMs(a)) / DAY_MS);
}

export function beijingDateOf(instant: Date): IsoDate {
  return format(instant, "yyyy-MM-dd", { in: inBeijing });
}

/** "2026-11-20 16:12:05": an instant as a Beijing wall-clock time. */
export function beijingDateTimeOf(instant: Date): string {
  return format(instant, "yyyy-MM-dd HH:mm:ss", { in: inBeijing });
}

export function beijingHourOf(instant: Date): number {
  return Number(format(instant, "H", { in: inBeijing }));
}

/** Day of week of a calendar date, 0 = Monday ... 6 = Sunday. */
export function weekdayIso(date: IsoDate): number {
  return (new Date(toMs(date)).getUTCDay() + 6) % 7;
}

/** Inclusive list of dates from..to (empty when from > to). */
export function eachDay(from: IsoDate, to: IsoDate): IsoDate[] {
  const out: IsoDate[] = [];
  for (let ms = toMs(from), end = toMs(to); ms <= end; ms += DAY_MS) out.push(fromMs(ms));
  return out;
}

export function maxDate(a: IsoDate, b: IsoDate): IsoDate {
  return a > b ? a : b;
}

export function minDate(a: IsoDate, b: IsoDate): IsoDate {
  return a < b ? a : b;
}
