/** The compare page's table and curves. Pure: the browser imports it too. */
import type { ComparedArticle } from "@/db/analytics";
import { per1000Delivered } from "@/lib/analytics/metrics";

import { type Column, figureColumns, type Table } from "../columns";
import type { Header } from "../types";
import type { ArticleFigures, CurveMetric } from "./articles";

export type CurveScale = "absolute" | "per1000";
/** Days since sending the curve exports cover. */
export const CURVE_DAYS = 30;

const articleHeader = (a: ComparedArticle): Header => ({
  en: `${a.title} (${a.sendDate})`,
  zh: `${a.title}（${a.sendDate}）`,
});
const articleKey = (i: number) => `a${i}`;

/**
 * The day since sending the metric table compares at: the largest age every article has
 * reached (the smallest last curve day), so a 21-day-old article is never measured against
 * 1-day-old ones. Null when an article has no curve at all.
 */
export function sameAgeDay(articles: readonly ComparedArticle[]): number | null {
  const lastDays = articles.map((a) => a.curve.at(-1)?.day);
  if (lastDays.length === 0 || lastDays.some((d) => d === undefined)) return null;
  return Math.min(...(lastDays as number[]));
}

/** An article's figures at a day since sending; empty when its curve does not have that day (yet). */
export const figuresAt = (a: ComparedArticle, day: number | null): Partial<ArticleFigures> =>
  (day === null ? undefined : a.byDay.find((d) => d.day === day)?.figures) ?? {};

/** One row a figure, one column an article: each article at the same day since sending. */
export const METRICS_TABLE = { id: "metrics", title: "compare.metrics" } as const;
export const compareTable = (
  articles: readonly ComparedArticle[],
  day: number | null = sameAgeDay(articles),
): Table<Column<Partial<ArticleFigures>>> => ({
  ...METRICS_TABLE,
  columns: figureColumns(
    "col.metric",
    articles.map((a, i) => ({ key: articleKey(i), header: articleHeader(a), row: figuresAt(a, day) })),
  ),
});

/** An article's figure on a day since sending, absolute or per 1,000 delivered; null past its curve. */
export function curveValue(a: ComparedArticle, day: number, metric: CurveMetric, scale: CurveScale): number | null {
  const point = a.curve.find((p) => p.day === day);
  if (!point) return null;
  return scale === "per1000" ? per1000Delivered(point[metric], a.delivered) : point[metric];
}

const round2 = (v: number | null) => (v === null ? null : Math.round(v * 100) / 100);

export const curveTableId = (metric: CurveMetric) => `curve-${metric}`;

/** One row a day since sending, one column an article. */
export const curveTable = (
  articles: readonly ComparedArticle[],
  metric: CurveMetric,
  scale: CurveScale,
): Table<number> => ({
  id: curveTableId(metric),
  title: scale === "per1000" ? `compare.curveTitle.${metric}.per1000` : `compare.curveTitle.${metric}`,
  columns: [
    { key: "day", header: "compare.col.day", format: "count", value: (day) => day },
    ...articles.map(
      (a, i): Column<number> => ({
        key: articleKey(i),
        header: articleHeader(a),
        format: scale === "per1000" ? "decimal" : "count",
        value: (day) => {
          const v = curveValue(a, day, metric, scale);
          return scale === "per1000" ? round2(v) : v;
        },
      }),
    ),
  ],
});
