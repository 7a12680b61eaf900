import "server-only";

import { hourlyReads, overview } from "@/db/analytics";
import type { Database } from "@/db/client";
import { sumPresent } from "@/lib/analytics/metrics";
import { addDaysIso, type IsoDate } from "@/lib/dates";
import { previousRange } from "@/lib/report-params";

import { exportTable, kpiFigures, kpiTable } from "./columns";
import { WEEKDAYS } from "./hours";
import { accountRangeSchema, rangeFileName } from "./params";
import { heatmapTable, HOURLY_KPIS, type HourlyDay, type HourlyTotals, HOURS_TABLE } from "./tables/hourly";
import { defineView } from "./types";

/**
 * Reads and readers of each day that has hourly figures. getuserreadhour and getuserread are
 * the same legacy generation and were fetched together, and WeChat's hourly rows add up to the
 * daily ones, so these are the totals of the hourly figures (exact, unlike the rounded averages).
 */
async function hourlyDays(
  database: Database,
  accountId: number,
  range: { from: IsoDate; to: IsoDate },
): Promise<HourlyDay[]> {
  const { days } = await overview(database, { accountId, ...range });
  return days.map((d) => ({ date: d.date, reads: d.reads, readers: d.reads === null ? null : d.readers }));
}

function totalsOf(days: readonly HourlyDay[]): HourlyTotals {
  const withData = days.filter((d) => d.reads !== null);
  return {
    days: withData.length,
    reads: sumPresent(withData.map((d) => d.reads)),
    readers: sumPresent(withData.map((d) => d.readers)),
  };
}

export const hourlyView = defineView({
  schema: accountRangeSchema,
  accounts: (p) => [p.account],
  async load(database, p) {
    const previousDates = previousRange(p);
    const [current, days, previousDays] = await Promise.all([
      hourlyReads(database, { accountId: p.account, from: p.from, to: p.to }),
      hourlyDays(database, p.account, p),
      hourlyDays(database, p.account, previousDates),
    ]);
    const kpis = kpiFigures(HOURLY_KPIS, totalsOf(days), totalsOf(previousDays), {
      current: days,
      previous: previousDays,
    });
    const last = current.lastDateWithData;
    return {
      ...current,
      kpis,
      previousRange: previousDates,
      /** The 30 days ending on the last day with hourly figures: what the page offers when the range has none. */
      rangeWithData: last ? { from: addDaysIso(last, -29), to: last } : null,
    };
  },
  tables: (data, _input, label) => {
    const hours = data.daysWithData === 0 ? [] : data.hours.map((h) => ({ ...h, days: data.daysWithData }));
    return [
      kpiTable(HOURLY_KPIS, data.kpis, label),
      exportTable(HOURS_TABLE, hours, label),
      exportTable(heatmapTable(data.heatmap), data.heatmap.length === 0 ? [] : WEEKDAYS, label),
    ];
  },
  fileName: (p) => rangeFileName("hourly", p),
});

export type HourlyData = Awaited<ReturnType<typeof hourlyView.load>>;
