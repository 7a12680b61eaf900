/**
 * "What works": articles grouped by position in their send (头条 = 1, 次条 = any other) and by the
 * Beijing weekday they were sent. Figures are sums over the group's articles, and every rate is
 * recomputed from those sums (never an average of the articles' rates). Pure: the browser imports it too.
 */
import type { PositionArticle } from "@/db/analytics";

import { rate, sumPresent } from "./metrics";
import { type PositionClass, positionClass } from "./percentiles";

export const POSITION_CLASSES = ["lead", "other", "all"] as const;
export type PositionGroup = (typeof POSITION_CLASSES)[number];

export interface PositionCell {
  positionClass: PositionGroup;
  /** 1 … 7, or null for every weekday. */
  weekday: number | null;
  articles: number;
  readers: number | null;
  readersPerArticle: number | null;
  notificationReaders: number | null;
  delivered: number | null;
  /** 送达阅读率: readers from the notification ÷ delivered, both summed over the group. */
  readDeliveryRate: number | null;
}

const WEEKDAY_ORDER = [1, 2, 3, 4, 5, 6, 7, null] as const;

function cellOf(
  positionGroup: PositionGroup,
  weekday: number | null,
  articles: readonly PositionArticle[],
): PositionCell {
  const readers = sumPresent(articles.map((a) => a.readers));
  const withReaders = articles.filter((a) => a.readers !== null).length;
  const counted = articles.filter((a) => a.delivered !== null && a.notificationReaders !== null);
  const notificationReaders = sumPresent(counted.map((a) => a.notificationReaders));
  const delivered = sumPresent(counted.map((a) => a.delivered));
  return {
    positionClass: positionGroup,
    weekday,
    articles: articles.length,
    readers,
    readersPerArticle: rate(readers, withReaders),
    notificationReaders,
    delivered,
    readDeliveryRate: rate(notificationReaders, delivered),
  };
}

const inClass = (group: PositionGroup, a: PositionArticle) =>
  group === "all" || positionClass(a.position) === (group satisfies PositionClass);

/** 头条, 次条 and all positions, each by weekday (Monday first) and then over every weekday. */
export function positionsByWeekday(articles: readonly PositionArticle[]): PositionCell[] {
  return POSITION_CLASSES.flatMap((group) =>
    WEEKDAY_ORDER.map((weekday) =>
      cellOf(
        group,
        weekday,
        articles.filter((a) => inClass(group, a) && (weekday === null || a.weekday === weekday)),
      ),
    ),
  );
}
