import "server-only";

import { z } from "zod";

import { dayArticles, dayIsFinal, overview } from "@/db/analytics";
import type { Database } from "@/db/client";
import { delta } from "@/lib/analytics/metrics";
import { beijingToday, now } from "@/lib/clock";
import { addDaysIso, beijingHourOf, type IsoDate } from "@/lib/dates";
import { env } from "@/lib/env";
import { accountIdSchema, isoDateSchema } from "@/lib/report-params";

import { exportTable } from "./columns";
import {
  COMPARED_DAYS,
  READ_YESTERDAY_TABLE,
  SENT_YESTERDAY_TABLE,
  YESTERDAY_KPI_TABLE,
  YESTERDAY_METRICS,
  type YesterdayFigure,
  type YesterdayMetric,
} from "./tables/yesterday";
import { defineView } from "./types";

/** ?account=3[&date=2026-10-30]: one day (default yesterday, Beijing) of one account. */
const schema = z.object({ account: accountIdSchema, date: isoDateSchema.optional() });

/** The day's figures: the overview's for that day, and the headline's 送达阅读率. */
async function figuresOf(database: Database, accountId: number, date: IsoDate) {
  const [{ totals }, articles] = await Promise.all([
    overview(database, { accountId, from: date, to: date }),
    dayArticles(database, accountId, date),
  ]);
  const headline = articles.sent.find((a) => a.position === 1 && a.publishType === 0);
  const figures: Record<YesterdayMetric, number | null> = {
    readers: totals.readers,
    deliveryReadRate: headline?.deliveryReadRate ?? null,
    sharers: totals.sharers,
    netFollowers: totals.netFollowers,
    likes: totals.likes,
    zaikan: totals.zaikan,
    comments: totals.comments,
  };
  // '–' for 送达阅读率 says why: no headline sent with a notification, or only the legacy interfaces have it.
  const deliveryReadRateMissing =
    figures.deliveryReadRate !== null ? null : headline ? ("legacy" as const) : ("noHeadline" as const);
  return { figures, articles, deliveryReadRateMissing };
}

/** When Readout fetches the day (again): the next daily sync, after DAILY_SYNC_HOUR Beijing time. */
function nextFetch(today: IsoDate): string {
  const hour = env().DAILY_SYNC_HOUR;
  const day = beijingHourOf(now()) < hour ? today : addDaysIso(today, 1);
  return `${day} ${String(hour).padStart(2, "0")}:00`;
}

export const yesterdayView = defineView({
  schema,
  accounts: (p) => [p.account],
  async load(database, p) {
    const today = beijingToday();
    const date = p.date ?? addDaysIso(today, -1);
    const [day, status, ...before] = await Promise.all([
      figuresOf(database, p.account, date),
      dayIsFinal(database, p.account, date),
      ...COMPARED_DAYS.map((n) => figuresOf(database, p.account, addDaysIso(date, -n))),
    ]);
    const figures: YesterdayFigure[] = YESTERDAY_METRICS.map((metric) => ({
      metric,
      value: day.figures[metric],
      comparisons: COMPARED_DAYS.map((days, i) => {
        const value = before[i]?.figures[metric] ?? null;
        return { days, date: addDaysIso(date, -days), value, pct: delta(day.figures[metric], value).pct };
      }),
    }));
    const beforePublication = date === addDaysIso(today, -1) && beijingHourOf(now()) < 8;
    return {
      date,
      figures,
      sent: day.articles.sent,
      read: day.articles.read,
      readFrom: day.articles.readFrom,
      deliveryReadRateMissing: day.deliveryReadRateMissing,
      fetched: status.fetched,
      final: status.final && !beforePublication,
      nextFetch: nextFetch(today),
    };
  },
  tables: (data, _input, label) => [
    exportTable(YESTERDAY_KPI_TABLE, data.figures, label),
    exportTable(SENT_YESTERDAY_TABLE, data.sent, label),
    exportTable(READ_YESTERDAY_TABLE, data.read, label),
  ],
  fileName: (p) => `yesterday-${p.date ?? "latest"}`,
});
