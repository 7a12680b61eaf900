import "server-only";

import { articleDetail } from "@/db/analytics";
import { AppError } from "@/lib/actions/errors";
import { CHANNEL_LABELS, CHANNELS } from "@/lib/analytics/channels";
import { rate } from "@/lib/analytics/metrics";
import { ENDPOINTS } from "@/lib/wechat/endpoints";

import { articleRefSchema } from "./article-params";
import { defineView, type ExportTable } from "./types";

/** read_jump_position covers the article in fifths. */
export const DROP_OFF_POSITIONS = [1, 2, 3, 4, 5] as const;

/** ?account=3&msgid=12003_1: one article's cumulative curves from both generations, and its headline figures. */
export const articleDetailView = defineView({
  schema: articleRefSchema,
  accounts: (p) => [p.account],
  async load(database, p) {
    const article = await articleDetail(database, { accountId: p.account, msgid: p.msgid });
    if (!article) throw new AppError("not_found", "error.noArticle", { msgid: p.msgid });
    const last = article.curve.at(-1);
    const lastNew = article.new?.at(-1);
    const readers = last?.readers ?? null;
    const sharers = last?.sharers ?? null;
    const headline = {
      /** Days since send of the latest figures (0 = the send date). */
      day: last?.day ?? null,
      statDate: lastNew?.statDate ?? article.legacy?.at(-1)?.statDate ?? null,
      delivered: article.delivered,
      readers,
      readRate: rate(readers, article.delivered),
      sharers,
      shareRate: rate(sharers, readers),
      favourites: last?.favourites ?? null,
      likes: lastNew?.likes ?? null,
      zaikan: lastNew?.zaikan ?? null,
      comments: lastNew?.comments ?? null,
      finishRate: lastNew?.finishRate ?? null,
      avgActiveMinutes: lastNew?.avgActiveMinutes ?? null,
    };
    // Positions WeChat leaves out of the sparse array: nobody left there.
    const dropOff = lastNew
      ? DROP_OFF_POSITIONS.map((position) => ({
          position,
          rate: lastNew.jumpPositions.find((j) => j.position === position)?.rate ?? 0,
        }))
      : null;
    return { article, headline, dropOff, newFirstDate: ENDPOINTS.getarticletotaldetail.firstDate };
  },
  tables(data, _input, label) {
    const { article, headline } = data;
    const tables: ExportTable[] = [
      {
        id: "headline",
        title: "articleDetail.headline",
        columns: [
          { key: "metric", header: "articles.col.metric" },
          { key: "value", header: "articles.col.value" },
        ],
        rows: HEADLINE_METRICS.filter((m) => headline[m] != null).map((m) => ({
          metric: label(`articleDetail.metric.${m}`),
          value: headline[m],
        })),
      },
    ];
    for (const generation of ["new", "legacy"] as const) {
      const points = article[generation];
      if (!points) continue;
      const suffix =
        generation === "new"
          ? { en: " (new interfaces)", zh: "（新版接口）" }
          : { en: " (legacy interfaces)", zh: "（旧版接口）" };
      tables.push({
        id: `sources-${generation}`,
        title: { en: `Readers by source${suffix.en}`, zh: `阅读人数按来源${suffix.zh}` },
        columns: [
          { key: "day", header: "articleDetail.col.day" },
          { key: "statDate", header: "unit.date" },
          { key: "readers", header: "articles.col.readers" },
          ...CHANNELS.map((c) => ({
            key: c,
            header: {
              en: CHANNEL_LABELS[c].en,
              zh: generation === "legacy" ? CHANNEL_LABELS[c].zhLegacy : CHANNEL_LABELS[c].zhNew,
            },
          })),
        ],
        rows: points.map((p) => ({
          day: p.day,
          statDate: p.statDate,
          readers: p.readers,
          ...Object.fromEntries(CHANNELS.map((c) => [c, p.bySource[c] ?? 0])),
        })),
      });
      tables.push({
        id: `curves-${generation}`,
        title: { en: `Sharers and favourites${suffix.en}`, zh: `分享与收藏${suffix.zh}` },
        columns: [
          { key: "day", header: "articleDetail.col.day" },
          { key: "statDate", header: "unit.date" },
          { key: "readers", header: "articles.col.readers" },
          { key: "sharers", header: "articles.col.sharers" },
          { key: "favourites", header: "articles.col.favourites" },
        ],
        rows: points.map((p) => ({
          day: p.day,
          statDate: p.statDate,
          readers: p.readers,
          sharers: p.sharers,
          favourites: p.favourites,
        })),
      });
    }
    if (article.new) {
      tables.push(
        {
          id: "interactions",
          title: "articleDetail.interactions",
          columns: [
            { key: "day", header: "articleDetail.col.day" },
            { key: "statDate", header: "unit.date" },
            { key: "likes", header: "articleDetail.metric.likes" },
            { key: "zaikan", header: "articleDetail.metric.zaikan" },
            { key: "comments", header: "articleDetail.metric.comments" },
          ],
          rows: article.new.map((p) => ({
            day: p.day,
            statDate: p.statDate,
            likes: p.likes,
            zaikan: p.zaikan,
            comments: p.comments,
          })),
        },
        {
          id: "quality",
          title: "articleDetail.quality",
          columns: [
            { key: "day", header: "articleDetail.col.day" },
            { key: "statDate", header: "unit.date" },
            { key: "finishRate", header: "articleDetail.metric.finishRate" },
            { key: "avgActiveMinutes", header: "articleDetail.metric.avgActiveMinutes" },
          ],
          rows: article.new.map((p) => ({
            day: p.day,
            statDate: p.statDate,
            finishRate: p.finishRate,
            avgActiveMinutes: p.avgActiveMinutes,
          })),
        },
      );
    }
    if (data.dropOff) {
      tables.push({
        id: "dropoff",
        title: "articleDetail.dropOff",
        columns: [
          { key: "position", header: "articleDetail.col.position" },
          { key: "rate", header: "articleDetail.col.leaving" },
        ],
        rows: data.dropOff.map((d) => ({ position: label(`articleDetail.fifth.${d.position}`), rate: d.rate })),
      });
    }
    return tables;
  },
  fileName: (p) => `article-${p.account}-${p.msgid}`,
});

export const HEADLINE_METRICS = [
  "delivered",
  "readers",
  "readRate",
  "sharers",
  "shareRate",
  "favourites",
  "likes",
  "zaikan",
  "comments",
  "finishRate",
  "avgActiveMinutes",
] as const;

export type ArticleDetailData = Awaited<ReturnType<typeof articleDetailView.load>>;
