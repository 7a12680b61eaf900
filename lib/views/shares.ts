import "server-only";

import { type ByScene, type Shares, shares } from "@/db/analytics";
import { shareSceneLabel } from "@/lib/analytics/channels";
import { delta } from "@/lib/analytics/metrics";
import { addDaysIso } from "@/lib/dates";
import { previousRange } from "@/lib/report-params";

import { hourLabel } from "./hours";
import { accountRangeSchema, rangeFileName } from "./params";
import { defineView, type ExportTable, type Header } from "./types";

export const SHARES_KPIS = ["shares", "sharers"] as const;

const sumScenes = (byScene: ByScene, key: "shareCount" | "shareUser") =>
  Object.values(byScene).reduce((n, s) => n + s[key], 0);
const hasScenes = (byScene: ByScene) => Object.keys(byScene).length > 0;

/**
 * Shares (times) only the legacy getusershare has; sharers per day from the new generation
 * (getbizsummary) when it has the day, else the legacy scenes' sum (both agree where both exist,
 * and the overview counts sharers the same way).
 */
function totals(s: Shares) {
  let shares: number | null = null;
  let sharers: number | null = null;
  const days = { shares: 0, sharers: 0 };
  for (const [i, day] of s.days.entries()) {
    const legacy = hasScenes(day.byScene);
    if (legacy) {
      shares = (shares ?? 0) + sumScenes(day.byScene, "shareCount");
      days.shares++;
    }
    const fresh = s.newSharers[i]?.sharers ?? null;
    const daySharers = fresh ?? (legacy ? sumScenes(day.byScene, "shareUser") : null);
    if (daySharers !== null) {
      sharers = (sharers ?? 0) + daySharers;
      days.sharers++;
    }
  }
  return { shares, sharers, days };
}

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
    const now = totals(current);
    const before = totals(previous);
    const kpis = SHARES_KPIS.map((metric) => ({
      metric,
      value: now[metric],
      previous: before[metric],
      /** Days with data behind each figure: a change between unequal coverage says so. */
      days: now.days[metric],
      previousDays: before.days[metric],
      ...delta(now[metric], before[metric]),
    }));
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
  tables: (data, _input, label) => {
    const scene = (code: number, metric: "count" | "people"): Header => ({
      en: `${metric === "count" ? "Shares" : "Sharers"}: ${shareSceneLabel(code, "en")}`,
      zh: `${metric === "count" ? "分享次数" : "分享人数"}：${shareSceneLabel(code, "zh")}`,
    });
    const sceneColumns = data.scenes.flatMap((code) => [
      { key: `count_${code}`, header: scene(code, "count") },
      { key: `people_${code}`, header: scene(code, "people") },
    ]);
    const sceneCells = (byScene: ByScene) =>
      Object.fromEntries(
        data.scenes.flatMap((code) => [
          [`count_${code}`, byScene[code]?.shareCount ?? null],
          [`people_${code}`, byScene[code]?.shareUser ?? null],
        ]),
      );
    const tables: ExportTable[] = [
      {
        id: "kpis",
        title: "shares.kpis",
        columns: [
          { key: "metric", header: "shares.col.metric" },
          { key: "value", header: "shares.col.value" },
          { key: "previous", header: "shares.col.previous" },
          { key: "pct", header: "shares.col.change" },
          { key: "days", header: "shares.col.daysWithData" },
          { key: "previousDays", header: "shares.col.previousDaysWithData" },
        ],
        rows: data.kpis.map((k) => ({
          metric: label(`shares.kpi.${k.metric}`),
          value: k.value,
          previous: k.previous,
          pct: k.pct,
          days: k.days,
          previousDays: k.previousDays,
        })),
      },
      {
        id: "daily",
        title: "shares.daily",
        columns: [{ key: "date", header: "unit.date" }, ...sceneColumns],
        rows: data.sceneDays.map((d) => ({ date: d.date, ...sceneCells(d.byScene) })),
      },
      {
        id: "hourly",
        title: "shares.table.hourly",
        columns: [{ key: "hour", header: "unit.hour" }, { key: "days", header: "shares.col.days" }, ...sceneColumns],
        rows:
          data.hourlyDaysWithData === 0
            ? []
            : data.hours.map((h) => ({
                hour: hourLabel(h.hour),
                days: data.hourlyDaysWithData,
                ...sceneCells(h.byScene),
              })),
      },
      {
        id: "newSharers",
        title: "shares.newSharers",
        columns: [
          { key: "date", header: "unit.date" },
          { key: "sharers", header: "shares.col.newSharers" },
        ],
        rows: data.newSharers.filter((d) => d.sharers !== null).map((d) => ({ date: d.date, sharers: d.sharers })),
      },
    ];
    return tables;
  },
  fileName: (p) => rangeFileName("shares", p),
});

export type SharesData = Awaited<ReturnType<typeof sharesView.load>>;
