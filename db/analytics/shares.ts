import "server-only";

import { and, between, eq, sql } from "drizzle-orm";

import type { Database } from "@/db/client";
import { bizSummary, legacyUserShare, legacyUserShareHour } from "@/db/schema";
import { round1 } from "@/lib/analytics/metrics";
import { eachDay, type IsoDate } from "@/lib/dates";

import type { RangeParams } from "./overview";

export interface SceneFigures {
  shareCount: number;
  shareUser: number;
}
/** Keyed by share_scene code (1 friends, 2 Moments, 255 other, anything else kept as sent). */
export type ByScene = Record<string, SceneFigures>;

export interface Shares {
  /** Days in the range with daily share-scene rows (legacy getusershare). */
  daysWithData: number;
  /** Days in the range with hourly rows (legacy getusersharehour); `hours` divides by this. */
  hourlyDaysWithData: number;
  /** The latest day with daily share-scene rows for the account, whatever the range. */
  lastDateWithData: IsoDate | null;
  /** Every day of the range; {} on a day without data. */
  days: { date: IsoDate; byScene: ByScene }[];
  /** 24 entries: averages per day with hourly data, 1 decimal. */
  hours: { hour: number; byScene: ByScene }[];
  /** Scene codes present in the range, ascending. */
  scenes: number[];
  /** New generation: the account's sharers per day (it has no scenes); null on a day without a row. */
  newSharers: { date: IsoDate; sharers: number | null }[];
}

export async function shares({ db }: Database, { accountId, from, to }: RangeParams): Promise<Shares> {
  const d = legacyUserShare;
  const h = legacyUserShareHour;
  const [dailyRows, hourSums, [hourDays], [last], newRows] = await Promise.all([
    db
      .select({ date: d.refDate, scene: d.shareScene, shareCount: d.shareCount, shareUser: d.shareUser })
      .from(d)
      .where(and(eq(d.accountId, accountId), between(d.refDate, from, to))),
    db
      .select({
        hour: h.hour,
        scene: h.shareScene,
        shareCount: sql<number>`sum(${h.shareCount})`.mapWith(Number),
        shareUser: sql<number>`sum(${h.shareUser})`.mapWith(Number),
      })
      .from(h)
      .where(and(eq(h.accountId, accountId), between(h.refDate, from, to)))
      .groupBy(h.hour, h.shareScene),
    db
      .select({ days: sql<number>`count(distinct ${h.refDate})`.mapWith(Number) })
      .from(h)
      .where(and(eq(h.accountId, accountId), between(h.refDate, from, to))),
    db
      .select({ date: sql<string | null>`max(${d.refDate})::text` })
      .from(d)
      .where(eq(d.accountId, accountId)),
    db
      .select({ date: bizSummary.refDate, sharers: bizSummary.shareUser })
      .from(bizSummary)
      .where(and(eq(bizSummary.accountId, accountId), between(bizSummary.refDate, from, to))),
  ]);

  const scenes = new Set<number>();
  const byDate = new Map<IsoDate, ByScene>();
  for (const row of dailyRows) {
    scenes.add(row.scene);
    const byScene = byDate.get(row.date) ?? {};
    byScene[String(row.scene)] = { shareCount: row.shareCount, shareUser: row.shareUser };
    byDate.set(row.date, byScene);
  }

  const hourlyDaysWithData = hourDays?.days ?? 0;
  const hours = Array.from({ length: 24 }, (_, hour) => ({ hour, byScene: {} as ByScene }));
  for (const row of hourSums) {
    scenes.add(row.scene);
    const entry = hours[row.hour];
    if (entry) {
      entry.byScene[String(row.scene)] = {
        shareCount: round1(row.shareCount / hourlyDaysWithData),
        shareUser: round1(row.shareUser / hourlyDaysWithData),
      };
    }
  }

  const newByDate = new Map(newRows.map((r) => [r.date, r.sharers]));
  const range = eachDay(from, to);
  return {
    daysWithData: byDate.size,
    hourlyDaysWithData,
    lastDateWithData: last?.date ?? null,
    days: range.map((date) => ({ date, byScene: byDate.get(date) ?? {} })),
    hours,
    scenes: [...scenes].sort((a, b) => a - b),
    newSharers: range.map((date) => ({ date, sharers: newByDate.get(date) ?? null })),
  };
}
