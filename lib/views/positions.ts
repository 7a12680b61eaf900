import "server-only";

import { positionArticles } from "@/db/analytics";
import { positionsByWeekday } from "@/lib/analytics/positions";

import { exportTable } from "./columns";
import { accountRangeSchema, rangeFileName } from "./params";
import { POSITIONS_TABLE } from "./tables/positions";
import { defineView } from "./types";

/** Readers and 送达阅读率 by position in the send (头条 / 次条) and weekday sent: the new interfaces' articles. */
export const positionsView = defineView({
  schema: accountRangeSchema,
  accounts: (p) => [p.account],
  async load(database, p) {
    const articles = await positionArticles(database, { accountId: p.account, from: p.from, to: p.to });
    return { cells: positionsByWeekday(articles), articles: articles.length };
  },
  tables: (data, _input, label) => [exportTable(POSITIONS_TABLE, data.cells, label)],
  fileName: (p) => rangeFileName("positions", p),
});

export type PositionsData = Awaited<ReturnType<typeof positionsView.load>>;
