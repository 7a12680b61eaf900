import "server-only";

import { hourlyReads, overview } from "@/db/analytics";
import type { Database } from "@/db/client";
import { CHANNEL_LABELS, CHANNELS } from "@/lib/analytics/channels";
import { delta } from "@/lib/analytics/metrics";
import { addDaysIso, type IsoDate } from "@/lib/dates";
import { previousRange } from "@/lib/report-params";

import { hourLabel, HOURS, WEEKDAYS } from "./hours";
import { accountRangeSchema, rangeFileName } from "./params";
import { defineView, type ExportTable } from "./types";

export const HOURLY_KPIS = ["reads", "readers"] as const;

/**
 * Reads and readers of the days that have hourly figures. getuserreadhour and getuserread are
 * the same legacy generation and were fetched together, and WeChat's hourly rows add up to the
 * daily ones, so these are the totals of the hourly figures (exact, unlike the rounded averages).
 */
async function hourlyTotals(database: Database, accountId: number, range: { from: IsoDate; to: IsoDate }) {
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
    const kpis = HOURLY_KPIS.map((metric) => ({
      metric,
      value: totals[metric],
      previous: previous[metric],
      /** Days with hourly figures behind each figure: a change between unequal coverage says so. */
      days: totals.days,
      previousDays: previous.days,
      ...delta(totals[metric], previous[metric]),
    }));
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
    const channelHeader = (metric: "reads" | "readers", c: (typeof CHANNELS)[number]) =>
      metric === "reads"
        ? { en: `Reads: ${CHANNEL_LABELS[c].en}`, zh: `阅读次数：${CHANNEL_LABELS[c].zhLegacy}` }
        : { en: `Readers: ${CHANNEL_LABELS[c].en}`, zh: `阅读人数：${CHANNEL_LABELS[c].zhLegacy}` };
    const heat = new Map(data.heatmap.map((c) => [`${c.weekday}:${c.hour}`, c.reads]));
    const tables: ExportTable[] = [
      {
        id: "kpis",
        title: "hourly.kpis",
        columns: [
          { key: "metric", header: "hourly.col.metric" },
          { key: "value", header: "hourly.col.value" },
          { key: "previous", header: "hourly.col.previous" },
          { key: "pct", header: "hourly.col.change" },
          { key: "days", header: "hourly.col.daysWithData" },
          { key: "previousDays", header: "hourly.col.previousDaysWithData" },
        ],
        rows: data.kpis.map((k) => ({
          metric: label(`hourly.kpi.${k.metric}`),
          value: k.value,
          previous: k.previous,
          pct: k.pct,
          days: k.days,
          previousDays: k.previousDays,
        })),
      },
      {
        id: "hours",
        title: "hourly.table.hours",
        columns: [
          { key: "hour", header: "unit.hour" },
          { key: "days", header: "hourly.col.days" },
          ...CHANNELS.map((c) => ({ key: `reads_${c}`, header: channelHeader("reads", c) })),
          { key: "reads_total", header: "hourly.col.readsTotal" },
          ...CHANNELS.map((c) => ({ key: `readers_${c}`, header: channelHeader("readers", c) })),
          { key: "readers_total", header: "hourly.col.readersTotal" },
        ],
        rows:
          data.daysWithData === 0
            ? []
            : data.hours.map((h) => ({
                hour: hourLabel(h.hour),
                days: data.daysWithData,
                ...Object.fromEntries(CHANNELS.map((c) => [`reads_${c}`, h.reads[c] ?? null])),
                reads_total: h.totalReads,
                ...Object.fromEntries(CHANNELS.map((c) => [`readers_${c}`, h.readers[c] ?? null])),
                readers_total: h.totalReaders,
              })),
      },
      {
        id: "heatmap",
        title: "hourly.heatmap",
        columns: [
          { key: "weekday", header: "hourly.col.weekday" },
          ...HOURS.map((h) => ({ key: `h${h}`, header: { en: hourLabel(h), zh: hourLabel(h) } })),
        ],
        rows:
          data.heatmap.length === 0
            ? []
            : WEEKDAYS.map((w) => ({
                weekday: label(`hourly.weekday.${w}`),
                ...Object.fromEntries(HOURS.map((h) => [`h${h}`, heat.get(`${w}:${h}`) ?? null])),
              })),
      },
    ];
    return tables;
  },
  fileName: (p) => rangeFileName("hourly", p),
});

export type HourlyData = Awaited<ReturnType<typeof hourlyView.load>>;
