import "server-only";

import { agedCurves } from "@/db/analytics";
import type { Database } from "@/db/client";
import {
  type AgedCurve,
  BAND_METRICS,
  type BandMetric,
  bands,
  peersOf,
  peerWindow,
  positionClass,
  rankAgainstPeers,
  type Ranking,
} from "@/lib/analytics/percentiles";
import { addDaysIso, daysBetween, type IsoDate } from "@/lib/dates";

import { compareItemId as articleKey } from "./article-params";

/** Articles against their own account's last 90 days (lib/analytics/percentiles.ts has the definition). */

/** Curves by account and position class, in send-date order: where an article's peers are looked up. */
function peerIndex(curves: AgedCurve[]) {
  const out = new Map<string, { curves: AgedCurve[]; sendDates: IsoDate[] }>();
  const sorted = [...curves].sort((a, b) => a.sendDate.localeCompare(b.sendDate));
  for (const c of sorted) {
    const id = `${c.accountId}:${positionClass(c.position)}`;
    const group = out.get(id) ?? { curves: [], sendDates: [] };
    group.curves.push(c);
    group.sendDates.push(c.sendDate);
    out.set(id, group);
  }
  /** The candidates sent in the article's peer window (peersOf then applies the whole definition). */
  return (article: AgedCurve): AgedCurve[] => {
    const group = out.get(`${article.accountId}:${positionClass(article.position)}`);
    if (!group) return [];
    const { from, to } = peerWindow(article.sendDate);
    return group.curves.slice(
      firstAtOrAfter(group.sendDates, from),
      firstAtOrAfter(group.sendDates, addDaysIso(to, 1)),
    );
  };
}

/** The index of the first of the ascending dates that is not before `date`. */
function firstAtOrAfter(ascending: IsoDate[], date: IsoDate): number {
  let lo = 0;
  let hi = ascending.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ascending[mid]! < date) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Each listed article's readers at its latest day against its peers, by "<accountId>:<msgid>"; one
 * query pair for all. Rows that carry their latest stat date (as article lists do) make only the
 * points of those ages be read: each article's own, and its peers' at the same day.
 */
export async function readerRankings(
  database: Database,
  rows: readonly { accountId: number; msgid: string; sendDate: IsoDate; lastStatDate?: IsoDate }[],
): Promise<Map<string, Ranking | null>> {
  const out = new Map<string, Ranking | null>();
  if (rows.length === 0) return out;
  const sendDates = rows.map((r) => r.sendDate).sort();
  const accountIds = [...new Set(rows.map((r) => r.accountId))];
  const at = rows.every((r) => r.lastStatDate !== undefined)
    ? rows.map((r) => ({
        accountId: r.accountId,
        from: peerWindow(r.sendDate).from,
        to: r.sendDate,
        day: daysBetween(r.sendDate, r.lastStatDate!),
      }))
    : undefined;
  const curves = await agedCurves(database, accountIds, peerWindow(sendDates[0]!).from, sendDates.at(-1)!, { at });
  const found = new Map(curves.map((c) => [articleKey(c), c]));
  const candidatesOf = peerIndex(curves);
  for (const row of rows) {
    const key = articleKey(row);
    const self = found.get(key);
    out.set(key, self ? rankAgainstPeers(self, peersOf(self, candidatesOf(self)), "readers") : null);
  }
  return out;
}

export interface ArticleHistory {
  /** The peers' send dates and position class. */
  from: IsoDate;
  to: IsoDate;
  positionClass: "lead" | "other";
  peers: number;
  bands: Record<BandMetric, ReturnType<typeof bands>>;
  rankings: Record<BandMetric, Ranking | null>;
}

/** One article's bands (every day it has) and rankings at its latest day, for the detail page. */
export async function articleHistory(
  database: Database,
  article: { accountId: number; msgid: string; sendDate: IsoDate; position: number | null },
): Promise<ArticleHistory | null> {
  const window = peerWindow(article.sendDate);
  const curves = await agedCurves(database, [article.accountId], window.from, article.sendDate);
  const self = curves.find((c) => c.msgid === article.msgid);
  if (!self) return null;
  const peers = peersOf(self, curves);
  const lastDay = self.points.at(-1)?.day ?? 0;
  const metric = <T>(f: (m: BandMetric) => T) =>
    Object.fromEntries(BAND_METRICS.map((m) => [m, f(m)])) as Record<BandMetric, T>;
  return {
    from: window.from,
    to: addDaysIso(article.sendDate, -1),
    positionClass: positionClass(article.position),
    peers: peers.length,
    bands: metric((m) => bands(peers, m, lastDay)),
    rankings: metric((m) => rankAgainstPeers(self, peers, m)),
  };
}
