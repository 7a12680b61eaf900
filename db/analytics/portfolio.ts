import "server-only";

import { and, between, eq, gte, inArray, lte, sql, sum } from "drizzle-orm";

import type { Database } from "@/db/client";
import {
  articleTotalDetail,
  bizSummary,
  endpointState,
  fetchLedger,
  followerSummary,
  legacyUserRead,
} from "@/db/schema";
import { TOTAL_USER_SOURCE } from "@/lib/analytics/channels";
import { addDaysIso, type IsoDate } from "@/lib/dates";

/** One account's day in the portfolio: readers (new generation wins over legacy) and net followers. */
export interface PortfolioDay {
  accountId: number;
  date: IsoDate;
  readers: number | null;
  /** getusersummary gained minus lost; null on a day not fetched (a fetched day without rows is 0). */
  netFollowers: number | null;
}

export interface PortfolioDaysParams {
  accountIds: number[];
  from: IsoDate;
  to: IsoDate;
}

const key = (accountId: number, date: string) => `${accountId}|${date}`;

/**
 * Every listed account's days in [from, to], set-based: one query per figure family (daily
 * readers of each generation, follower changes, getusersummary coverage), whatever the number of
 * accounts. Days without any figure are left out.
 */
export async function portfolioDays(
  { db }: Database,
  { accountIds, from, to }: PortfolioDaysParams,
): Promise<PortfolioDay[]> {
  if (accountIds.length === 0) return [];
  const f = followerSummary;
  const [fresh, legacy, followers, covered] = await Promise.all([
    db
      .select({ accountId: bizSummary.accountId, date: bizSummary.refDate, readers: bizSummary.readUser })
      .from(bizSummary)
      .where(and(inArray(bizSummary.accountId, accountIds), between(bizSummary.refDate, from, to))),
    db
      .select({
        accountId: legacyUserRead.accountId,
        date: legacyUserRead.refDate,
        readers: legacyUserRead.intPageReadUser,
      })
      .from(legacyUserRead)
      .where(
        and(
          inArray(legacyUserRead.accountId, accountIds),
          between(legacyUserRead.refDate, from, to),
          eq(legacyUserRead.userSource, TOTAL_USER_SOURCE),
        ),
      ),
    db
      .select({
        accountId: f.accountId,
        date: f.refDate,
        net: sum(sql`${f.newUser} - ${f.cancelUser}`).mapWith(Number),
      })
      .from(f)
      .where(and(inArray(f.accountId, accountIds), between(f.refDate, from, to)))
      .groupBy(f.accountId, f.refDate),
    db
      .select({ accountId: fetchLedger.accountId, beginDate: fetchLedger.beginDate, endDate: fetchLedger.endDate })
      .from(fetchLedger)
      .where(
        and(
          inArray(fetchLedger.accountId, accountIds),
          eq(fetchLedger.endpoint, "getusersummary"),
          inArray(fetchLedger.status, ["final", "provisional"]),
          lte(fetchLedger.beginDate, to),
          gte(fetchLedger.endDate, from),
        ),
      ),
  ]);

  const days = new Map<string, PortfolioDay>();
  const dayOf = (accountId: number, date: IsoDate) => {
    const k = key(accountId, date);
    let d = days.get(k);
    if (!d) days.set(k, (d = { accountId, date, readers: null, netFollowers: null }));
    return d;
  };
  for (const r of legacy) dayOf(r.accountId, r.date).readers = r.readers;
  for (const r of fresh) dayOf(r.accountId, r.date).readers = r.readers;
  // A day getusersummary answered without rows had no follower changes: 0, not missing.
  for (const w of covered)
    for (let d = w.beginDate > from ? w.beginDate : from; d <= w.endDate && d <= to; d = addDaysIso(d, 1))
      dayOf(w.accountId, d).netFollowers ??= 0;
  for (const r of followers) dayOf(r.accountId, r.date).netFollowers = r.net;
  return [...days.values()];
}

/** Interface states of every listed account (retired, out of quota, suspended): one query. */
export function listEndpointStates({ db }: Database, accountIds: number[]) {
  if (accountIds.length === 0) return Promise.resolve([]);
  return db.select().from(endpointState).where(inArray(endpointState.accountId, accountIds));
}

/** The articles every listed account published on `date`, with that day's 送达阅读率 and readers by scene: one query. */
export function listDayRates({ db }: Database, accountIds: number[], date: IsoDate) {
  if (accountIds.length === 0) return Promise.resolve([]);
  const d = articleTotalDetail;
  return db
    .select({
      accountId: d.accountId,
      msgid: d.msgid,
      publishType: d.publishType,
      readDeliveryRate: d.readDeliveryRate,
      readUserSource: d.readUserSource,
    })
    .from(d)
    .where(and(inArray(d.accountId, accountIds), eq(d.publishDate, date), eq(d.statDate, date)));
}
