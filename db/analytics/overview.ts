import "server-only";

import { and, asc, between, eq } from "drizzle-orm";

import type { Database } from "@/db/client";
import { bizSummary, legacyUserRead } from "@/db/schema";
import { addTo, type ChannelCounts, channelOfUserSource, channelsFromScenes } from "@/lib/analytics/channels";
import { eachDay, type IsoDate } from "@/lib/dates";
import type { ArticleGeneration as Generation } from "@/lib/wechat/endpoints";

import { followers } from "./followers";

export interface DayMetrics {
  date: IsoDate;
  /** Which generation the day's figures come from (new when both have the day); null = no data. */
  generation: Generation | null;
  readers: number | null;
  /** Page views: legacy only, filled whenever the legacy generation has the day. */
  reads: number | null;
  sharers: number | null;
  favourites: number | null;
  likes: number | null;
  zaikan: number | null;
  comments: number | null;
  /** getusersummary: followers gained minus lost; null on a day not fetched. */
  netFollowers: number | null;
  bySource: ChannelCounts;
}

export type DayMetric =
  | "readers"
  | "reads"
  | "sharers"
  | "favourites"
  | "likes"
  | "zaikan"
  | "comments"
  | "netFollowers";
const DAY_METRICS: DayMetric[] = [
  "readers",
  "reads",
  "sharers",
  "favourites",
  "likes",
  "zaikan",
  "comments",
  "netFollowers",
];

/** Sums over the range's days; a metric no day has is null. Readers are summed per day (reader-days). */
export type Totals = Record<DayMetric, number | null> & { bySource: ChannelCounts };

export interface Overview {
  days: DayMetrics[];
  totals: Totals;
  /** The generations the days' figures come from, legacy first. */
  generations: Generation[];
}

export interface RangeParams {
  accountId: number;
  from: IsoDate;
  to: IsoDate;
}

const emptyDay = (date: IsoDate): DayMetrics => ({
  date,
  generation: null,
  readers: null,
  reads: null,
  sharers: null,
  favourites: null,
  likes: null,
  zaikan: null,
  comments: null,
  netFollowers: null,
  bySource: {},
});

export async function overview(database: Database, { accountId, from, to }: RangeParams): Promise<Overview> {
  const { db } = database;
  const [newRows, legacyRows, follower] = await Promise.all([
    db
      .select({
        date: bizSummary.refDate,
        readers: bizSummary.readUser,
        readUserSource: bizSummary.readUserSource,
        sharers: bizSummary.shareUser,
        favourites: bizSummary.collectionUser,
        likes: bizSummary.likeUser,
        zaikan: bizSummary.zaikanUser,
        comments: bizSummary.commentCount,
      })
      .from(bizSummary)
      .where(and(eq(bizSummary.accountId, accountId), between(bizSummary.refDate, from, to))),
    db
      .select({
        date: legacyUserRead.refDate,
        userSource: legacyUserRead.userSource,
        readers: legacyUserRead.intPageReadUser,
        reads: legacyUserRead.intPageReadCount,
        sharers: legacyUserRead.shareUser,
        favourites: legacyUserRead.addToFavUser,
      })
      .from(legacyUserRead)
      .where(and(eq(legacyUserRead.accountId, accountId), between(legacyUserRead.refDate, from, to)))
      .orderBy(asc(legacyUserRead.refDate)),
    followers(database, { accountId, from, to }),
  ]);
  const netFollowersOn = new Map(follower.days.map((d) => [d.date, d.netUsers]));

  const legacyTotals = new Map<IsoDate, (typeof legacyRows)[number]>();
  const legacySources = new Map<IsoDate, ChannelCounts>();
  for (const row of legacyRows) {
    const channel = channelOfUserSource(row.userSource);
    if (channel === null) legacyTotals.set(row.date, row);
    else {
      const counts = legacySources.get(row.date) ?? {};
      addTo(counts, channel, row.readers);
      legacySources.set(row.date, counts);
    }
  }
  const newByDate = new Map(newRows.map((r) => [r.date, r]));

  const articleDay = (date: IsoDate): Omit<DayMetrics, "netFollowers"> => {
    const fresh = newByDate.get(date);
    const legacy = legacyTotals.get(date);
    if (fresh) {
      const { readUserSource, ...figures } = fresh;
      return {
        ...figures,
        generation: "new",
        reads: legacy?.reads ?? null,
        bySource: channelsFromScenes(readUserSource).bySource,
      };
    }
    if (legacy) {
      const { readers, reads, sharers, favourites } = legacy;
      return {
        ...emptyDay(date),
        generation: "legacy",
        readers,
        reads,
        sharers,
        favourites,
        bySource: legacySources.get(date) ?? {},
      };
    }
    return emptyDay(date);
  };
  const days = eachDay(from, to).map(
    (date): DayMetrics => ({
      ...articleDay(date),
      netFollowers: netFollowersOn.get(date) ?? null,
    }),
  );

  return {
    days,
    totals: totalsOf(days),
    generations: (["legacy", "new"] as const).filter((g) => days.some((d) => d.generation === g)),
  };
}

function totalsOf(days: DayMetrics[]): Totals {
  const totals: Totals = {
    netFollowers: null,
    readers: null,
    reads: null,
    sharers: null,
    favourites: null,
    likes: null,
    zaikan: null,
    comments: null,
    bySource: {},
  };
  for (const day of days) {
    for (const metric of DAY_METRICS) {
      const value = day[metric];
      if (value !== null) totals[metric] = (totals[metric] ?? 0) + value;
    }
    for (const [channel, value] of Object.entries(day.bySource))
      addTo(totals.bySource, channel as keyof ChannelCounts, value);
  }
  return totals;
}
