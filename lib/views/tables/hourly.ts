/** The hourly page's KPIs and tables. Pure: the browser imports it too. */
import type { HeatmapCell, HourlyReadsHour } from "@/db/analytics";
import { type Channel, CHANNEL_LABELS, CHANNELS } from "@/lib/analytics/channels";
import { METRICS } from "@/lib/analytics/definitions";
import type { IsoDate } from "@/lib/dates";

import { type Column, field, type KpiSet, type Table } from "../columns";
import { hourLabel, HOURS, type Weekday } from "../hours";

/** Totals of the days that have hourly figures. */
export interface HourlyTotals {
  days: number;
  reads: number | null;
  readers: number | null;
}

/** One day's hourly figures added up (null: the day has none). */
export interface HourlyDay {
  date: IsoDate;
  reads: number | null;
  readers: number | null;
}

export const HOURLY_KPIS: KpiSet<HourlyTotals, "reads" | "readers", HourlyDay> = {
  title: "hourly.kpis",
  kpis: [
    { id: "reads", ...METRICS.reads, format: "count", value: (t) => t.reads, daily: (d) => d.reads },
    { id: "readers", ...METRICS.dailyReaders, format: "count", value: (t) => t.readers, daily: (d) => d.readers },
  ],
};

type HourRow = HourlyReadsHour & { days: number };

const bySource = (metric: "reads" | "readers", c: Channel): Column<HourRow> => ({
  key: `${metric}_${c}`,
  header:
    metric === "reads"
      ? { en: `Reads: ${CHANNEL_LABELS[c].en}`, zh: `阅读次数：${CHANNEL_LABELS[c].zhLegacy}` }
      : { en: `Readers: ${CHANNEL_LABELS[c].en}`, zh: `阅读人数：${CHANNEL_LABELS[c].zhLegacy}` },
  format: "decimal",
  value: (h) => h[metric][c] ?? null,
});

/** The 24 hours (averages per day with data) by read source, with the days they average over. */
export const HOURS_TABLE: Table<HourRow> = {
  id: "hours",
  title: "hourly.table.hours",
  columns: [
    { key: "hour", header: "unit.hour", format: "text", value: (h) => hourLabel(h.hour) },
    field("days", "col.daysAveraged", "count"),
    ...CHANNELS.map((c) => bySource("reads", c)),
    field("totalReads", "hourly.col.readsTotal", "decimal", { key: "reads_total" }),
    ...CHANNELS.map((c) => bySource("readers", c)),
    field("totalReaders", "hourly.col.readersTotal", "decimal", { key: "readers_total" }),
  ],
};

/** A heatmap cell's average reads; null where the weekday has no data. */
export function heatmapReads(cells: readonly HeatmapCell[]): (weekday: number, hour: number) => number | null {
  const reads = new Map(cells.map((c) => [`${c.weekday}:${c.hour}`, c.reads]));
  return (weekday, hour) => reads.get(`${weekday}:${hour}`) ?? null;
}

/** Average reads by weekday (rows) and hour (columns). */
export const HEATMAP = { id: "heatmap", title: "hourly.heatmap" } as const;
export const heatmapTable = (cells: readonly HeatmapCell[]): Table<Weekday> => {
  const reads = heatmapReads(cells);
  return {
    ...HEATMAP,
    columns: [
      {
        key: "weekday",
        header: "hourly.col.weekday",
        format: "text",
        value: (w) => w,
        label: (w) => `hourly.weekday.${w}`,
      },
      ...HOURS.map(
        (h): Column<Weekday> => ({
          key: `h${h}`,
          header: { en: hourLabel(h), zh: hourLabel(h) },
          format: "decimal",
          value: (w) => reads(w, h),
        }),
      ),
    ],
  };
};
