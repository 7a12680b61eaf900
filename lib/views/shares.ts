import "server-only";

import { type ByScene, type Shares, shares } from "@/db/analytics";
import { sumPresent } from "@/lib/analytics/metrics";
import { addDaysIso } from "@/lib/dates";
import { previousRange } from "@/lib/report-params";

import { exportTable, kpiFigures, kpiTable } from "./columns";
import { accountRangeSchema, rangeFileName } from "./params";
import {
  dailyScenesTable,
  hourlyScenesTable,
  NEW_SHARERS_TABLE,
  SHARES_KPIS,
  type SharesDay,
  type SharesFigures,
} from "./tables/shares";
import { defineView } from "./types";

const sumScenes = (byScene: ByScene, key: "shareCount" | "shareUser") =>
  Object.values(byScene).reduce((n, s) => n + s[key], 0);
const hasScenes = (byScene: ByScene) => Object.keys(byScene).length > 0;

/**
 * Each day's shares and sharers. Shares (times) only the legacy getusershare has; sharers from
 * the new generation (getbizsummary) when it has the day, else the legacy scenes' sum (both agree
 * where both exist, and the overview counts sharers the same way).
 */
function sharesDays(s: Shares): SharesDay[] {
  return s.days.map((day, i) => {
    const legacy = hasScenes(day.byScene);
    const fresh = s.newSharers[i]?.sharers ?? null;
    return {
      date: day.date,
      shares: legacy ? sumScenes(day.byScene, "shareCount") : null,
      sharers: fresh ?? (legacy ? sumScenes(day.byScene, "shareUser") : null),
    };
  });
}

const totals = (days: readonly SharesDay[]): SharesFigures => ({
  shares: sumPresent(days.map((d) => d.shares)),
  sharers: sumPresent(days.map((d) => d.sharers)),
});

/** The days between the first and the last day with share scenes in the range (none: []). */
function sceneSpan(s: Pick<Shares, "days">): Shares["days"] {
  const first = s.days.findIndex((d) => hasScenes(d.byScene));
  if (first < 0) return [];
  const last = s.days.findLastIndex((d) => hasScenes(d.byScene));
  return s.days.slice(first, last + 1);
}

export const sharesView = defineView({
  schema: accountRangeSchema,
  accounts: (p) => [p.account],
  async load(database, p) {
    const previousDates = previousRange(p);
    const [current, previous] = await Promise.all([
      shares(database, { accountId: p.account, from: p.from, to: p.to }),
      shares(database, { accountId: p.account, ...previousDates }),
    ]);
    const [days, previousDays] = [sharesDays(current), sharesDays(previous)];
    const kpis = kpiFigures(SHARES_KPIS, totals(days), totals(previousDays), { current: days, previous: previousDays });
    return {
      daysWithData: current.daysWithData,
      hourlyDaysWithData: current.hourlyDaysWithData,
      lastDateWithData: current.lastDateWithData,
      scenes: current.scenes,
      hours: current.hours,
      newSharers: current.newSharers,
      /** The range's days from the first to the last one with share scenes (legacy getusershare). */
      sceneDays: sceneSpan(current),
      kpis,
      previousRange: previousDates,
      /** Days the new generation has (sharers, no scenes) and the legacy one does not. */
      newOnlyDays: current.days.filter((d, i) => !hasScenes(d.byScene) && current.newSharers[i]?.sharers != null)
        .length,
      /** Days with the new generation's sharers. */
      newDays: current.newSharers.filter((d) => d.sharers !== null).length,
      /** The 30 days ending on the last day with share scenes: what the page offers when the range has none. */
      rangeWithData: current.lastDateWithData
        ? { from: addDaysIso(current.lastDateWithData, -29), to: current.lastDateWithData }
        : null,
    };
  },
  tables: (data, _input, label) => [
    kpiTable(SHARES_KPIS, data.kpis, label),
    exportTable(dailyScenesTable(data.scenes), data.sceneDays, label),
    exportTable(
      hourlyScenesTable(data.scenes),
      data.hourlyDaysWithData === 0 ? [] : data.hours.map((h) => ({ ...h, days: data.hourlyDaysWithData })),
      label,
    ),
    exportTable(
      NEW_SHARERS_TABLE,
      data.newSharers.filter((d) => d.sharers !== null),
      label,
    ),
  ],
  fileName: (p) => rangeFileName("shares", p),
});

export type SharesData = Awaited<ReturnType<typeof sharesView.load>>;
