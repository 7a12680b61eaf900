/** The shares page's KPIs and tables. Pure: the browser imports it too. */
import type { ByScene } from "@/db/analytics";
import { shareSceneLabel } from "@/lib/analytics/channels";
import { METRICS } from "@/lib/analytics/definitions";
import type { IsoDate } from "@/lib/dates";

import { type Column, field, type KpiSet, type Table } from "../columns";
import { hourLabel } from "../hours";

/** Shares only the legacy interfaces count; sharers both generations do. A period's figures, or one day's. */
export interface SharesFigures {
  shares: number | null;
  sharers: number | null;
}
export type SharesDay = SharesFigures & { date: IsoDate };

export const SHARES_KPIS: KpiSet<SharesFigures, "shares" | "sharers", SharesDay> = {
  title: "shares.kpis",
  kpis: [
    { id: "shares", ...METRICS.shares, format: "count", value: (t) => t.shares, daily: (d) => d.shares },
    { id: "sharers", ...METRICS.dailySharers, format: "count", value: (t) => t.sharers, daily: (d) => d.sharers },
  ],
};

/** Shares and sharers of each scene present, side by side. */
const sceneColumns = (scenes: readonly number[]): Column<{ byScene: ByScene }>[] =>
  scenes.flatMap((code) => [
    {
      key: `count_${code}`,
      header: { en: `Shares: ${shareSceneLabel(code, "en")}`, zh: `分享次数：${shareSceneLabel(code, "zh")}` },
      format: "decimal",
      value: (r) => r.byScene[code]?.shareCount ?? null,
    },
    {
      key: `people_${code}`,
      header: { en: `Sharers: ${shareSceneLabel(code, "en")}`, zh: `分享人数：${shareSceneLabel(code, "zh")}` },
      format: "decimal",
      value: (r) => r.byScene[code]?.shareUser ?? null,
    },
  ]);

export const DAILY_SCENES = { id: "daily", title: "shares.daily" } as const;
export const dailyScenesTable = (scenes: readonly number[]): Table<{ date: IsoDate; byScene: ByScene }> => ({
  ...DAILY_SCENES,
  columns: [field("date", "unit.date", "date"), ...sceneColumns(scenes)],
});

/** Averages per day with hourly data. */
export const HOURLY_SCENES = { id: "hourly", title: "shares.table.hourly" } as const;
export const hourlyScenesTable = (
  scenes: readonly number[],
): Table<{ hour: number; days: number; byScene: ByScene }> => ({
  ...HOURLY_SCENES,
  columns: [
    { key: "hour", header: "unit.hour", format: "text", value: (h) => hourLabel(h.hour) },
    field("days", "col.daysAveraged", "count"),
    ...sceneColumns(scenes),
  ],
});

/** The new interfaces' daily sharers (no scenes). */
export const NEW_SHARERS_TABLE: Table<{ date: IsoDate; sharers: number | null }> = {
  id: "newSharers",
  title: "shares.newSharers",
  columns: [field("date", "unit.date", "date"), field("sharers", "shares.col.newSharers", "count")],
};
