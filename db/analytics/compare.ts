import "server-only";

import type { Database } from "@/db/client";
import { rate } from "@/lib/analytics/metrics";
import type { IsoDate } from "@/lib/dates";

import { type ArticleKey, articleKey, type CurvePoint, loadArticleCurves } from "./article-rows";

export interface ComparedFigures {
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
}

export interface ComparedArticle {
  accountId: number;
  msgid: string;
  title: string;
  sendDate: IsoDate;
  position: number | null;
  delivered: number | null;
  /** Sent with a notification; false: published without one (nothing delivered, no per-1,000 figures). */
  notified: boolean;
  curve: CurvePoint[];
  /** The figures at each day since sending the curve has (the table compares articles at one such day). */
  byDay: { day: number; figures: ComparedFigures }[];
  /** The last point of the curve; the new-generation-only figures are null for a legacy-only article. */
  latest: ComparedFigures;
}

const NO_FIGURES: ComparedFigures = {
  readers: null,
  sharers: null,
  favourites: null,
  readDeliveryRate: null,
  readRate: null,
  shareRate: null,
  likes: null,
  zaikan: null,
  comments: null,
  finishRate: null,
  avgActiveMinutes: null,
};

/** The given articles in the given order; articles the database does not have are left out. */
export async function compareArticles({ db }: Database, items: ArticleKey[]): Promise<ComparedArticle[]> {
  const found = await loadArticleCurves(db, items);
  return items.flatMap((item) => {
    const article = found.get(articleKey(item));
    if (!article) return [];
    const { accountId, msgid, title, sendDate, position, delivered, notified, curve } = article;
    const byDay = curve.map((point) => {
      const fresh = article.new?.find((p) => p.day === point.day);
      const figures: ComparedFigures = {
        readers: point.readers,
        sharers: point.sharers,
        favourites: point.favourites,
        readDeliveryRate: fresh?.deliveryRate ?? null,
        readRate: rate(point.readers, delivered),
        shareRate: rate(point.sharers, point.readers),
        likes: fresh?.likes ?? null,
        zaikan: fresh?.zaikan ?? null,
        comments: fresh?.comments ?? null,
        finishRate: fresh?.finishRate ?? null,
        avgActiveMinutes: fresh?.avgActiveMinutes ?? null,
      };
      return { day: point.day, figures };
    });
    const latest = byDay.at(-1)?.figures ?? NO_FIGURES;
    return [{ accountId, msgid, title, sendDate, position, delivered, notified, curve, byDay, latest }];
  });
}
