import "server-only";

import { and, between, inArray, sql } from "drizzle-orm";

import type { Database } from "@/db/client";
import { articleTotalDetail, legacyArticleTotal } from "@/db/schema";
import { positionOf } from "@/lib/analytics/metrics";
import { daysBetween, type IsoDate } from "@/lib/dates";

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
 * (7 days), as on the article pages. Two queries, whatever the number of accounts. With `days`,
 * only the points of those ages (days since sending) are read: what a ranking at one age needs.
 */
export async function agedCurves(
  { db }: Database,
  accountIds: number[],
  from: IsoDate,
  to: IsoDate,
  only: { days?: number[] } = {},
): Promise<AgedCurve[]> {
  if (accountIds.length === 0 || from > to) return [];
  const l = legacyArticleTotal;
  const n = articleTotalDetail;
  const ages = only.days;
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
          ages ? inArray(sql`${l.statDate} - ${l.sendDate}`, ages) : undefined,
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
          ages ? inArray(sql`${n.statDate} - ${n.publishDate}`, ages) : undefined,
        ),
      ),
  ]);
  const out = new Map<string, AgedCurve>();
  const add = (rows: typeof legacyRows, replace: boolean) => {
    const seen = new Set<string>();
    for (const r of rows) {
      const key = articleKey(r);
      const day = daysBetween(r.sendDate, r.statDate);
      if (day < 0) continue;
      let curve = out.get(key);
      if (!curve || (replace && !seen.has(key))) {
        curve = {
          accountId: r.accountId,
          msgid: r.msgid,
          sendDate: r.sendDate,
          position: positionOf(r.msgid),
          points: [],
        };
        out.set(key, curve);
      }
      seen.add(key);
      curve.points.push({ day, readers: r.readers, sharers: r.sharers, favourites: r.favourites });
    }
  };
  add(legacyRows, false);
  // The new generation's curve replaces the legacy one of the same article.
  add(newRows, true);
  for (const curve of out.values()) curve.points.sort((a, b) => a.day - b.day);
  return [...out.values()];
}
