/** The Overview's 昨日关键指标 and yesterday's article lists. Pure: the browser imports it too. */
import type { ReadArticle, SentArticle } from "@/db/analytics";
import { type MetricDefinition, METRICS } from "@/lib/analytics/definitions";

import { type Column, field, type Format, type Table } from "../columns";

export const YESTERDAY_METRICS = [
  "readers",
  "deliveryReadRate",
  "sharers",
  "netFollowers",
  "likes",
  "zaikan",
  "comments",
] as const;
export type YesterdayMetric = (typeof YESTERDAY_METRICS)[number];

/** Each figure is the overview's KPI of the same name for one day, with its definition. */
export const YESTERDAY_LABELS: Record<YesterdayMetric, MetricDefinition & { format: Format }> = {
  readers: { ...METRICS.dailyReaders, format: "count" },
  deliveryReadRate: { ...METRICS.readDeliveryRate, format: "percent" },
  sharers: { ...METRICS.dailySharers, format: "count" },
  netFollowers: { ...METRICS.netFollowers, format: "count" },
  likes: { ...METRICS.dailyLikes, format: "count" },
  zaikan: { ...METRICS.dailyZaikan, format: "count" },
  comments: { ...METRICS.comments, format: "count" },
};

/** The days each figure is compared with, the way the MP backend does. */
export const COMPARED_DAYS = [1, 7, 30] as const;

export interface Comparison {
  days: (typeof COMPARED_DAYS)[number];
  date: string;
  value: number | null;
  pct: number | null;
}
export interface YesterdayFigure {
  metric: YesterdayMetric;
  value: number | null;
  comparisons: Comparison[];
}

export const YESTERDAY_KPI_TABLE: Table<YesterdayFigure> = {
  id: "kpis",
  title: "yesterday.title",
  columns: [
    {
      key: "metric",
      header: "col.metric",
      format: "text",
      value: (f) => f.metric,
      label: (f) => YESTERDAY_LABELS[f.metric].label,
    },
    field("value", "yesterday.col.value", "decimal", { cellFormat: (f) => YESTERDAY_LABELS[f.metric].format }),
    ...COMPARED_DAYS.map(
      (days, i): Column<YesterdayFigure> => ({
        key: `before_${days}`,
        header: `yesterday.col.before${days}`,
        format: "decimal",
        value: (f) => f.comparisons[i]?.value ?? null,
        cellFormat: (f) => YESTERDAY_LABELS[f.metric].format,
      }),
    ),
  ],
};

const position: Column<{ position: number | null }> = {
  key: "position",
  header: "articles.col.position",
  format: "count",
  value: (r) => r.position,
  label: (r) =>
    r.position === 1 ? "yesterday.headline" : r.position === null ? "yesterday.unknownPosition" : "yesterday.secondary",
};

export const SENT_YESTERDAY_TABLE: Table<SentArticle> = {
  id: "sent",
  title: "yesterday.sent",
  columns: [
    field("title", "articles.col.title", "text", { lead: true }),
    position as Column<SentArticle>,
    field("readers", "metric.readers", "count"),
    field("deliveryReadRate", METRICS.readDeliveryRate.label, "percent"),
    field("sharers", "metric.sharers", "count"),
    field("finishRate", "metric.finishRate", "percent"),
    field("likes", "metric.likes", "count"),
    field("msgid", "articles.col.msgid", "text", { screen: false }),
  ],
};

export const READ_YESTERDAY_TABLE: Table<ReadArticle> = {
  id: "read",
  title: "yesterday.read",
  columns: [
    field("title", "articles.col.title", "text", { lead: true }),
    field("sendDate", "articles.col.sendDate", "date"),
    field("readers", "metric.readers", "count"),
    field("sharers", "metric.sharers", "count"),
    field("msgid", "articles.col.msgid", "text", { screen: false }),
  ],
};
