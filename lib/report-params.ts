import { z } from "zod";

import { previousPeriod } from "@/lib/analytics/metrics";
import { addDaysIso, daysBetween, isIsoDate, type IsoDate } from "@/lib/dates";
import { issueError } from "@/lib/i18n/zod";

/**
 * The dashboard's URL state: ?account=3&range=last30 or ?range=custom&from=…&to=…
 * Shared by pages (server), hooks (query keys) and route handlers (validation).
 */
export const RANGE_PRESETS = ["yesterday", "last7", "last30", "last90", "month", "custom"] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];
const DEFAULT_RANGE: RangePreset = "last30";

/**
 * The one date rule of every route, action and form: a date is a real calendar date written
 * YYYY-MM-DD, not before WeChat's datacube starts (EARLIEST_DATE); a range runs forwards and
 * spans at most MAX_RANGE_DAYS days (enough for a year-over-year look; longer than 90 days the
 * trend charts group by week, longer than a year by month). A range's previous period may reach
 * before EARLIEST_DATE: it then simply has no data. A range the rule refuses is an error the
 * user sees, never replaced by another range.
 */
export const EARLIEST_DATE: IsoDate = "2014-12-01";
export const MAX_RANGE_DAYS = 400;

export const isoDateSchema = z
  .string()
  .refine(isIsoDate, { error: issueError("validation.isoDate"), abort: true })
  .refine((d) => d >= EARLIEST_DATE, {
    error: issueError("validation.beforeEarliest", { date: EARLIEST_DATE }),
    abort: true,
  });

/** A concrete Beijing date range [from, to], validated. */
export const dateRangeSchema = z
  .object({ from: isoDateSchema, to: isoDateSchema })
  .refine((r) => r.from <= r.to, {
    error: issueError("validation.rangeOrder"),
    path: ["from"],
    abort: true,
  })
  .refine((r) => daysBetween(r.from, r.to) < MAX_RANGE_DAYS, {
    error: issueError("validation.rangeSpan", { days: MAX_RANGE_DAYS }),
    path: ["to"],
  });

export const accountIdSchema = z.coerce.number().int().positive();

/** Range presets end yesterday: WeChat publishes a day's figures the next morning. */
export function resolveRange(
  preset: RangePreset,
  today: IsoDate,
  custom?: { from?: string; to?: string },
): { from: IsoDate; to: IsoDate } {
  const yesterday = addDaysIso(today, -1);
  switch (preset) {
    case "yesterday":
      return { from: yesterday, to: yesterday };
    case "last7":
      return { from: addDaysIso(yesterday, -6), to: yesterday };
    case "last30":
      return { from: addDaysIso(yesterday, -29), to: yesterday };
    case "last90":
      return { from: addDaysIso(yesterday, -89), to: yesterday };
    case "month":
      return { from: `${yesterday.slice(0, 8)}01`, to: yesterday };
    case "custom":
      // As typed, valid or not: an invalid range is reported (rangeIsValid), never replaced.
      return { from: custom?.from ?? "", to: custom?.to ?? "" };
  }
}

export const rangeIsValid = (range: { from: string; to: string }) => dateRangeSchema.safeParse(range).success;

/** The period of the same length just before [from, to]: what deltas compare with. */
export const previousRange = (range: { from: IsoDate; to: IsoDate }) => previousPeriod(range.from, range.to);

export interface ReportState {
  account: number | null;
  preset: RangePreset;
  /** As in the URL: check `rangeValid` before computing with them. */
  from: IsoDate;
  to: IsoDate;
  /** Whether [from, to] passes the date rule; an invalid range is shown as an error, not replaced. */
  rangeValid: boolean;
}

/**
 * Reads the URL's search params; an unknown account or preset falls back to the defaults, a
 * custom range is kept as typed and flagged when the date rule refuses it.
 */
export function readReportState(
  params: URLSearchParams | Record<string, string | string[] | undefined>,
  today: IsoDate,
): ReportState {
  const get = (k: string) => {
    const v = params instanceof URLSearchParams ? params.get(k) : params[k];
    return (Array.isArray(v) ? v[0] : v) ?? undefined;
  };
  const account = accountIdSchema.safeParse(get("account"));
  const preset = (RANGE_PRESETS as readonly string[]).includes(get("range") ?? "")
    ? (get("range") as RangePreset)
    : get("from")
      ? "custom"
      : DEFAULT_RANGE;
  const range = resolveRange(preset, today, { from: get("from"), to: get("to") });
  return { account: account.success ? account.data : null, preset, ...range, rangeValid: rangeIsValid(range) };
}
