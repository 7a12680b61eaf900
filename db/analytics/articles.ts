import "server-only";

import { and, between, eq, inArray, max } from "drizzle-orm";

import type { Database } from "@/db/client";
import { loadLedger } from "@/db/ledger";
import { articleTotalDetail, legacyArticleTotal } from "@/db/schema";
import { channelsFromScenes } from "@/lib/analytics/channels";
import { deliveredFromRate, positionOf, rate } from "@/lib/analytics/metrics";
import { eachDay, type IsoDate, maxDate, minDate } from "@/lib/dates";

import { articleKey } from "./article-rows";

export interface ArticleRow {
  accountId: number;
  msgid: string;
  title: string;
  sendDate: IsoDate;
  position: number | null;
  generation: "legacy" | "new" | "both";
  /** Legacy target_user; else derived from the new generation's read_delivery_rate; null for a publish without notification. */
  delivered: number | null;
  readers: number | null;
  sharers: number | null;
  favourites: number | null;
  /** WeChat's 送达阅读率 (read_delivery_rate of the latest stat row); null for the legacy generation. */
  readDeliveryRate: number | null;
  /** readers / delivered */
  readRate: number | null;
  /** sharers / readers */
  shareRate: number | null;
  /** The stat date of the figures shown. */
  lastStatDate: IsoDate;
}

export interface ArticlesParams {
  accountIds: number[];
  from: IsoDate;
  to: IsoDate;
}

/** Every article sent (published) in [from, to] by the accounts, with its latest cumulative figures. */
export async function articles({ db }: Database, { accountIds, from, to }: ArticlesParams): Promise<ArticleRow[]> {
  if (accountIds.length === 0) return [];
  const l = legacyArticleTotal;
  const n = articleTotalDetail;
  // Each article's latest stat date from the narrow index, then that one row: never the wide
  // rows of every day sorted (a year of articles is 30 000 of them).
  const latestLegacy = db
    .select({ accountId: l.accountId, msgid: l.msgid, statDate: max(l.statDate).as("latest_stat_date") })
    .from(l)
    .where(and(inArray(l.accountId, accountIds), between(l.sendDate, from, to)))
    .groupBy(l.accountId, l.msgid)
    .as("latest_legacy");
  const latestNew = db
    .select({ accountId: n.accountId, msgid: n.msgid, statDate: max(n.statDate).as("latest_stat_date") })
    .from(n)
    .where(and(inArray(n.accountId, accountIds), between(n.publishDate, from, to)))
    .groupBy(n.accountId, n.msgid)
    .as("latest_new");
  const [legacyRows, newRows] = await Promise.all([
    db
      .select({
        accountId: l.accountId,
        msgid: l.msgid,
        sendDate: l.sendDate,
        title: l.title,
        statDate: l.statDate,
        delivered: l.targetUser,
        readers: l.intPageReadUser,
        sharers: l.shareUser,
        favourites: l.addToFavUser,
      })
      .from(l)
      .innerJoin(
        latestLegacy,
        and(
          eq(l.accountId, latestLegacy.accountId),
          eq(l.msgid, latestLegacy.msgid),
          eq(l.statDate, latestLegacy.statDate),
        ),
      ),
    db
      .select({
        accountId: n.accountId,
        msgid: n.msgid,
        sendDate: n.publishDate,
        title: n.title,
        statDate: n.statDate,
        readUserSource: n.readUserSource,
        deliveryRate: n.readDeliveryRate,
        readers: n.readUser,
        sharers: n.shareUser,
        favourites: n.collectionUser,
      })
      .from(n)
      .innerJoin(
        latestNew,
        and(eq(n.accountId, latestNew.accountId), eq(n.msgid, latestNew.msgid), eq(n.statDate, latestNew.statDate)),
      ),
  ]);

  const byKey = new Map<string, ArticleRow>();
  for (const r of legacyRows) {
    byKey.set(articleKey(r), {
      accountId: r.accountId,
      msgid: r.msgid,
      title: r.title ?? "",
      sendDate: r.sendDate,
      position: positionOf(r.msgid),
      generation: "legacy",
      delivered: r.delivered,
      readers: r.readers,
      sharers: r.sharers,
      favourites: r.favourites,
      readDeliveryRate: null,
      readRate: null,
      shareRate: null,
      lastStatDate: r.statDate,
    });
  }
  // Both generations have the article: the new one's figures win, its curve runs 30 days
  // against 7; legacy target_user stays the delivered count (the new one only gives a rate).
  for (const r of newRows) {
    const id = articleKey(r);
    const legacy = byKey.get(id);
    byKey.set(id, {
      accountId: r.accountId,
      msgid: r.msgid,
      title: r.title || legacy?.title || "",
      sendDate: r.sendDate,
      position: positionOf(r.msgid),
      generation: legacy ? "both" : "new",
      delivered:
        legacy?.delivered ?? deliveredFromRate(channelsFromScenes(r.readUserSource).bySource.session, r.deliveryRate),
      readers: r.readers,
      sharers: r.sharers,
      favourites: r.favourites,
      readDeliveryRate: r.deliveryRate,
      readRate: null,
      shareRate: null,
      lastStatDate: r.statDate,
    });
  }

  const out = [...byKey.values()].map((a) => ({
    ...a,
    readRate: rate(a.readers, a.delivered),
    shareRate: rate(a.sharers, a.readers),
  }));
  return out.sort(
    (a, b) =>
      b.sendDate.localeCompare(a.sendDate) ||
      (a.position ?? Infinity) - (b.position ?? Infinity) ||
      a.accountId - b.accountId ||
      a.msgid.localeCompare(b.msgid),
  );
}

/**
 * The days of [from, to] on which every one of the accounts had its sent articles fetched
 * (getarticletotal or getarticletotaldetail answered for that send date): a day without an
 * article then means nothing was sent, not that nothing is known.
 */
export async function articleSendDaysKnown(
  { db }: Database,
  { accountIds, from, to }: ArticlesParams,
): Promise<Set<IsoDate>> {
  const perAccount = await Promise.all(
    accountIds.map(async (accountId) => {
      const ledger = await loadLedger(db, accountId, {
        endpoints: ["getarticletotal", "getarticletotaldetail"],
        from,
        to,
      });
      const days = new Set<IsoDate>();
      for (const entry of ledger) {
        if (entry.status !== "final" && entry.status !== "provisional") continue;
        for (const d of eachDay(maxDate(entry.beginDate, from), minDate(entry.endDate, to))) days.add(d);
      }
      return days;
    }),
  );
  const [first, ...rest] = perAccount;
  return new Set([...(first ?? [])].filter((d) => rest.every((days) => days.has(d))));
}
