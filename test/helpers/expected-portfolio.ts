import { addDaysIso, eachDay, type IsoDate } from "@/lib/dates";
import type { GroundTruth } from "@/simulator/truth";

import { expectedArticles, expectedFollowers, expectedOverviewDays } from "./expected";

/** One account's portfolio row as the simulator's ground truth has it (the figures the page must show). */
export interface ExpectedPortfolioRow {
  readers: number | null;
  readersAvg7: number | null;
  /** The headline's read_delivery_rate on its send day. */
  deliveryReadRate: number | null;
  /**
   * Readers from the notification (公众号消息) of that headline, and the followers it was delivered
   * to as WeChat's new interfaces let them be known: those readers / read_delivery_rate (7 decimals).
   */
  notificationReaders: number | null;
  delivered: number | null;
  netFollowers: number | null;
  articlesSent: number;
  best: { msgid: string; title: string; readers: number } | null;
  spark: (number | null)[];
}

export function expectedPortfolioRow(
  truth: GroundTruth,
  appid: string,
  date: IsoDate,
  today: IsoDate,
): ExpectedPortfolioRow {
  const from = addDaysIso(date, -29);
  const days = expectedOverviewDays(truth, appid, from, date, today);
  const readersOn = new Map(days.map((d) => [d.date, d.readers]));
  const week = eachDay(addDaysIso(date, -7), addDaysIso(date, -1))
    .map((d) => readersOn.get(d) ?? null)
    .filter((v): v is number => v !== null);
  const sent = expectedArticles(truth, appid, date, date, today);
  const headline = sent.find((a) => a.position === 1 && a.publishType === 0);
  const day0 = headline?.new?.find((d) => d.stat_date === date) ?? null;
  const session = day0?.read_user_source.find((s) => s.scene_desc === "公众号消息")?.user_count ?? null;
  const best = [...sent].sort((a, b) => b.latest.readers - a.latest.readers)[0];
  return {
    readers: readersOn.get(date) ?? null,
    readersAvg7: week.length ? week.reduce((a, b) => a + b, 0) / week.length : null,
    deliveryReadRate: day0?.read_delivery_rate ?? null,
    notificationReaders: day0 ? session : null,
    delivered: day0 && session ? Math.round(session / day0.read_delivery_rate) : null,
    netFollowers: expectedFollowers(truth, appid, date, date, today).days[0]?.netUsers ?? null,
    articlesSent: sent.length,
    best: best ? { msgid: best.msgid, title: best.title, readers: best.latest.readers } : null,
    spark: days.map((d) => d.readers),
  };
}
