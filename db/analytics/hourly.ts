import "server-only";

import { and, between, eq, sql } from "drizzle-orm";

import type { Database } from "@/db/client";
import { legacyUserReadHour } from "@/db/schema";
import { addTo, type ChannelCounts, channelOfUserSource } from "@/lib/analytics/channels";
import { round1 } from "@/lib/analytics/metrics";
import { type IsoDate, weekdayIso } from "@/lib/dates";

import type { RangeParams } from "./overview";

export interface HourlyReadsHour {
  hour: number;
  /** Averages per day with data, 1 decimal. */
  readers: ChannelCounts;
  reads: ChannelCounts;
  /** From the all-sources (99999999) rows. */
  totalReaders: number;
  totalReads: number;
}

export interface HeatmapCell {
  /** ISO weekday of the Beijing date: Monday = 1 ... Sunday = 7. */
  weekday: number;
  hour: number;
  /** Average reads (int_page_read_count, all sources) over the days of that weekday with data, 1 decimal. */
  reads: number;
}

export interface HourlyReads {
  /** Days in the range with hourly data (averages divide by this). */
  daysWithData: number;
  /** The latest day with hourly data for the account, whatever the range (the legacy interfaces are retired). */
  lastDateWithData: IsoDate | null;
  /** 24 entries. */
  hours: HourlyReadsHour[];
  /** 24 cells for each weekday that has data in the range. */
  heatmap: HeatmapCell[];
}

const HOURS = Array.from({ length: 24 }, (_, h) => h);

/** Legacy getuserreadhour rows (none from the new generation, which has no hourly figures). */
export async function hourlyReads({ db }: Database, { accountId, from, to }: RangeParams): Promise<HourlyReads> {
  const t = legacyUserReadHour;
  const inRange = and(eq(t.accountId, accountId), between(t.refDate, from, to));
  const isodow = sql<number>`extract(isodow from ${t.refDate})::int`;
  const [sums, dates, [last]] = await Promise.all([
    db
      .select({
        weekday: isodow.as("weekday"),
        hour: t.hour,
        userSource: t.userSource,
        readers: sql<number>`sum(${t.intPageReadUser})`.mapWith(Number),
        reads: sql<number>`sum(${t.intPageReadCount})`.mapWith(Number),
      })
      .from(t)
      .where(inRange)
      .groupBy(isodow, t.hour, t.userSource),
    db.selectDistinct({ date: t.refDate }).from(t).where(inRange),
    db
      .select({ date: sql<string | null>`max(${t.refDate})::text` })
      .from(t)
      .where(eq(t.accountId, accountId)),
  ]);

  const daysWithData = dates.length;
  const daysByWeekday = new Map<number, number>();
  for (const { date } of dates) {
    const weekday = weekdayIso(date) + 1;
    daysByWeekday.set(weekday, (daysByWeekday.get(weekday) ?? 0) + 1);
  }

  const hours = HOURS.map((hour) => ({
    hour,
    readers: {} as ChannelCounts,
    reads: {} as ChannelCounts,
    totalReaders: 0,
    totalReads: 0,
  }));
  const heatSums = new Map<string, number>();
  for (const row of sums) {
    const entry = hours[row.hour];
    if (!entry) continue;
    const channel = channelOfUserSource(row.userSource);
    if (channel === null) {
      entry.totalReaders += row.readers;
      entry.totalReads += row.reads;
      const key = `${row.weekday}:${row.hour}`;
      heatSums.set(key, (heatSums.get(key) ?? 0) + row.reads);
    } else {
      addTo(entry.readers, channel, row.readers);
      addTo(entry.reads, channel, row.reads);
    }
  }

  const average = (sum: number, days: number) => (days > 0 ? round1(sum / days) : 0);
  const averageAll = (counts: ChannelCounts) =>
    Object.fromEntries(
      Object.entries(counts).map(([channel, sum]) => [channel, average(sum, daysWithData)]),
    ) as ChannelCounts;
  for (const entry of hours) {
    entry.readers = averageAll(entry.readers);
    entry.reads = averageAll(entry.reads);
    entry.totalReaders = average(entry.totalReaders, daysWithData);
    entry.totalReads = average(entry.totalReads, daysWithData);
  }

  const heatmap = [...daysByWeekday.keys()]
    .sort((a, b) => a - b)
    .flatMap((weekday) =>
      HOURS.map((hour) => ({
        weekday,
        hour,
        reads: average(heatSums.get(`${weekday}:${hour}`) ?? 0, daysByWeekday.get(weekday) ?? 0),
      })),
    );

  return { daysWithData, lastDateWithData: last?.date ?? null, hours, heatmap };
}
