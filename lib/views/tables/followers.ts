/** The Followers page's KPIs and tables. Pure: the browser imports it too. */
import type { FollowerDay, FollowerTotals } from "@/db/analytics";
import { METRICS } from "@/lib/analytics/definitions";
import { followSourceLabel, orderFollowSources } from "@/lib/analytics/follow-sources";

import { type Column, field, type KpiSet, type Table } from "../columns";

export type FollowerKpi = "newUsers" | "cancelUsers" | "netUsers" | "totalUsers";

/** Sums over the range's days with figures (followers at the end of the range for the total). */
export const FOLLOWER_KPIS: KpiSet<FollowerTotals, FollowerKpi, FollowerDay> = {
  title: "followers.kpis",
  kpis: [
    { id: "newUsers", ...METRICS.newFollowers, format: "count", value: (t) => t.newUsers, daily: (d) => d.newUsers },
    {
      id: "cancelUsers",
      ...METRICS.cancelledFollowers,
      format: "count",
      value: (t) => t.cancelUsers,
      daily: (d) => d.cancelUsers,
    },
    { id: "netUsers", ...METRICS.netFollowers, format: "count", value: (t) => t.netUsers, daily: (d) => d.netUsers },
    {
      id: "totalUsers",
      ...METRICS.totalFollowers,
      format: "count",
      value: (t) => t.totalUsers,
      daily: (d) => d.totalUsers,
      aggregate: "last",
    },
  ],
};

export const FOLLOWER_DAILY_TABLE: Table<FollowerDay> = {
  id: "daily",
  title: "followers.daily",
  columns: [
    field("date", "unit.date", "date"),
    field("newUsers", "metric.newFollowers", "count"),
    field("cancelUsers", "metric.cancelledFollowers", "count"),
    field("netUsers", "metric.netFollowers", "count"),
    field("totalUsers", "metric.totalFollowers", "count"),
    field("articlesSent", "metric.articlesSent", "count"),
  ],
};

/** New followers per day by follow source: one column a source present in the range. */
export function followerSourcesTable(codes: Iterable<number>): Table<FollowerDay> {
  return {
    id: "sources",
    title: "followers.bySource",
    columns: [
      field("date", "unit.date", "date"),
      ...orderFollowSources(codes).map(
        (code): Column<FollowerDay> => ({
          key: `source_${code}`,
          header: followSourceLabel(code),
          format: "count",
          value: (d) => (d.newUsers === null ? null : (d.bySource[code] ?? 0)),
        }),
      ),
    ],
  };
}
