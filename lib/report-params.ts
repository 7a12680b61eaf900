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
/** Longest range a chart asks for: enough for a year-over-year look, small enough to stay fast. */
export const MAX_RANGE_DAYS = 400;

export const isoDateSchema = z.string().refine(isIsoDate, { error: issueError("validation.isoDate"), abort: true });

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
    case "custom": {
      const parsed = dateRangeSchema.safeParse(custom ?? {});
      return parsed.success ? parsed.data : resolveRange(DEFAULT_RANGE, today);
    }
  }
}

/** The period of the same length just before [from, to]: what deltas compare with. */
export const previousRange = (range: { from: IsoDate; to: IsoDate }) => previousPeriod(range.from, range.to);

export interface ReportState {
  account: number | null;
  preset: RangePreset;
  from: IsoDate;
  to: IsoDate;
}

/** Reads the URL's search params; anything malformed falls back to the defaults. */
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
  return { account: account.success ? account.data : null, preset, ...range };
}
