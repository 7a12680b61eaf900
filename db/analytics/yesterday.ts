import "server-only";

import { and, eq, inArray } from "drizzle-orm";

import type { Database } from "@/db/client";
import { loadLedger } from "@/db/ledger";
import { articleRead, articleShare, articleTotalDetail, legacyArticleDaily, legacyArticleTotal } from "@/db/schema";
import { positionOf } from "@/lib/analytics/metrics";
import type { IsoDate } from "@/lib/dates";

/** One article sent on the day, with its figures at the end of that day (WeChat's own rates). */
export interface SentArticle {
  msgid: string;
  title: string | null;
  position: number | null;
  publishType: number | null;
  readers: number;
  /** getarticletotaldetail read_delivery_rate (送达阅读率); null for the legacy generation. */
  deliveryReadRate: number | null;
  sharers: number;
  finishRate: number | null;
  likes: number | null;
}

/** One article read on the day, of any age: that day's readers and sharers (not cumulative). */
export interface ReadArticle {
  msgid: string;
  title: string | null;
  /** Send date when Readout knows the article (its curve is stored), else null. */
  sendDate: IsoDate | null;
  position: number | null;
  readers: number;
  sharers: number;
}

export interface DayArticles {
  sent: SentArticle[];
  read: ReadArticle[];
  /** Which interfaces the read list comes from. */
  readFrom: "getarticleread" | "getarticlesummary" | null;
}

const byReaders = <T extends { readers: number; msgid: string }>(a: T, b: T) =>
  b.readers - a.readers || a.msgid.localeCompare(b.msgid);

/** The articles sent on `date`, and every article read on it (getarticleread, else getarticlesummary). */
export async function dayArticles({ db }: Database, accountId: number, date: IsoDate): Promise<DayArticles> {
  const d = articleTotalDetail;
  const [newSent, legacySent, newRead, newShared, legacyRead] = await Promise.all([
    db
      .select()
      .from(d)
      .where(and(eq(d.accountId, accountId), eq(d.publishDate, date), eq(d.statDate, date))),
    db
      .select()
      .from(legacyArticleTotal)
      .where(
        and(
          eq(legacyArticleTotal.accountId, accountId),
          eq(legacyArticleTotal.sendDate, date),
          eq(legacyArticleTotal.statDate, date),
        ),
      ),
    db
      .select({ msgid: articleRead.msgid, readers: articleRead.readUser, extra: articleRead.extra })
      .from(articleRead)
      .where(and(eq(articleRead.accountId, accountId), eq(articleRead.refDate, date))),
    db
      .select({ msgid: articleShare.msgid, sharers: articleShare.shareUser })
      .from(articleShare)
      .where(and(eq(articleShare.accountId, accountId), eq(articleShare.refDate, date))),
    db
      .select({
        msgid: legacyArticleDaily.msgid,
        title: legacyArticleDaily.title,
        readers: legacyArticleDaily.intPageReadUser,
        sharers: legacyArticleDaily.shareUser,
      })
      .from(legacyArticleDaily)
      .where(and(eq(legacyArticleDaily.accountId, accountId), eq(legacyArticleDaily.refDate, date))),
  ]);

  const sent: SentArticle[] = newSent.map((r) => ({
    msgid: r.msgid,
    title: r.title,
    position: positionOf(r.msgid),
    publishType: r.publishType,
    readers: r.readUser,
    deliveryReadRate: r.readDeliveryRate,
    sharers: r.shareUser,
    finishRate: r.readFinishRate,
    likes: r.likeUser,
  }));
  const seen = new Set(sent.map((s) => s.msgid));
  for (const r of legacySent)
    if (!seen.has(r.msgid))
      sent.push({
        msgid: r.msgid,
        title: r.title,
        position: positionOf(r.msgid),
        publishType: 0,
        readers: r.intPageReadUser,
        deliveryReadRate: null,
        sharers: r.shareUser,
        finishRate: null,
        likes: null,
      });

  let read: ReadArticle[];
  let readFrom: DayArticles["readFrom"] = null;
  if (newRead.length > 0) {
    readFrom = "getarticleread";
    const shares = new Map(newShared.map((s) => [s.msgid, s.sharers]));
    read = newRead.map((r) => ({
      msgid: r.msgid,
      title: "",
      sendDate: null,
      position: positionOf(r.msgid),
      readers: r.readers,
      sharers: shares.get(r.msgid) ?? 0,
    }));
  } else {
    readFrom = legacyRead.length > 0 ? "getarticlesummary" : null;
    read = legacyRead.map((r) => ({ ...r, sendDate: null, position: positionOf(r.msgid) }));
  }
  await addSendDates(db, accountId, read);
  return { sent: sent.sort(byReaders), read: read.sort(byReaders), readFrom };
}

/** Titles and send dates of the read articles from their stored curves (getarticleread omits old titles). */
async function addSendDates(db: Database["db"], accountId: number, read: ReadArticle[]) {
  const msgids = read.map((r) => r.msgid);
  if (msgids.length === 0) return;
  const [fresh, legacy] = await Promise.all([
    db
      .selectDistinct({
        msgid: articleTotalDetail.msgid,
        title: articleTotalDetail.title,
        date: articleTotalDetail.publishDate,
      })
      .from(articleTotalDetail)
      .where(and(eq(articleTotalDetail.accountId, accountId), inArray(articleTotalDetail.msgid, msgids))),
    db
      .selectDistinct({
        msgid: legacyArticleTotal.msgid,
        title: legacyArticleTotal.title,
        date: legacyArticleTotal.sendDate,
      })
      .from(legacyArticleTotal)
      .where(and(eq(legacyArticleTotal.accountId, accountId), inArray(legacyArticleTotal.msgid, msgids))),
  ]);
  const known = new Map([...legacy, ...fresh].map((r) => [r.msgid, r]));
  for (const r of read) {
    const k = known.get(r.msgid);
    if (!k) continue;
    r.sendDate = k.date;
    if (!r.title) r.title = k.title;
  }
}

/** Whether the day's figures are final: every stored answer for it final, and fetched at all. */
export async function dayIsFinal({ db }: Database, accountId: number, date: IsoDate) {
  const ledger = await loadLedger(db, accountId, {
    endpoints: ["getbizsummary", "getarticleread", "getusersummary"],
    from: date,
    to: date,
  });
  const latest = new Map<string, string>();
  for (const e of ledger) latest.set(e.endpoint, e.status);
  return { fetched: latest.size > 0, final: latest.size > 0 && [...latest.values()].every((s) => s === "final") };
}
