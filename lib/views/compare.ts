import "server-only";

import { z } from "zod";

import { compareArticles, type ComparedArticle } from "@/db/analytics";
import { per1000Delivered } from "@/lib/analytics/metrics";

import { compareItemId, compareSchema } from "./article-params";
import { defineView, type ExportTable, type Header } from "./types";

export const COMPARE_METRICS = [
  "readers",
  "readRate",
  "sharers",
  "shareRate",
  "favourites",
  "likes",
  "zaikan",
  "comments",
  "finishRate",
  "avgActiveMinutes",
] as const;
export const CURVE_METRICS = ["readers", "sharers", "favourites"] as const;
export const CURVE_DAYS = 30;

/** `scale` only shapes the curve exports (the page scales its chart itself). */
const schema = z.intersection(compareSchema, z.object({ scale: z.enum(["absolute", "per1000"]).default("absolute") }));

const round2 = (v: number | null) => (v === null ? null : Math.round(v * 100) / 100);
const articleHeader = (a: ComparedArticle): Header => ({
  en: `${a.title} (${a.sendDate})`,
  zh: `${a.title}（${a.sendDate}）`,
});

/** ?a=1:12003_1&a=2:13001_2…: 2–8 articles of any visible accounts, with curves aligned by day since send. */
export const compareView = defineView({
  schema,
  accounts: (p) => [...new Set(p.items.map((i) => i.accountId))],
  async load(database, p) {
    const found = await compareArticles(database, p.items);
    const ids = new Set(found.map(compareItemId));
    return { articles: found, missing: p.items.filter((i) => !ids.has(compareItemId(i))).map(compareItemId) };
  },
  tables: (data, input, label) => [
    {
      id: "metrics",
      title: "compare.metrics",
      columns: [
        { key: "metric", header: "compare.col.metric" },
        ...data.articles.map((a, i) => ({ key: `a${i}`, header: articleHeader(a) })),
      ],
      rows: COMPARE_METRICS.map((m) => ({
        metric: label(`compare.metric.${m}`),
        ...Object.fromEntries(data.articles.map((a, i) => [`a${i}`, a.latest[m]])),
      })),
    },
    ...CURVE_METRICS.map(
      (metric): ExportTable => ({
        id: `curve-${metric}`,
        title: input.scale === "per1000" ? `compare.curveTitle.${metric}.per1000` : `compare.curveTitle.${metric}`,
        columns: [
          { key: "day", header: "compare.col.day" },
          ...data.articles.map((a, i) => ({ key: `a${i}`, header: articleHeader(a) })),
        ],
        rows: Array.from({ length: CURVE_DAYS }, (_, day) => ({
          day,
          ...Object.fromEntries(
            data.articles.map((a, i) => {
              const point = a.curve.find((c) => c.day === day);
              const value = point
                ? input.scale === "per1000"
                  ? round2(per1000Delivered(point[metric], a.delivered))
                  : point[metric]
                : null;
              return [`a${i}`, value];
            }),
          ),
        })),
      }),
    ),
  ],
  fileName: (p) => `compare-${p.items.map((i) => `${i.accountId}-${i.msgid}`).join("_")}`.slice(0, 120),
});

export type CompareData = Awaited<ReturnType<typeof compareView.load>>;
export type { ComparedArticle };
