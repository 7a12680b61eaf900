import "server-only";

import { overview } from "@/db/analytics";
import { CHANNEL_LABELS, CHANNELS } from "@/lib/analytics/channels";
import { delta } from "@/lib/analytics/metrics";
import { previousRange } from "@/lib/report-params";

import { accountRangeSchema, rangeFileName } from "./params";
import { defineView } from "./types";

export const KPI_METRICS = ["readers", "reads", "sharers", "favourites", "likes", "zaikan", "comments"] as const;

export const overviewView = defineView({
  schema: accountRangeSchema,
  accounts: (p) => [p.account],
  async load(database, p) {
    const previousDates = previousRange(p);
    const [current, previous] = await Promise.all([
      overview(database, { accountId: p.account, from: p.from, to: p.to }),
      overview(database, { accountId: p.account, ...previousDates }),
    ]);
    const kpis = KPI_METRICS.map((metric) => ({
      metric,
      value: current.totals[metric],
      previous: previous.totals[metric],
      ...delta(current.totals[metric], previous.totals[metric]),
    }));
    return { ...current, kpis, previousRange: previousDates };
  },
  tables: (data, _input, label) => [
    {
      id: "kpis",
      title: "overview.kpis",
      columns: [
        { key: "metric", header: "overview.col.metric" },
        { key: "value", header: "overview.col.value" },
        { key: "previous", header: "overview.col.previous" },
        { key: "pct", header: "overview.col.change" },
      ],
      rows: data.kpis.map((k) => ({
        metric: label(`overview.kpi.${k.metric}`),
        value: k.value,
        previous: k.previous,
        pct: k.pct,
      })),
    },
    {
      id: "daily",
      title: "overview.trend",
      columns: [
        { key: "date", header: "unit.date" },
        { key: "generation", header: "overview.col.generation" },
        ...KPI_METRICS.map((m) => ({ key: m, header: `overview.kpi.${m}` as const })),
        ...CHANNELS.map((c) => ({
          key: `source_${c}`,
          header: { en: `Readers: ${CHANNEL_LABELS[c].en}`, zh: `阅读人数：${CHANNEL_LABELS[c].zhNew}` },
        })),
      ],
      rows: data.days.map((d) => ({
        date: d.date,
        generation: d.generation,
        ...Object.fromEntries(KPI_METRICS.map((m) => [m, d[m]])),
        ...Object.fromEntries(CHANNELS.map((c) => [`source_${c}`, d.bySource[c] ?? null])),
      })),
    },
  ],
  fileName: (p) => rangeFileName("overview", p),
});

export type OverviewData = Awaited<ReturnType<typeof overviewView.load>>;
