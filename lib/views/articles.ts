import "server-only";

import { type ArticleRow, articles, articleSendDaysKnown } from "@/db/analytics";
import { listAccounts } from "@/lib/accounts/queries";
import { eachDay } from "@/lib/dates";
import { groupAccountIds } from "@/lib/groups/manage";
import { previousRange } from "@/lib/report-params";

import { compareItemId } from "./article-params";
import { exportTable, kpiFigures, kpiTable } from "./columns";
import { readerRankings } from "./history";
import { rangeFileName, scopeAccounts, scopeRangeSchema } from "./params";
import { ARTICLE_KPIS, type ArticleListRow, ARTICLES_TABLE, articleSendDays } from "./tables/articles";
import { defineView } from "./types";

/** Where an article's figures come from, in both generations' words. */
const generationsOf = (rows: ArticleRow[]) =>
  (["legacy", "new"] as const).filter((g) => rows.some((r) => r.generation === g || r.generation === "both"));

/**
 * ?account=&from=&to= (or ?group=<id>|all&from=&to=): every article sent in the range by the
 * account or the group's visible accounts, with its latest cumulative figures and the account's
 * name, and totals vs the previous period.
 */
export const articlesView = defineView({
  schema: scopeRangeSchema,
  accounts: scopeAccounts,
  async load(database, p, user) {
    const accountIds = p.group === undefined ? [p.account!] : await groupAccountIds(database, user, p.group);
    const previousDates = previousRange(p);
    const [found, previousRows, names, known, previousKnown] = await Promise.all([
      articles(database, { accountIds, from: p.from, to: p.to }),
      articles(database, { accountIds, ...previousDates }),
      listAccounts(database, accountIds),
      articleSendDaysKnown(database, { accountIds, from: p.from, to: p.to }),
      articleSendDaysKnown(database, { accountIds, ...previousDates }),
    ]);
    const nameOf = new Map(names.map((a) => [a.id, a.name]));
    const rankings = await readerRankings(database, found);
    const rows: ArticleListRow[] = found.map((r) => {
      const ranking = rankings.get(compareItemId(r)) ?? null;
      return {
        ...r,
        accountName: nameOf.get(r.accountId) ?? `#${r.accountId}`,
        percentile: ranking ? Math.round(ranking.percentile * 10) / 10 : null,
        percentileDay: ranking?.day ?? null,
      };
    });
    // No articles in the previous period: nothing to compare with (rather than zeros).
    const kpis = kpiFigures(ARTICLE_KPIS, rows, previousRows.length ? previousRows : null, {
      current: articleSendDays(eachDay(p.from, p.to), found, known),
      previous: articleSendDays(eachDay(previousDates.from, previousDates.to), previousRows, previousKnown),
    });
    return { rows, kpis, previousRange: previousDates, generations: generationsOf(found), accountIds };
  },
  tables: (data, _input, label) => [
    exportTable(ARTICLES_TABLE, data.rows, label),
    kpiTable(ARTICLE_KPIS, data.kpis, label),
  ],
  fileName: (p) => rangeFileName("articles", p),
});

export type ArticlesData = Awaited<ReturnType<typeof articlesView.load>>;
export type { ArticleListRow, ArticleRow };
