import "server-only";

import { followers } from "@/db/analytics";
import { previousRange } from "@/lib/report-params";

import { exportTable, kpiFigures, kpiTable } from "./columns";
import { accountRangeSchema, rangeFileName } from "./params";
import { FOLLOWER_DAILY_TABLE, FOLLOWER_KPIS, followerSourcesTable } from "./tables/followers";
import { defineView } from "./types";

export const followersView = defineView({
  schema: accountRangeSchema,
  accounts: (p) => [p.account],
  async load(database, p) {
    const previousDates = previousRange(p);
    const [current, previous] = await Promise.all([
      followers(database, { accountId: p.account, from: p.from, to: p.to }),
      followers(database, { accountId: p.account, ...previousDates }),
    ]);
    const kpis = kpiFigures(FOLLOWER_KPIS, current.totals, previous.totals, {
      current: current.days,
      previous: previous.days,
    });
    const sources = Object.keys(current.bySource).map(Number);
    // The previous period's daily net change, day 1 beside day 1: the trend's faint line.
    const previousNet = previous.days.map((d) => d.netUsers);
    return { ...current, kpis, sources, previousRange: previousDates, previousNet };
  },
  tables: (data, _input, label) => [
    kpiTable(FOLLOWER_KPIS, data.kpis, label),
    exportTable(FOLLOWER_DAILY_TABLE, data.days, label),
    exportTable(followerSourcesTable(data.sources), data.days, label),
  ],
  fileName: (p) => rangeFileName("followers", p),
});

export type FollowersData = Awaited<ReturnType<typeof followersView.load>>;
