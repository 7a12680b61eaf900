/**
 * What a morning digest says, computed from loaded figures with no I/O: yesterday's key figures
 * and their changes, the best and worst article, and anomalies. The KPIs are the overview's
 * (lib/views/tables/overview.ts): a digest never defines a figure of its own.
 */
import type { DayMetric } from "@/db/analytics";
import { delta } from "@/lib/analytics/metrics";
import { addDaysIso, type IsoDate } from "@/lib/dates";
import type { DayStatus } from "@/lib/sync/day-status";
import { OVERVIEW_KPIS } from "@/lib/views/tables/overview";
import { type EndpointName, ENDPOINTS } from "@/lib/wechat/endpoints";

export type Figures = Record<DayMetric, number | null>;
export type DaySeries = ReadonlyMap<IsoDate, Figures>;

export const DIGEST_METRICS: readonly DayMetric[] = OVERVIEW_KPIS.kpis.map((k) => k.id);

export interface FigureChange {
  metric: DayMetric;
  value: number | null;
  dayBefore: number | null;
  /** Relative change against the day before, the previous 7 days' mean and the previous 30 days' mean. */
  vsDayBefore: number | null;
  avg7: number | null;
  vs7: number | null;
  avg30: number | null;
  vs30: number | null;
}

export interface DigestArticle {
  accountId: number;
  accountName: string;
  msgid: string;
  title: string;
  position: number | null;
  readers: number | null;
  sharers: number | null;
  readRate: number | null;
  /** Readers' percentile against the account's own articles of the previous 90 days (lib/views/history); null with too few. */
  percentile: number | null;
}

export interface Anomaly {
  accountId: number;
  accountName: string;
  metric: DayMetric;
  value: number;
  mean: number;
  sd: number;
  /** (value − mean) / sd: signed, |z| > 2. */
  z: number;
}

export interface SyncProblem {
  accountId: number;
  accountName: string;
  endpoint: string;
  kind: "failed" | "retired" | "quota";
  error: string | null;
}

export interface DigestContent {
  day: IsoDate;
  scopeName: string;
  language: "zh" | "en";
  accountCount: number;
  figures: FigureChange[];
  articleCount: number;
  best: DigestArticle | null;
  worst: DigestArticle | null;
  anomalies: Anomaly[];
  problems: SyncProblem[];
}

/** Mean of a metric over the `n` days before `day`; null unless every one of them has the figure. */
export function meanOfDaysBefore(series: DaySeries, metric: DayMetric, day: IsoDate, n: number): number | null {
  let sum = 0;
  for (let i = 1; i <= n; i++) {
    const v = series.get(addDaysIso(day, -i))?.[metric];
    if (v == null) return null;
    sum += v;
  }
  return sum / n;
}

/** Yesterday's figures and their changes; a change over a missing day is no change (null). */
export function keyFigures(series: DaySeries, day: IsoDate): FigureChange[] {
  return DIGEST_METRICS.map((metric) => {
    const value = series.get(day)?.[metric] ?? null;
    const dayBefore = series.get(addDaysIso(day, -1))?.[metric] ?? null;
    const avg7 = meanOfDaysBefore(series, metric, day, 7);
    const avg30 = meanOfDaysBefore(series, metric, day, 30);
    return {
      metric,
      value,
      dayBefore,
      vsDayBefore: delta(value, dayBefore).pct,
      avg7,
      vs7: delta(value, avg7).pct,
      avg30,
      vs30: delta(value, avg30).pct,
    };
  });
}

/**
 * Several accounts' days as one: a figure is the sum over the accounts, or null when any of
 * them lacks it that day (a group's total is never computed over an account's missing day).
 */
export function sumSeries(all: readonly DaySeries[]): Map<IsoDate, Figures> {
  const out = new Map<IsoDate, Figures>();
  const first = all[0];
  if (!first) return out;
  for (const date of first.keys()) {
    const figures = {} as Figures;
    for (const metric of DIGEST_METRICS) {
      let sum: number | null = 0;
      for (const s of all) {
        const v = s.get(date)?.[metric];
        if (v == null) {
          sum = null;
          break;
        }
        sum += v;
      }
      figures[metric] = sum;
    }
    out.set(date, figures);
  }
  return out;
}

export const ANOMALY_WINDOW_DAYS = 28;
export const ANOMALY_SIGMAS = 2;
/** Fewer days with the figure in the window than this, and no mean is trusted. */
export const ANOMALY_MIN_DAYS = 14;

/** Population mean and standard deviation. */
export function meanAndSd(values: readonly number[]): { mean: number; sd: number } {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const variance = values.reduce((a, v) => a + (v - mean) ** 2, 0) / values.length;
  return { mean, sd: Math.sqrt(variance) };
}

/** Each figure of `day` more than 2σ off its mean over the 28 days before (days with the figure). */
export function anomaliesOf(account: { id: number; name: string }, series: DaySeries, day: IsoDate): Anomaly[] {
  const out: Anomaly[] = [];
  for (const metric of DIGEST_METRICS) {
    const value = series.get(day)?.[metric];
    if (value == null) continue;
    const window: number[] = [];
    for (let i = 1; i <= ANOMALY_WINDOW_DAYS; i++) {
      const v = series.get(addDaysIso(day, -i))?.[metric];
      if (v != null) window.push(v);
    }
    if (window.length < ANOMALY_MIN_DAYS) continue;
    const { mean, sd } = meanAndSd(window);
    if (sd === 0) continue;
    const z = (value - mean) / sd;
    if (Math.abs(z) > ANOMALY_SIGMAS)
      out.push({ accountId: account.id, accountName: account.name, metric, value, mean, sd, z });
  }
  return out;
}

/** Best and worst article by readers (the worst only when there are two or more). */
export function bestAndWorst(list: readonly DigestArticle[]): {
  best: DigestArticle | null;
  worst: DigestArticle | null;
} {
  const ranked = list.filter((a) => a.readers != null).sort((a, b) => b.readers! - a.readers!);
  return { best: ranked[0] ?? null, worst: ranked.length > 1 ? ranked.at(-1)! : null };
}

/**
 * Is the account's `day` settled for a digest? Every interface of day-level figures (those
 * WeChat does not revise: mutableDays 0) must be final for it, retired, not applicable, or
 * failed / out of quota (then the digest reports the failure rather than wait for ever). Cumulative
 * article interfaces stay provisional for days by design and do not hold a digest back.
 */
export function daySettled(cells: readonly { endpoint: EndpointName; status: DayStatus }[]): boolean {
  return cells
    .filter((c) => ENDPOINTS[c.endpoint].mutableDays === 0)
    .every(
      (c) =>
        c.status === "final" ||
        c.status === "retired" ||
        c.status === "unavailable" ||
        c.status === "failed" ||
        c.status === "quota",
    );
}
