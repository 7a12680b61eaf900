import "server-only";

import { z } from "zod";

import { compareArticles, type ComparedArticle } from "@/db/analytics";

import { compareItemId, compareSchema } from "./article-params";
import { exportTable } from "./columns";
import { COMPARE_FIGURES, CURVE_METRICS } from "./tables/articles";
import { compareTable, CURVE_DAYS, curveTable, sameAgeDay } from "./tables/compare";
import { defineView } from "./types";

/**
 * `scale` only shapes the curve exports (the page scales its chart itself); `day` is the day
 * since sending the metric table compares at (default: the largest age every article reached).
 */
const schema = z.intersection(
  compareSchema,
  z.object({
    scale: z.enum(["absolute", "per1000"]).default("absolute"),
    day: z.coerce
      .number()
      .int()
      .min(0)
      .max(CURVE_DAYS - 1)
      .optional(),
  }),
);

const DAYS = Array.from({ length: CURVE_DAYS }, (_, day) => day);

/** ?a=1:12003_1&a=2:13001_2…: 2–8 articles of any visible accounts, with curves aligned by day since send. */
export const compareView = defineView({
  schema,
  accounts: (p) => [...new Set(p.items.map((i) => i.accountId))],
  async load(database, p) {
    const found = await compareArticles(database, p.items);
    const ids = new Set(found.map(compareItemId));
    return { articles: found, missing: p.items.filter((i) => !ids.has(compareItemId(i))).map(compareItemId) };
  },
  tables: (data, input, label) => [
    // One row a figure, each article at the same day since sending; a figure none of the articles'
    // generations has is left out.
    exportTable(
      compareTable(data.articles, input.day ?? sameAgeDay(data.articles)),
      COMPARE_FIGURES.filter((f) => data.articles.some((a) => f.value(a.latest) != null)),
      label,
    ),
    ...CURVE_METRICS.map((metric) => exportTable(curveTable(data.articles, metric, input.scale), DAYS, label)),
  ],
  fileName: (p) => `compare-${p.items.map((i) => i.msgid).join("_")}`.slice(0, 120),
});

export type CompareData = Awaited<ReturnType<typeof compareView.load>>;
export type { ComparedArticle };
