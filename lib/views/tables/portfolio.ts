/** The portfolio's table (a row per visible account) and its totals row. Pure: the browser imports it too. */
import { METRICS } from "@/lib/analytics/definitions";
import { rate, sumPresent } from "@/lib/analytics/metrics";

import { type Column, field, type Table } from "../columns";

/** Days of the sparkline, ending on the portfolio's day. */
export const SPARK_DAYS = 30;
/** Days before the portfolio's day whose mean the readers are compared with. */
export const AVERAGE_DAYS = 7;

export interface PortfolioRow {
  /** null: the totals row. */
  accountId: number | null;
  accountName: string;
  readers: number | null;
  /** Mean readers of the 7 days before, over the days with a figure. */
  readersAvg7: number | null;
  /** readers against readersAvg7: 0.1 = 10% more. */
  readersChange: number | null;
  /** WeChat's read_delivery_rate of the day's headline (送达阅读率). */
  deliveryReadRate: number | null;
  /** The rate's numerator and denominator: readers from the notification, followers delivered to. */
  notificationReaders: number | null;
  delivered: number | null;
  netFollowers: number | null;
  articlesSent: number;
  bestMsgid: string | null;
  bestAccountId: number | null;
  bestTitle: string | null;
  bestReaders: number | null;
  /** 0–100 against the account's own last 90 days (lib/analytics/percentiles.ts). */
  bestPercentile: number | null;
  /** Readers of the SPARK_DAYS days ending on the day, oldest first (null: no figure). */
  spark: (number | null)[];
  /** Newest day any interface holds final figures for. */
  finalThrough: string | null;
  /** Errors of the latest sync run. */
  syncErrors: number | null;
  /** Interfaces retired, out of quota or suspended (today or on the day). */
  stopped: string[];
}

const sorted = <Row>(column: Column<Row>, sort: "asc" | "desc"): Column<Row> => ({ ...column, sort });

export const PORTFOLIO_TABLE: Table<PortfolioRow> = {
  id: "portfolio",
  title: "portfolio.title",
  columns: [
    sorted(field("accountName", "articles.col.account", "text", { lead: true }), "asc"),
    sorted(field("readers", "metric.readers", "count", { phone: true }), "desc"),
    field("readersAvg7", "portfolio.col.avg7", "decimal", { screen: false }),
    sorted(field("readersChange", "portfolio.col.change", "percent", { phone: true }), "desc"),
    sorted(field("deliveryReadRate", METRICS.readDeliveryRate.label, "percent"), "desc"),
    sorted(field("netFollowers", "metric.netFollowers", "count"), "desc"),
    sorted(field("articlesSent", "portfolio.col.articlesSent", "count"), "desc"),
    field("bestTitle", "portfolio.col.best", "text"),
    // On screen the best article's cell says its readers.
    sorted(field("bestReaders", "portfolio.col.bestReaders", "count", { screen: false }), "desc"),
    sorted(field("bestPercentile", "articles.col.percentile", "decimal"), "desc"),
    {
      key: "spark",
      header: "portfolio.col.spark",
      format: "text",
      value: (r) => r.spark.map((v) => (v === null ? "" : String(v))).join(" "),
    },
    sorted(field("finalThrough", "portfolio.col.finalThrough", "date"), "asc"),
    sorted(field("syncErrors", "portfolio.col.errors", "count"), "desc"),
    { key: "stopped", header: "portfolio.col.stopped", format: "count", value: (r) => r.stopped.length, sort: "desc" },
    {
      key: "stoppedNames",
      header: "portfolio.col.stoppedNames",
      format: "text",
      value: (r) => r.stopped.join(", "),
      screen: false,
    },
  ],
};

/** Readers against their mean: 0.1 = 10% more; null without both. */
export const changeAgainst = (value: number | null, mean: number | null) => {
  const r = rate(value, mean);
  return r === null ? null : r - 1;
};

/**
 * The totals row, weighted: counts are summed, and rates are recomputed from the sums (送达阅读率 =
 * Σ notification readers / Σ delivered; the change = Σ readers / Σ 7-day means of the accounts
 * having both), never averaged across accounts.
 */
export function portfolioTotals(rows: readonly PortfolioRow[]): PortfolioRow {
  const withBoth = rows.filter((r) => r.readers !== null && r.readersAvg7 !== null);
  const withRate = rows.filter((r) => r.notificationReaders !== null && r.delivered !== null);
  const notificationReaders = sumPresent(withRate.map((r) => r.notificationReaders));
  const delivered = sumPresent(withRate.map((r) => r.delivered));
  const best = rows
    .filter((r) => r.bestReaders !== null)
    .reduce<PortfolioRow | null>((b, r) => (b === null || r.bestReaders! > b.bestReaders! ? r : b), null);
  const finals = rows.map((r) => r.finalThrough).filter((d): d is string => d !== null);
  const length = Math.max(0, ...rows.map((r) => r.spark.length));
  return {
    accountId: null,
    accountName: "",
    readers: sumPresent(rows.map((r) => r.readers)),
    readersAvg7: sumPresent(rows.map((r) => r.readersAvg7)),
    readersChange: changeAgainst(
      sumPresent(withBoth.map((r) => r.readers)),
      sumPresent(withBoth.map((r) => r.readersAvg7)),
    ),
    deliveryReadRate: rate(notificationReaders, delivered),
    notificationReaders,
    delivered,
    netFollowers: sumPresent(rows.map((r) => r.netFollowers)),
    articlesSent: rows.reduce((n, r) => n + r.articlesSent, 0),
    bestMsgid: best?.bestMsgid ?? null,
    bestAccountId: best?.bestAccountId ?? null,
    bestTitle: best?.bestTitle ?? null,
    bestReaders: best?.bestReaders ?? null,
    bestPercentile: best?.bestPercentile ?? null,
    spark: Array.from({ length }, (_, i) => sumPresent(rows.map((r) => r.spark[i]))),
    finalThrough: finals.length ? finals.sort()[0]! : null,
    syncErrors: sumPresent(rows.map((r) => r.syncErrors)),
    stopped: rows.flatMap((r) => r.stopped),
  };
}
