import "server-only";

import { and, between, inArray, type SQL, sql } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";

import type { Database } from "@/db/client";
import { articleTotalDetail, legacyArticleTotal } from "@/db/schema";
import { positionOf } from "@/lib/analytics/metrics";
import { addDaysIso, daysBetween, type IsoDate } from "@/lib/dates";

import { articleKey } from "./article-rows";

/** An article's cumulative figures by day since sending (the shape lib/analytics/percentiles.ts ranks). */
export interface AgedCurve {
  accountId: number;
  msgid: string;
  sendDate: IsoDate;
  position: number | null;
  /** Ordered by day; a day may be missing. */
  points: { day: number; readers: number; sharers: number; favourites: number }[];
}

/**
 * Readers, sharers and favourites by day since sending of every article the accounts sent in
 * [from, to]: the new generation's curve when it has the article (30 days), else the legacy one
 * (7 days), as on the article pages. Two queries, whatever the number of accounts. With `at`, only
 * the points rankings need are read: of the articles an account sent in [from, to] of an entry, the
 * point at exactly its `day` (a hundred accounts' 90 days of curves are large).
 */
export async function agedCurves(
  { db }: Database,
  accountIds: number[],
  from: IsoDate,
  to: IsoDate,
  only: { at?: AgesWanted[] } = {},
): Promise<AgedCurve[]> {
  if (accountIds.length === 0 || from > to) return [];
  const l = legacyArticleTotal;
  const n = articleTotalDetail;
  const wanted = (account: PgColumn, sent: PgColumn, stat: PgColumn) =>
    only.at ? pointsWanted(only.at, account, sent, stat) : undefined;
  const [legacyRows, newRows] = await Promise.all([
    db
      .select({
        accountId: l.accountId,
        msgid: l.msgid,
        sendDate: l.sendDate,
        statDate: l.statDate,
        readers: l.intPageReadUser,
        sharers: l.shareUser,
        favourites: l.addToFavUser,
      })
      .from(l)
      .where(
        and(
          inArray(l.accountId, accountIds),
          between(l.sendDate, from, to),
          wanted(l.accountId, l.sendDate, l.statDate),
          // The new generation's curve is the article's when it has one (even without this day).
          sql`not exists (select 1 from ${n} where ${n.accountId} = ${l.accountId} and ${n.msgid} = ${l.msgid})`,
        ),
      ),
    db
      .select({
        accountId: n.accountId,
        msgid: n.msgid,
        sendDate: n.publishDate,
        statDate: n.statDate,
        readers: n.readUser,
        sharers: n.shareUser,
        favourites: n.collectionUser,
      })
      .from(n)
      .where(
        and(
          inArray(n.accountId, accountIds),
          between(n.publishDate, from, to),
          wanted(n.accountId, n.publishDate, n.statDate),
        ),
      ),
  ]);
  const out = new Map<string, AgedCurve>();
  for (const r of [...legacyRows, ...newRows]) {
    const key = articleKey(r);
    const day = daysBetween(r.sendDate, r.statDate);
    if (day < 0) continue;
    let curve = out.get(key);
    if (!curve) {
      curve = {
        accountId: r.accountId,
        msgid: r.msgid,
        sendDate: r.sendDate,
        position: positionOf(r.msgid),
        points: [],
      };
      out.set(key, curve);
    }
    curve.points.push({ day, readers: r.readers, sharers: r.sharers, favourites: r.favourites });
  }
  for (const curve of out.values()) curve.points.sort((a, b) => a.day - b.day);
  return [...out.values()];
}

/** Of the articles `accountId` sent in [from, to], the point at `day` (days since sending). */
export interface AgesWanted {
  accountId: number;
  from: IsoDate;
  to: IsoDate;
  day: number;
}

/** Entries of one account and day whose send dates overlap or touch become one (a year's list: a few). */
export function mergeAgesWanted(at: readonly AgesWanted[]): AgesWanted[] {
  const sorted = [...at].sort((a, b) => a.accountId - b.accountId || a.day - b.day || a.from.localeCompare(b.from));
  const out: AgesWanted[] = [];
  for (const entry of sorted) {
    const last = out.at(-1);
    if (last && last.accountId === entry.accountId && last.day === entry.day && entry.from <= addDaysIso(last.to, 1)) {
      if (entry.to > last.to) last.to = entry.to;
    } else out.push({ ...entry });
  }
  return out;
}

/** One parameter whatever the number of entries (json_to_recordset), so the statement stays small. */
function pointsWanted(at: AgesWanted[], account: PgColumn, sent: PgColumn, stat: PgColumn): SQL {
  if (at.length === 0) return sql`false`;
  return sql`exists (select 1 from json_to_recordset(${JSON.stringify(mergeAgesWanted(at))}::json)
    as w("accountId" int, "from" date, "to" date, "day" int)
    where w."accountId" = ${account} and ${stat} - ${sent} = w."day" and ${sent} between w."from" and w."to")`;
}
