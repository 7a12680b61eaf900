import "server-only";

import { overview } from "@/db/analytics";
import { previousRange } from "@/lib/report-params";

import { exportTable, kpiFigures, kpiTable } from "./columns";
import { accountRangeSchema, rangeFileName } from "./params";
import { OVERVIEW_KPIS, overviewDailyTable } from "./tables/overview";
import { defineView } from "./types";

export const overviewView = defineView({
  schema: accountRangeSchema,
  accounts: (p) => [p.account],
  async load(database, p) {
    const previousDates = previousRange(p);
    const [current, previous] = await Promise.all([
      overview(database, { accountId: p.account, from: p.from, to: p.to }),
      overview(database, { accountId: p.account, ...previousDates }),
    ]);
    const kpis = kpiFigures(OVERVIEW_KPIS, current.totals, previous.totals, {
      current: current.days,
      previous: previous.days,
    });
    // The previous period's daily readers, day 1 beside day 1: the trend's faint line.
    const previousReaders = previous.days.map((d) => d.readers);
    return { ...current, kpis, previousRange: previousDates, previousReaders };
  },
  tables: (data, _input, label) => [
    kpiTable(OVERVIEW_KPIS, data.kpis, label),
    exportTable(overviewDailyTable(data.generations), data.days, label),
  ],
  fileName: (p) => rangeFileName("overview", p),
});

export type OverviewData = Awaited<ReturnType<typeof overviewView.load>>;
