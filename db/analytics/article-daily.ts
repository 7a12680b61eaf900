import "server-only";

import { and, asc, eq } from "drizzle-orm";

import type { Database } from "@/db/client";
import { articleRead, articleShare, legacyArticleDaily } from "@/db/schema";
import type { IsoDate } from "@/lib/dates";

/** One day of one article: that day's readers and sharers (not cumulative). */
export interface ArticleDay {
  date: IsoDate;
  readers: number;
  sharers: number;
}

/**
 * Every day an article was read, however long after sending: the long tail beyond the 7- or
 * 30-day curve. getarticleread/getarticleshare for the days they have, getarticlesummary for
 * the days before them.
 */
export async function articleDailyReads({ db }: Database, accountId: number, msgid: string): Promise<ArticleDay[]> {
  const [read, shared, legacy] = await Promise.all([
    db
      .select({ date: articleRead.refDate, readers: articleRead.readUser })
      .from(articleRead)
      .where(and(eq(articleRead.accountId, accountId), eq(articleRead.msgid, msgid))),
    db
      .select({ date: articleShare.refDate, sharers: articleShare.shareUser })
      .from(articleShare)
      .where(and(eq(articleShare.accountId, accountId), eq(articleShare.msgid, msgid))),
    db
      .select({
        date: legacyArticleDaily.refDate,
        readers: legacyArticleDaily.intPageReadUser,
        sharers: legacyArticleDaily.shareUser,
      })
      .from(legacyArticleDaily)
      .where(and(eq(legacyArticleDaily.accountId, accountId), eq(legacyArticleDaily.msgid, msgid)))
      .orderBy(asc(legacyArticleDaily.refDate)),
  ]);
  const sharers = new Map(shared.map((s) => [s.date, s.sharers]));
  const days = new Map<IsoDate, ArticleDay>(legacy.map((d) => [d.date, d]));
  // The new generation wins on days both have.
  for (const r of read) days.set(r.date, { date: r.date, readers: r.readers, sharers: sharers.get(r.date) ?? 0 });
  return [...days.values()].sort((a, b) => a.date.localeCompare(b.date));
}
