import { addDaysIso, type IsoDate } from "@/lib/dates";

/**
 * Articles ranked against their own account's history. Pure: the views compute with it, the
 * pages spell out the same definition.
 *
 * Peers of an article: the same account's articles sent in the PEER_WINDOW_DAYS days before it
 * (not the send day itself), in the same position class (头条 = position 1, 次条 = any other),
 * compared at the same age (days since sending, 0 = the send date). A peer without a figure for
 * exactly that day is left out: nothing is computed over missing days.
 */
export const PEER_WINDOW_DAYS = 90;
/** Fewer peers than this at a day: no band and no percentile for that day. */
export const MIN_PEERS = 5;

export type PositionClass = "lead" | "other";
export const positionClass = (position: number | null): PositionClass => (position === 1 ? "lead" : "other");

export const BAND_METRICS = ["readers", "sharers", "favourites"] as const;
export type BandMetric = (typeof BAND_METRICS)[number];

/** An article's cumulative figures by day since sending. */
export interface AgedCurve {
  accountId: number;
  msgid: string;
  sendDate: IsoDate;
  position: number | null;
  /** Ordered by day; a day may be missing. */
  points: readonly ({ day: number } & Record<BandMetric, number>)[];
}

/** The send dates peers may have: [sendDate − 90, sendDate − 1]. */
export const peerWindow = (sendDate: IsoDate) => ({
  from: addDaysIso(sendDate, -PEER_WINDOW_DAYS),
  to: addDaysIso(sendDate, -1),
});

/** The value at quantile q (0..1) of ascending values, linearly interpolated between ranks. */
export function quantile(ascending: readonly number[], q: number): number {
  if (ascending.length === 0) throw new RangeError("quantile of no values");
  const at = (ascending.length - 1) * Math.min(1, Math.max(0, q));
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return ascending[lo]! + (ascending[hi]! - ascending[lo]!) * (at - lo);
}

/** Share of the population below the value, ties counting half, in percent (0..100). */
export function percentileRank(value: number, population: readonly number[]): number {
  if (population.length === 0) throw new RangeError("percentile rank in an empty population");
  let below = 0;
  let equal = 0;
  for (const v of population) {
    if (v < value) below++;
    else if (v === value) equal++;
  }
  return (100 * (below + equal / 2)) / population.length;
}

export interface Band {
  day: number;
  n: number;
  p10: number;
  p25: number;
  p50: number;
  p75: number;
  p90: number;
}

/** The peers of an article among `candidates` (any accounts, any dates: they are filtered here). */
export function peersOf(article: Omit<AgedCurve, "points">, candidates: readonly AgedCurve[]): AgedCurve[] {
  const { from, to } = peerWindow(article.sendDate);
  const cls = positionClass(article.position);
  return candidates.filter(
    (c) =>
      c.accountId === article.accountId &&
      c.msgid !== article.msgid &&
      c.sendDate >= from &&
      c.sendDate <= to &&
      positionClass(c.position) === cls,
  );
}

/** The peers' figures at exactly this day (peers without that day are left out). */
export function valuesAt(peers: readonly AgedCurve[], metric: BandMetric, day: number): number[] {
  const out: number[] = [];
  for (const p of peers) {
    const point = p.points.find((x) => x.day === day);
    if (point) out.push(point[metric]);
  }
  return out.sort((a, b) => a - b);
}

/** Median, 25–75% and 10–90% of the peers at each day 0..lastDay; days with too few peers are left out. */
export function bands(peers: readonly AgedCurve[], metric: BandMetric, lastDay: number): Band[] {
  const out: Band[] = [];
  for (let day = 0; day <= lastDay; day++) {
    const values = valuesAt(peers, metric, day);
    if (values.length < MIN_PEERS) continue;
    out.push({
      day,
      n: values.length,
      p10: quantile(values, 0.1),
      p25: quantile(values, 0.25),
      p50: quantile(values, 0.5),
      p75: quantile(values, 0.75),
      p90: quantile(values, 0.9),
    });
  }
  return out;
}

export interface Ranking {
  metric: BandMetric;
  /** The age compared: the article's latest day. */
  day: number;
  value: number;
  /** 0..100: the share of peers the article beats on that day (ties half). */
  percentile: number;
  peers: number;
}

/** The article at its latest day against its peers at the same day; null with too few peers or no figures. */
export function rankAgainstPeers(article: AgedCurve, peers: readonly AgedCurve[], metric: BandMetric): Ranking | null {
  const last = article.points.at(-1);
  if (!last) return null;
  const values = valuesAt(peers, metric, last.day);
  if (values.length < MIN_PEERS) return null;
  return {
    metric,
    day: last.day,
    value: last[metric],
    percentile: percentileRank(last[metric], values),
    peers: values.length,
  };
}

/** "top 10%", "bottom 20%" or "around the median": the plain-words verdict of a percentile. */
export function verdictOf(percentile: number): { kind: "top" | "bottom"; pct: number } | { kind: "middle" } {
  if (percentile >= 60) return { kind: "top", pct: Math.max(1, Math.ceil(100 - percentile)) };
  if (percentile <= 40) return { kind: "bottom", pct: Math.max(1, Math.ceil(percentile)) };
  return { kind: "middle" };
}
