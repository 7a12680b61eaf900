/** The overview's KPIs and daily table. Pure: the browser imports it too. */
import type { DayMetric, DayMetrics } from "@/db/analytics";
import { CHANNEL_LABELS, CHANNELS } from "@/lib/analytics/channels";

import { type Column, field, type Kpi, type KpiSet, type Table } from "../columns";
import type { Header } from "../types";

/** A period's totals and a single day have the same figures. */
type Figures = Record<DayMetric, number | null>;

const kpi = (id: DayMetric, label: Header): Kpi<Figures, DayMetric> => ({
  id,
  label,
  format: "count",
  value: (t) => t[id],
});

/** Sums over the range's days (readers per day: reader-days), against the previous period's. */
export const OVERVIEW_KPIS: KpiSet<Figures, DayMetric> = {
  title: "overview.kpis",
  kpis: [
    kpi("readers", "metric.readers"),
    kpi("reads", "metric.reads"),
    kpi("sharers", "metric.sharers"),
    kpi("favourites", "metric.favourites"),
    kpi("likes", "metric.likes"),
    kpi("zaikan", "metric.zaikan"),
    kpi("comments", "metric.comments"),
    kpi("netFollowers", "metric.netFollowers"),
  ],
};

/** Each day of the range: the KPIs' figures, then readers by read source. */
export const OVERVIEW_DAILY_TABLE: Table<DayMetrics> = {
  id: "daily",
  title: "overview.trend",
  columns: [
    field("date", "unit.date", "date"),
    field("generation", "col.generation", "text", {
      label: (d) => (d.generation === null ? { en: "", zh: "" } : `generation.${d.generation}`),
    }),
    ...OVERVIEW_KPIS.kpis.map(
      (k): Column<DayMetrics> => ({ key: k.id, header: k.label, format: k.format, value: k.value }),
    ),
    ...CHANNELS.map(
      (c): Column<DayMetrics> => ({
        key: `source_${c}`,
        header: { en: `Readers: ${CHANNEL_LABELS[c].en}`, zh: `阅读人数：${CHANNEL_LABELS[c].zhNew}` },
        format: "count",
        value: (d) => d.bySource[c] ?? null,
      }),
    ),
  ],
};
