import "server-only";

import type { Database } from "@/db/client";

import { type ArticleCurves, type ArticleKey, loadArticleCurves } from "./article-rows";

export type ArticleDetail = ArticleCurves;

/** One article's cumulative curves from both generations; null when neither has it. */
export async function articleDetail({ db }: Database, key: ArticleKey): Promise<ArticleDetail | null> {
  const found = await loadArticleCurves(db, [key]);
  return found.values().next().value ?? null;
}
