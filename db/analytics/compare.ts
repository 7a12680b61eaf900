import "server-only";

import type { Database } from "@/db/client";
import { rate } from "@/lib/analytics/metrics";
import type { IsoDate } from "@/lib/dates";

import { type ArticleKey, articleKey, type CurvePoint, loadArticleCurves } from "./article-rows";

export interface ComparedArticle {
  accountId: number;
  msgid: string;
  title: string;
  sendDate: IsoDate;
  position: number | null;
  delivered: number | null;
  curve: CurvePoint[];
  /** The last point of the curve; the new-generation-only figures are null for a legacy-only article. */
  latest: {
    readers: number | null;
    sharers: number | null;
    favourites: number | null;
    /** WeChat's 送达阅读率 (read_delivery_rate); null for a legacy-only article. */
    readDeliveryRate: number | null;
    readRate: number | null;
    shareRate: number | null;
    likes: number | null;
    zaikan: number | null;
    comments: number | null;
    finishRate: number | null;
    avgActiveMinutes: number | null;
  };
}

/** The given articles in the given order; articles the database does not have are left out. */
export async function compareArticles({ db }: Database, items: ArticleKey[]): Promise<ComparedArticle[]> {
  const found = await loadArticleCurves(db, items);
  return items.flatMap((item) => {
    const article = found.get(articleKey(item));
    if (!article) return [];
    const { accountId, msgid, title, sendDate, position, delivered, curve } = article;
    const last = curve.at(-1);
    const lastNew = article.new?.at(-1);
    const readers = last?.readers ?? null;
    return [
      {
        accountId,
        msgid,
        title,
        sendDate,
        position,
        delivered,
        curve,
        latest: {
          readers,
          sharers: last?.sharers ?? null,
          favourites: last?.favourites ?? null,
          readDeliveryRate: lastNew?.deliveryRate ?? null,
          readRate: rate(readers, delivered),
          shareRate: rate(last?.sharers, readers),
          likes: lastNew?.likes ?? null,
          zaikan: lastNew?.zaikan ?? null,
          comments: lastNew?.comments ?? null,
          finishRate: lastNew?.finishRate ?? null,
          avgActiveMinutes: lastNew?.avgActiveMinutes ?? null,
        },
      },
    ];
  });
}
