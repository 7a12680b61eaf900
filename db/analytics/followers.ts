import "server-only";

import { and, between, eq } from "drizzle-orm";

import type { Database } from "@/db/client";
import { loadLedger } from "@/db/ledger";
import { articleTotalDetail, followerCumulate, followerSummary, legacyArticleTotal } from "@/db/schema";
import { eachDay, type IsoDate, maxDate, minDate } from "@/lib/dates";

interface RangeParams {
  accountId: number;
  from: IsoDate;
  to: IsoDate;
}

export interface FollowerDay {
  date: IsoDate;
  /** Null on a day getusersummary was not fetched for (a fetched day without rows had no changes). */
  newUsers: number | null;
  cancelUsers: number | null;
  netUsers: number | null;
  /** getusercumulate: followers at the end of the day; null when not fetched. */
  totalUsers: number | null;
  /** Articles sent or published that day (either generation). */
  articlesSent: number;
  /** New followers by follow source (user_source code as a string), as WeChat reported them. */
  bySource: Record<string, number>;
}

export interface FollowerTotals {
  newUsers: number | null;
  cancelUsers: number | null;
  netUsers: number | null;
  /** Followers at the end of the last day of the range with a figure. */
  totalUsers: number | null;
  /** Days of the range with getusersummary figures. */
  days: number;
}

export interface Followers {
  days: FollowerDay[];
  totals: FollowerTotals;
  /** New followers per follow source over the range. */
  bySource: Record<string, number>;
}

/** Days of [from, to] that a successful getusersummary answer covers. */
async function summaryDays(db: Database["db"], accountId: number, from: IsoDate, to: IsoDate) {
  const ledger = await loadLedger(db, accountId, { endpoints: ["getusersummary"], from, to });
  const days = new Set<IsoDate>();
  for (const entry of ledger) {
    if (entry.status !== "final" && entry.status !== "provisional") continue;
    for (const d of eachDay(maxDate(entry.beginDate, from), minDate(entry.endDate, to))) days.add(d);
  }
  return days;
}

export async function followers({ db }: Database, { accountId, from, to }: RangeParams): Promise<Followers> {
  const s = followerSummary;
  const c = followerCumulate;
  const [covered, summaryRows, cumulateRows, legacySent, newSent] = await Promise.all([
    summaryDays(db, accountId, from, to),
    db
      .select({ date: s.refDate, source: s.userSource, newUser: s.newUser, cancelUser: s.cancelUser })
      .from(s)
      .where(and(eq(s.accountId, accountId), between(s.refDate, from, to))),
    db
      .select({ date: c.refDate, total: c.cumulateUser })
      .from(c)
      .where(and(eq(c.accountId, accountId), between(c.refDate, from, to))),
    db
      .select({ date: legacyArticleTotal.sendDate, msgid: legacyArticleTotal.msgid })
      .from(legacyArticleTotal)
      .where(and(eq(legacyArticleTotal.accountId, accountId), between(legacyArticleTotal.sendDate, from, to)))
      .groupBy(legacyArticleTotal.sendDate, legacyArticleTotal.msgid),
    db
      .select({ date: articleTotalDetail.publishDate, msgid: articleTotalDetail.msgid })
      .from(articleTotalDetail)
      .where(and(eq(articleTotalDetail.accountId, accountId), between(articleTotalDetail.publishDate, from, to)))
      .groupBy(articleTotalDetail.publishDate, articleTotalDetail.msgid),
  ]);

  const sent = new Map<IsoDate, Set<string>>();
  for (const r of [...legacySent, ...newSent]) {
    const set = sent.get(r.date) ?? new Set<string>();
    set.add(r.msgid);
    sent.set(r.date, set);
  }
  const totalOn = new Map(cumulateRows.map((r) => [r.date, r.total]));
  const byDate = new Map<IsoDate, typeof summaryRows>();
  for (const r of summaryRows) byDate.set(r.date, [...(byDate.get(r.date) ?? []), r]);

  const bySourceAll: Record<string, number> = {};
  const days = eachDay(from, to).map((date): FollowerDay => {
    const rows = byDate.get(date) ?? [];
    const known = covered.has(date) || rows.length > 0;
    const bySource: Record<string, number> = {};
    let newUsers = 0;
    let cancelUsers = 0;
    for (const r of rows) {
      newUsers += r.newUser;
      cancelUsers += r.cancelUser;
      if (r.newUser > 0) {
        bySource[r.source] = (bySource[r.source] ?? 0) + r.newUser;
        bySourceAll[r.source] = (bySourceAll[r.source] ?? 0) + r.newUser;
      }
    }
    return {
      date,
      newUsers: known ? newUsers : null,
      cancelUsers: known ? cancelUsers : null,
      netUsers: known ? newUsers - cancelUsers : null,
      totalUsers: totalOn.get(date) ?? null,
      articlesSent: sent.get(date)?.size ?? 0,
      bySource,
    };
  });
  return { days, totals: followerTotals(days), bySource: bySourceAll };
}

export function followerTotals(days: readonly FollowerDay[]): FollowerTotals {
  const known = days.filter((d) => d.netUsers !== null);
  const sum = (key: "newUsers" | "cancelUsers" | "netUsers") =>
    known.length === 0 ? null : known.reduce((n, d) => n + (d[key] ?? 0), 0);
  const lastTotal = [...days].reverse().find((d) => d.totalUsers !== null)?.totalUsers ?? null;
  return {
    newUsers: sum("newUsers"),
    cancelUsers: sum("cancelUsers"),
    netUsers: sum("netUsers"),
    totalUsers: lastTotal,
    days: known.length,
  };
}
