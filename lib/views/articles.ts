import "server-only";

import { type ArticleRow, articles } from "@/db/analytics";
import { delta } from "@/lib/analytics/metrics";
import { previousRange } from "@/lib/report-params";

import { accountRangeSchema, rangeFileName } from "./params";
import { defineView } from "./types";

export const ARTICLE_KPIS = ["articles", "readers", "sharers", "favourites"] as const;
export type ArticleKpi = (typeof ARTICLE_KPIS)[number];

function totals(rows: ArticleRow[]): Record<ArticleKpi, number | null> {
  const sum = (key: "readers" | "sharers" | "favourites") =>
    rows.some((r) => r[key] != null) ? rows.reduce((n, r) => n + (r[key] ?? 0), 0) : null;
  return { articles: rows.length, readers: sum("readers"), sharers: sum("sharers"), favourites: sum("favourites") };
}

/** Where an article's figures come from, in both generations' words. */
const generationsOf = (rows: ArticleRow[]) =>
  (["legacy", "new"] as const).filter((g) => rows.some((r) => r.generation === g || r.generation === "both"));

/** ?account=&from=&to=: every article sent in the range with its latest cumulative figures, and totals vs the previous period. */
export const articlesView = defineView({
  schema: accountRangeSchema,
  accounts: (p) => [p.account],
  async load(database, p) {
    const previousDates = previousRange(p);
    const [rows, previousRows] = await Promise.all([
      articles(database, { accountIds: [p.account], from: p.from, to: p.to }),
      articles(database, { accountIds: [p.account], ...previousDates }),
    ]);
    const current = totals(rows);
    const previous = totals(previousRows);
    const kpis = ARTICLE_KPIS.map((metric) => ({
      metric,
      value: current[metric],
      previous: previousRows.length ? previous[metric] : null,
      ...delta(current[metric], previousRows.length ? previous[metric] : null),
    }));
    return { rows, kpis, previousRange: previousDates, generations: generationsOf(rows) };
  },
  tables: (data, _input, label) => [
    {
      id: "articles",
      title: "articles.table",
      columns: [
        { key: "sendDate", header: "articles.col.sendDate" },
        { key: "position", header: "articles.col.position" },
        { key: "title", header: "articles.col.title" },
        { key: "generation", header: "articles.col.generation" },
        { key: "delivered", header: "articles.col.delivered" },
        { key: "readers", header: "articles.col.readers" },
        { key: "readRate", header: "articles.col.readRate" },
        { key: "sharers", header: "articles.col.sharers" },
        { key: "shareRate", header: "articles.col.shareRate" },
        { key: "favourites", header: "articles.col.favourites" },
        { key: "lastStatDate", header: "articles.col.lastStatDate" },
        { key: "msgid", header: "articles.col.msgid" },
      ],
      rows: data.rows.map((r) => ({
        sendDate: r.sendDate,
        position: r.position,
        title: r.title,
        generation: label(`articles.generation.${r.generation}`),
        delivered: r.delivered,
        readers: r.readers,
        readRate: r.readRate,
        sharers: r.sharers,
        shareRate: r.shareRate,
        favourites: r.favourites,
        lastStatDate: r.lastStatDate,
        msgid: r.msgid,
      })),
    },
    {
      id: "kpis",
      title: "articles.kpis",
      columns: [
        { key: "metric", header: "articles.col.metric" },
        { key: "value", header: "articles.col.value" },
        { key: "previous", header: "articles.col.previous" },
        { key: "pct", header: "articles.col.change" },
      ],
      rows: data.kpis.map((k) => ({
        metric: label(`articles.kpi.${k.metric}`),
        value: k.value,
        previous: k.previous,
        pct: k.pct,
      })),
    },
  ],
  fileName: (p) => rangeFileName("articles", p),
});

export type ArticlesData = Awaited<ReturnType<typeof articlesView.load>>;
export type { ArticleRow };
