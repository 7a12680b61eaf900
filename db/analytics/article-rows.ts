import "server-only";

import { asc, sql } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";

import type { Db } from "@/db/client";
import { articleTotalDetail, legacyArticleTotal } from "@/db/schema";
import { type ChannelCounts, channelsFromBreakdown, channelsFromScenes } from "@/lib/analytics/channels";
import { deliveredFromRate, positionOf } from "@/lib/analytics/metrics";
import { daysBetween, type IsoDate } from "@/lib/dates";
import { httpUrlOrNull } from "@/lib/wechat/rows";

/** The cumulative curves of articles (getarticletotal, getarticletotaldetail), shared by the detail and compare pages. */

export interface ArticleKey {
  accountId: number;
  msgid: string;
}
export const articleKey = ({ accountId, msgid }: ArticleKey) => `${accountId}:${msgid}`;

export interface LegacyPoint {
  /** Days since sending: 0 = the send date. */
  day: number;
  statDate: IsoDate;
  delivered: number;
  readers: number;
  reads: number;
  sharers: number;
  favourites: number;
  bySource: ChannelCounts;
}

export interface NewPoint {
  day: number;
  statDate: IsoDate;
  readers: number;
  bySource: ChannelCounts;
  sharers: number;
  zaikan: number;
  likes: number;
  comments: number;
  favourites: number;
  finishRate: number | null;
  avgActiveMinutes: number | null;
  deliveryRate: number | null;
  jumpPositions: { position: number; rate: number }[];
}

export interface CurvePoint {
  day: number;
  readers: number;
  sharers: number;
  favourites: number;
  delivered: number | null;
}

export interface ArticleCurves {
  accountId: number;
  msgid: string;
  title: string;
  sendDate: IsoDate;
  position: number | null;
  contentUrl: string | null;
  /** Legacy target_user; else derived from the new generation's read_delivery_rate (see deliveredFromRate). */
  delivered: number | null;
  /**
   * Sent with a notification (群发): true when the legacy interfaces have it (they list only those)
   * or the new ones say publish_type 0; false for publish_type 1 (发表, nothing delivered).
   */
  notified: boolean;
  /** Up to 7 points (getarticletotal); null when the legacy generation does not have the article. */
  legacy: LegacyPoint[] | null;
  /** Up to 30 points (getarticletotaldetail); null when the new generation does not have the article. */
  new: NewPoint[] | null;
  /** The new generation's points when it has the article (the longer curve), else the legacy ones. */
  curve: CurvePoint[];
}

const matchesAny = (accountId: PgColumn, msgid: PgColumn, keys: ArticleKey[]) =>
  sql`(${accountId}, ${msgid}) in (${sql.join(
    keys.map((k) => sql`(${k.accountId}::int, ${k.msgid}::text)`),
    sql`, `,
  )})`;

