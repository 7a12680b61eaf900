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
import { addDaysIso, type IsoDate } from "@/lib/dates";

import { compareItemId as articleKey } from "./article-params";

/** Articles against their own account's last 90 days (lib/analytics/percentiles.ts has the definition). */

function byAccount(curves: AgedCurve[]) {
  const out = new Map<number, AgedCurve[]>();
  for (const c of curves) {
    const list = out.get(c.accountId);
    if (list) list.push(c);
    else out.set(c.accountId, [c]);
  }
  return out;
}

/**
 * Each listed article's readers at its latest day against its peers, by "<accountId>:<msgid>"; one
 * query pair for all. `only.days`: the rows' latest days (days since sending), when the caller knows
 * them; then only the points of those ages are read (a hundred accounts' 90 days of curves are large).
 */
export async function readerRankings(
  database: Database,
  rows: readonly { accountId: number; msgid: string; sendDate: IsoDate }[],
  only: { days?: number[] } = {},
): Promise<Map<string, Ranking | null>> {
  const out = new Map<string, Ranking | null>();
  if (rows.length === 0) return out;
  const sendDates = rows.map((r) => r.sendDate).sort();
  const accountIds = [...new Set(rows.map((r) => r.accountId))];
  const curves = await agedCurves(database, accountIds, peerWindow(sendDates[0]!).from, sendDates.at(-1)!, only);
  const found = new Map(curves.map((c) => [articleKey(c), c]));
  const candidates = byAccount(curves);
  for (const row of rows) {
    const key = articleKey(row);
    const self = found.get(key);
    out.set(key, self ? rankAgainstPeers(self, peersOf(self, candidates.get(row.accountId) ?? []), "readers") : null);
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
