import "server-only";

import { and, between, desc, eq } from "drizzle-orm";

import type { Database } from "@/db/client";
import { articleTotalDetail } from "@/db/schema";
import { channelsFromScenes } from "@/lib/analytics/channels";
import { deliveredFromRate, positionOf } from "@/lib/analytics/metrics";
import { type IsoDate, weekdayIso } from "@/lib/dates";

export interface PositionArticle {
  msgid: string;
  sendDate: string;
  position: number | null;
  /** ISO weekday of the send date, Monday = 1 … Sunday = 7. */
  weekday: number;
  readers: number | null;
  /** Readers from the 公众号消息 notification, when delivered is known. */
  notificationReaders: number | null;
  /** Followers the article was delivered to (null: published without notification, or unknown). */
  delivered: number | null;
}

/**
 * Every article the account published in [from, to] (new generation, getarticletotaldetail), at its
 * latest stat day: position in its send, Beijing weekday of the publish date, readers, and the two
 * sides of 送达阅读率 (readers from the notification, delivered). One query for the range.
 */
export async function positionArticles(
  { db }: Database,
  { accountId, from, to }: { accountId: number; from: IsoDate; to: IsoDate },
): Promise<PositionArticle[]> {
  const t = articleTotalDetail;
  const rows = await db
    .selectDistinctOn([t.msgid], {
      msgid: t.msgid,
      publishDate: t.publishDate,
      readers: t.readUser,
      readUserSource: t.readUserSource,
      readDeliveryRate: t.readDeliveryRate,
    })
    .from(t)
    .where(and(eq(t.accountId, accountId), between(t.publishDate, from, to)))
    .orderBy(t.msgid, desc(t.statDate));
  return rows.map((r) => {
    const notificationReaders = channelsFromScenes(r.readUserSource).bySource.session ?? 0;
    const delivered = deliveredFromRate(notificationReaders, r.readDeliveryRate);
    return {
      msgid: r.msgid,
      sendDate: r.publishDate,
      position: positionOf(r.msgid),
      weekday: weekdayIso(r.publishDate) + 1,
      readers: r.readers,
      // Only articles whose delivered count is known count towards 送达阅读率 (a silent publish has none).
      notificationReaders: delivered === null ? null : notificationReaders,
      delivered,
    };
  });
}
