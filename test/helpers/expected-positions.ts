import { type IsoDate, weekdayIso } from "@/lib/dates";
import type { GroundTruth } from "@/simulator/truth";

import { expectedArticles, sceneCounts } from "./expected";

export interface ExpectedPositionCell {
  articles: number;
  readers: number;
  notificationReaders: number;
  delivered: number;
  /** Summed notification readers ÷ summed delivered (send target_user), null without any delivered. */
  readDeliveryRate: number | null;
}

/**
 * From the simulator's ground truth: the new generation's articles published in [from, to] at their
 * latest stat day, by position class ("lead" = 头条, "other" = 次条) and ISO weekday (null = every weekday).
 */
export function expectedPositions(truth: GroundTruth, appid: string, from: IsoDate, to: IsoDate, today: IsoDate) {
  const cells = new Map<string, ExpectedPositionCell>();
  const cell = (group: string, weekday: number | null) => {
    const key = `${group}:${weekday ?? "all"}`;
    if (!cells.has(key))
      cells.set(key, { articles: 0, readers: 0, notificationReaders: 0, delivered: 0, readDeliveryRate: null });
    return cells.get(key)!;
  };
  for (const a of expectedArticles(truth, appid, from, to, today)) {
    const latest = a.new?.at(-1);
    if (!latest) continue;
    const weekday = weekdayIso(a.sendDate) + 1;
    for (const group of [a.position === 1 ? "lead" : "other", "all"])
      for (const day of [weekday, null]) {
        const c = cell(group, day);
        c.articles++;
        c.readers += latest.read_user;
        if (a.delivered !== null) {
          c.notificationReaders += sceneCounts(latest.read_user_source).session ?? 0;
          c.delivered += a.delivered;
        }
      }
  }
  for (const c of cells.values()) c.readDeliveryRate = c.delivered > 0 ? c.notificationReaders / c.delivered : null;
  return (group: string, weekday: number | null) => cells.get(`${group}:${weekday ?? "all"}`);
}
