/** The articles page's table and KPIs, and the figures every article page shows. Pure: the browser imports it too. */
import type { ArticleRow } from "@/db/analytics";
import { type MetricDefinition, METRICS } from "@/lib/analytics/definitions";
import { sumPresent } from "@/lib/analytics/metrics";
import type { IsoDate } from "@/lib/dates";

import { type Column, field, type Format, type Kpi, type KpiSet, type Table } from "../columns";
import type { Header } from "../types";

/** An article's latest cumulative figures. */
export interface ArticleFigures {
  delivered: number | null;
  readers: number | null;
  /** WeChat's 送达阅读率 (read_delivery_rate): readers from the notification / delivered; new generation only. */
  readDeliveryRate: number | null;
  /** readers (every source) / delivered: Readout's own ratio, named apart from 送达阅读率. */
  readRate: number | null;
  sharers: number | null;
  /** sharers / readers */
  shareRate: number | null;
  favourites: number | null;
  likes: number | null;
  zaikan: number | null;
  comments: number | null;
  finishRate: number | null;
  avgActiveMinutes: number | null;
}
type ArticleFigureId = keyof ArticleFigures;

interface ArticleFigure extends Column<Partial<ArticleFigures>> {
  key: ArticleFigureId;
  /** A figure whose name alone could be mistaken for another's: what it is. */
  definition?: MetricDefinition["definition"];
  value: (row: Partial<ArticleFigures>) => number | null;
  /** Only the new interfaces (getarticletotaldetail) report it. */
  newOnly?: true;
}

const figure = (key: ArticleFigureId, format: Format, newOnly?: true, metric?: MetricDefinition): ArticleFigure => ({
  key,
  header: metric?.label ?? (`metric.${key}` as Header),
  format,
  value: (row) => row[key] ?? null,
  ...(newOnly ? { newOnly } : {}),
  ...(metric ? { definition: metric.definition } : {}),
});

/** Every figure of one article, in the order the pages show them: the detail's headline, the comparison's rows. */
export const ARTICLE_FIGURES: readonly ArticleFigure[] = [
  figure("delivered", "count"),
  figure("readers", "count"),
  figure("readDeliveryRate", "percent", true, METRICS.readDeliveryRate),
  figure("readRate", "percent", undefined, METRICS.readersPerDelivered),
  figure("sharers", "count"),
  figure("shareRate", "percent"),
  figure("favourites", "count"),
  figure("likes", "count", true),
  figure("zaikan", "count", true),
  figure("comments", "count", true),
  figure("finishRate", "percent", true),
  figure("avgActiveMinutes", "minutes", true),
];

export const articleFigure = (key: ArticleFigureId) => ARTICLE_FIGURES.find((f) => f.key === key)!;

/** The comparison ranks articles by how they did: every figure but the audience they were sent to. */
export const COMPARE_FIGURES = ARTICLE_FIGURES.filter((f) => f.key !== "delivered");

/** What the compare page's curves can show. */
export const CURVE_METRICS = ["readers", "sharers", "favourites"] as const satisfies readonly ArticleFigureId[];
export type CurveMetric = (typeof CURVE_METRICS)[number];

/** A row of an articles list: the article, and the account it was sent by (lists can span accounts). */
export interface ArticleListRow extends ArticleRow {
  accountName: string;
  /**
   * 0–100: readers at the article's latest day against the same account's articles in the same
   * position sent in the 90 days before, at the same day (lib/analytics/percentiles.ts); null
   * with fewer than 5 such articles.
   */
  percentile: number | null;
  /** The day since sending the percentile compares. */
  percentileDay: number | null;
}

const sortable = (key: ArticleFigureId, more?: Partial<Column<ArticleListRow>>): Column<ArticleListRow> => ({
  ...articleFigure(key),
  sort: "desc",
  ...more,
});

/** Every article sent in the range: the sortable table on the page, and its export. */
export const ARTICLES_TABLE: Table<ArticleListRow> = {
  id: "articles",
  title: "articles.table",
  columns: [
    field("sendDate", "articles.col.sendDate", "date", { sort: "desc" }),
    field("position", "articles.col.position", "count", { sort: "asc" }),
    field("title", "articles.col.title", "text", { sort: "asc", lead: true }),
    field("accountName", "articles.col.account", "text", { sort: "asc" }),
    field("generation", "col.generation", "text", {
      label: (r) => `articles.generation.${r.generation}`,
      // The page shows it as a badge by the title.
      screen: false,
    }),
    sortable("delivered"),
    sortable("readers", { phone: true }),
    sortable("readDeliveryRate", { phone: true }),
    sortable("readRate"),
    sortable("sharers"),
    sortable("shareRate"),
    sortable("favourites"),
    field("percentile", "articles.col.percentile", "decimal", { sort: "desc" }),
    field("percentileDay", "articles.col.percentileDay", "count", { screen: false }),
    field("lastStatDate", "articles.col.lastStatDate", "date", { screen: false }),
    field("msgid", "articles.col.msgid", "text", { screen: false }),
  ],
};

type ArticleKpi = "articles" | "readers" | "sharers" | "favourites";

/** The articles sent on one day; all null on a day whose sent articles were not fetched. */
export interface ArticleSendDay {
  date: IsoDate;
  articles: number | null;
  readers: number | null;
  sharers: number | null;
  favourites: number | null;
}

/** A figure summed over the articles (null when none has it). */
const summed = (
  id: "readers" | "sharers" | "favourites",
  metric: MetricDefinition,
): Kpi<readonly ArticleRow[], ArticleKpi, ArticleSendDay> => ({
  id,
  ...metric,
  format: "count",
  value: (rows) => sumPresent(rows.map((r) => r[id])),
  daily: (d) => d[id],
});

/**
 * Totals of the range's articles (their latest cumulative figures), against the previous
 * period's; the change compares send days whose articles both periods know.
 */
export const ARTICLE_KPIS: KpiSet<readonly ArticleRow[], ArticleKpi, ArticleSendDay> = {
  title: "articles.kpis",
  valueHeader: "col.value",
  kpis: [
    {
      id: "articles",
      ...METRICS.articlesSent,
      format: "count",
      value: (rows) => rows.length,
      daily: (d) => d.articles,
    },
    summed("readers", METRICS.articleReaders),
    summed("sharers", METRICS.articleSharers),
    summed("favourites", METRICS.articleFavourites),
  ],
};

/** Each day of the range: its sent articles' figures, or nulls when that day's articles are unknown. */
export function articleSendDays(
  dates: readonly IsoDate[],
  rows: readonly ArticleRow[],
  known: ReadonlySet<IsoDate>,
): ArticleSendDay[] {
  return dates.map((date) => {
    if (!known.has(date)) return { date, articles: null, readers: null, sharers: null, favourites: null };
    const sent = rows.filter((r) => r.sendDate === date);
    const sum = (key: "readers" | "sharers" | "favourites") => sent.reduce((n, r) => n + (r[key] ?? 0), 0);
    return {
      date,
      articles: sent.length,
      readers: sum("readers"),
      sharers: sum("sharers"),
      favourites: sum("favourites"),
    };
  });
}
