import "server-only";

import { articleDailyReads, articleDetail } from "@/db/analytics";
import { AppError } from "@/lib/actions/errors";
import { rate } from "@/lib/analytics/metrics";
import type { IsoDate } from "@/lib/dates";
import { ENDPOINTS } from "@/lib/wechat/endpoints";

import { articleRefSchema } from "./article-params";
import { exportTable } from "./columns";
import { articleHistory } from "./history";
import {
  curvesTable,
  DROP_OFF_POSITIONS,
  DROP_OFF_TABLE,
  headlineFigures,
  headlineTable,
  INTERACTIONS_TABLE,
  QUALITY_TABLE,
  sourcesTable,
} from "./tables/article-detail";
import type { ArticleFigures } from "./tables/articles";
import { defineView } from "./types";

/** ?account=3&msgid=12003_1: one article's cumulative curves from both generations, and its headline figures. */
export const articleDetailView = defineView({
  schema: articleRefSchema,
  accounts: (p) => [p.account],
  async load(database, p) {
    const [article, daily] = await Promise.all([
      articleDetail(database, { accountId: p.account, msgid: p.msgid }),
      articleDailyReads(database, p.account, p.msgid),
    ]);
    if (!article) throw new AppError("not_found", "error.noArticle", { msgid: p.msgid });
    const last = article.curve.at(-1);
    const lastNew = article.new?.at(-1);
    const readers = last?.readers ?? null;
    const sharers = last?.sharers ?? null;
    const headline: ArticleFigures & { day: number | null; statDate: IsoDate | null } = {
      /** Days since send of the latest figures (0 = the send date). */
      day: last?.day ?? null,
      statDate: lastNew?.statDate ?? article.legacy?.at(-1)?.statDate ?? null,
      delivered: article.delivered,
      readers,
      readDeliveryRate: lastNew?.deliveryRate ?? null,
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
    const history = await articleHistory(database, article);
    return { article, headline, dropOff, history, daily, newFirstDate: ENDPOINTS.getarticletotaldetail.firstDate };
  },
  tables(data, _input, label) {
    const { article, headline } = data;
    const tables = [exportTable(headlineTable(headline), headlineFigures(headline), label)];
    for (const generation of ["new", "legacy"] as const) {
      const points = article[generation];
      if (!points) continue;
      tables.push(
        exportTable(sourcesTable(generation), points, label),
        exportTable(curvesTable(generation), points, label),
      );
    }
    if (article.new)
      tables.push(exportTable(INTERACTIONS_TABLE, article.new, label), exportTable(QUALITY_TABLE, article.new, label));
    if (data.dropOff) tables.push(exportTable(DROP_OFF_TABLE, data.dropOff, label));
    return tables;
  },
  fileName: (p) => `article-${p.msgid}`,
});

export type ArticleDetailData = Awaited<ReturnType<typeof articleDetailView.load>>;
