/** The overview's KPIs and daily table. Pure: the browser imports it too. */
import type { DayMetric, DayMetrics } from "@/db/analytics";
import { CHANNEL_LABELS, channelNameZh, CHANNELS } from "@/lib/analytics/channels";
import { type MetricDefinition, METRICS } from "@/lib/analytics/definitions";

import { type Column, field, type Kpi, type KpiSet, type Table } from "../columns";

/** A period's totals and a single day have the same figures. */
type Figures = Record<DayMetric, number | null>;

const kpi = (id: DayMetric, metric: MetricDefinition): Kpi<Figures, DayMetric, DayMetrics> => ({
  id,
  ...metric,
  format: "count",
  value: (t) => t[id],
  daily: (d) => d[id],
});

/** Sums over the range's days (readers per day: reader-days), against the previous period's. */
export const OVERVIEW_KPIS: KpiSet<Figures, DayMetric, DayMetrics> = {
  title: "overview.kpis",
  kpis: [
    kpi("readers", METRICS.dailyReaders),
    kpi("reads", METRICS.reads),
    kpi("sharers", METRICS.dailySharers),
    kpi("favourites", METRICS.dailyFavourites),
    kpi("likes", METRICS.dailyLikes),
    kpi("zaikan", METRICS.dailyZaikan),
    kpi("comments", METRICS.comments),
    kpi("netFollowers", METRICS.netFollowers),
  ],
};

/**
 * Each day of the range: the KPIs' figures, then readers by read source, named as WeChat names
 * them for the generations the range's figures come from.
 */
export const overviewDailyTable = (generations: readonly ("legacy" | "new")[]): Table<DayMetrics> => ({
  id: "daily",
  title: "overview.trend",
  columns: [
    field("date", "unit.date", "date"),
    field("generation", "col.generation", "text", {
      label: (d) => (d.generation === null ? { en: "", zh: "" } : `generation.${d.generation}`),
    }),
    ...OVERVIEW_KPIS.kpis.map(
      // One day's figure: its plain name (the KPI's name says it is summed over days).
      (k): Column<DayMetrics> => ({ key: k.id, header: `metric.${k.id}`, format: k.format, value: k.value }),
    ),
    ...CHANNELS.map(
      (c): Column<DayMetrics> => ({
        key: `source_${c}`,
        header: { en: `Readers: ${CHANNEL_LABELS[c].en}`, zh: `阅读人数：${channelNameZh(c, generations)}` },
        format: "count",
        value: (d) => d.bySource[c] ?? null,
      }),
    ),
  ],
});

/** The table's id, title and figure columns, whatever the generations. */
export const OVERVIEW_DAILY_TABLE = overviewDailyTable([]);
