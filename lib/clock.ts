import { addDaysIso, beijingDateOf, type IsoDate } from "@/lib/dates";
import { env } from "@/lib/env";

/**
 * The app's notion of "now". READOUT_TODAY pins the Beijing date (at noon, after WeChat's
 * 08:00 publication of yesterday's data) for tests and the demo.
 */
export function now(): Date {
  const pinned = env().READOUT_TODAY;
  return pinned ? new Date(`${pinned}T12:00:00+08:00`) : new Date();
}

export function beijingToday(): IsoDate {
  return beijingDateOf(now());
}

export function beijingYesterday(): IsoDate {
  return addDaysIso(beijingToday(), -1);
}