/** Both generations' stat rows of the given articles, in two queries; unknown articles are absent. */
export async function loadArticleCurves(db: Db, keys: ArticleKey[]): Promise<Map<string, ArticleCurves>> {
  if (keys.length === 0) return new Map();
  const l = legacyArticleTotal;
  const n = articleTotalDetail;
  const [legacyRows, newRows] = await Promise.all([
    db
      .select({
        accountId: l.accountId,
        msgid: l.msgid,
        statDate: l.statDate,
        sendDate: l.sendDate,
        title: l.title,
        url: sql<string | null>`${l.extra}->>'url'`,
        delivered: l.targetUser,
        readers: l.intPageReadUser,
        reads: l.intPageReadCount,
        sharers: l.shareUser,
        favourites: l.addToFavUser,
        breakdown: l.breakdown,
      })
      .from(l)
      .where(matchesAny(l.accountId, l.msgid, keys))
      .orderBy(asc(l.statDate)),
    db
      .select({
        accountId: n.accountId,
        msgid: n.msgid,
        statDate: n.statDate,
        publishDate: n.publishDate,
        publishType: n.publishType,
        title: n.title,
        contentUrl: n.contentUrl,
        readers: n.readUser,
        readUserSource: n.readUserSource,
        sharers: n.shareUser,
        zaikan: n.zaikanUser,
        likes: n.likeUser,
        comments: n.commentCount,
        favourites: n.collectionUser,
        finishRate: n.readFinishRate,
        avgActiveMinutes: n.readAvgActivetime,
        deliveryRate: n.readDeliveryRate,
        jumpPositions: n.readJumpPosition,
      })
      .from(n)
      .where(matchesAny(n.accountId, n.msgid, keys))
      .orderBy(asc(n.statDate)),
  ]);

  const legacyByKey = groupBy(legacyRows);
  const newByKey = groupBy(newRows);
  const out = new Map<string, ArticleCurves>();
  for (const key of keys) {
    const id = articleKey(key);
    if (out.has(id)) continue;
    const legacyOf = legacyByKey.get(id);
    const newOf = newByKey.get(id);
    const sendDate = newOf?.[0]?.publishDate ?? legacyOf?.[0]?.sendDate;
    if (sendDate === undefined) continue;

    const legacy = legacyOf?.map(
      (r): LegacyPoint => ({
        day: daysBetween(sendDate, r.statDate),
        statDate: r.statDate,
        delivered: r.delivered,
        readers: r.readers,
        reads: r.reads,
        sharers: r.sharers,
        favourites: r.favourites,
        bySource: channelsFromBreakdown(r.breakdown),
      }),
    );
    const fresh = newOf?.map(
      (r): NewPoint => ({
        day: daysBetween(sendDate, r.statDate),
        statDate: r.statDate,
        readers: r.readers,
        bySource: channelsFromScenes(r.readUserSource).bySource,
        sharers: r.sharers,
        zaikan: r.zaikan,
        likes: r.likes,
        comments: r.comments,
        favourites: r.favourites,
        finishRate: r.finishRate,
        avgActiveMinutes: r.avgActiveMinutes,
        deliveryRate: r.deliveryRate,
        jumpPositions: jumpPositionsOf(r.jumpPositions),
      }),
    );
    const lastNew = fresh?.at(-1);
    const delivered =
      legacy?.at(-1)?.delivered ?? (lastNew ? deliveredFromRate(lastNew.bySource.session, lastNew.deliveryRate) : null);
    const curve = (fresh ?? legacy ?? []).map(({ day, readers, sharers, favourites }) => ({
      day,
      readers,
      sharers,
      favourites,
      delivered,
    }));

    out.set(id, {
      accountId: key.accountId,
      msgid: key.msgid,
      title: newOf?.find((r) => r.title)?.title ?? legacyOf?.find((r) => r.title)?.title ?? "",
      sendDate,
      position: positionOf(key.msgid),
      contentUrl: httpUrlOrNull(
        newOf?.findLast((r) => r.contentUrl)?.contentUrl ?? legacyOf?.findLast((r) => r.url)?.url,
      ),
      delivered,
      notified: legacyOf !== undefined || newOf?.some((r) => r.publishType === 0) === true,
      legacy: legacy ?? null,
      new: fresh ?? null,
      curve,
    });
  }
  return out;
}

function groupBy<Row extends ArticleKey>(rows: Row[]): Map<string, Row[]> {
  const out = new Map<string, Row[]>();
  for (const row of rows) {
    const id = articleKey(row);
    const list = out.get(id);
    if (list) list.push(row);
    else out.set(id, [row]);
  }
  return out;
}

function jumpPositionsOf(value: unknown): { position: number; rate: number }[] {
  if (!Array.isArray(value)) return [];
  return (value as { position?: unknown; rate?: unknown }[])
    .filter(
      (p): p is { position: number; rate: number } => typeof p?.position === "number" && typeof p.rate === "number",
    )
    .map(({ position, rate }) => ({ position, rate }))
    .sort((a, b) => a.position - b.position);
}
