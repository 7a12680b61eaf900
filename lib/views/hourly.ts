import "server-only";

import { hourlyReads, overview } from "@/db/analytics";
import type { Database } from "@/db/client";
import { addDaysIso, type IsoDate } from "@/lib/dates";
import { previousRange } from "@/lib/report-params";

import { exportTable, kpiFigures, kpiTable } from "./columns";
import { WEEKDAYS } from "./hours";
import { accountRangeSchema, rangeFileName } from "./params";
import { heatmapTable, HOURLY_KPIS, type HourlyTotals, HOURS_TABLE } from "./tables/hourly";
import { defineView } from "./types";

/**
 * Reads and readers of the days that have hourly figures. getuserreadhour and getuserread are
 * the same legacy generation and were fetched together, and WeChat's hourly rows add up to the
 * daily ones, so these are the totals of the hourly figures (exact, unlike the rounded averages).
 */
async function hourlyTotals(
  database: Database,
  accountId: number,
  range: { from: IsoDate; to: IsoDate },
): Promise<HourlyTotals> {
  const { days } = await overview(database, { accountId, ...range });
  const withData = days.filter((d) => d.reads !== null);
  if (withData.length === 0) return { days: 0, reads: null, readers: null };
  return {
    days: withData.length,
    reads: withData.reduce((n, d) => n + (d.reads ?? 0), 0),
    readers: withData.reduce((n, d) => n + (d.readers ?? 0), 0),
  };
}

export const hourlyView = defineView({
  schema: accountRangeSchema,
  accounts: (p) => [p.account],
  async load(database, p) {
    const previousDates = previousRange(p);
    const [current, totals, previous] = await Promise.all([
      hourlyReads(database, { accountId: p.account, from: p.from, to: p.to }),
      hourlyTotals(database, p.account, p),
      hourlyTotals(database, p.account, previousDates),
    ]);
    // Each figure says on how many days with hourly figures it stands: a change between unequal coverage says so.
    const kpis = kpiFigures(HOURLY_KPIS, totals, previous);
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
