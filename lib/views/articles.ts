import "server-only";

import { type ArticleRow, articles } from "@/db/analytics";
import { previousRange } from "@/lib/report-params";

import { exportTable, kpiFigures, kpiTable } from "./columns";
import { accountRangeSchema, rangeFileName } from "./params";
import { ARTICLE_KPIS, ARTICLES_TABLE } from "./tables/articles";
import { defineView } from "./types";

/** Where an article's figures come from, in both generations' words. */
const generationsOf = (rows: ArticleRow[]) =>
  (["legacy", "new"] as const).filter((g) => rows.some((r) => r.generation === g || r.generation === "both"));

/** ?account=&from=&to=: every article sent in the range with its latest cumulative figures, and totals vs the previous period. */
export const articlesView = defineView({
  schema: accountRangeSchema,
  accounts: (p) => [p.account],
  async load(database, p) {
    const previousDates = previousRange(p);
    const [rows, previousRows] = await Promise.all([
      articles(database, { accountIds: [p.account], from: p.from, to: p.to }),
      articles(database, { accountIds: [p.account], ...previousDates }),
    ]);
    // No articles in the previous period: nothing to compare with (rather than zeros).
    const kpis = kpiFigures(ARTICLE_KPIS, rows, previousRows.length ? previousRows : null);
    return { rows, kpis, previousRange: previousDates, generations: generationsOf(rows) };
  },
  tables: (data, _input, label) => [
    exportTable(ARTICLES_TABLE, data.rows, label),
    kpiTable(ARTICLE_KPIS, data.kpis, label),
  ],
  fileName: (p) => rangeFileName("articles", p),
});

export type ArticlesData = Awaited<ReturnType<typeof articlesView.load>>;
export type { ArticleRow };
