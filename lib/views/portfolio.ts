import "server-only";

import { z } from "zod";

import { listAccounts } from "@/db/accounts";
import {
  type ArticleRow,
  articles,
  listDayRates,
  listEndpointStates,
  type PortfolioDay,
  portfolioDays,
} from "@/db/analytics";
import type { Database } from "@/db/client";
import { listFinalThrough } from "@/db/ledger";
import { listLatestSyncRuns } from "@/db/sync-runs";
import { channelsFromScenes } from "@/lib/analytics/channels";
import { deliveredFromRate, positionOf } from "@/lib/analytics/metrics";
import { beijingToday } from "@/lib/clock";
import { addDaysIso, eachDay, type IsoDate } from "@/lib/dates";
import { groupAccountIds } from "@/lib/groups/manage";
import { groupParamSchema } from "@/lib/groups/schemas";
import { isoDateSchema } from "@/lib/report-params";

import { compareItemId } from "./article-params";
import { exportTable } from "./columns";
import { readerRankings } from "./history";
import {
  AVERAGE_DAYS,
  changeAgainst,
  PORTFOLIO_TABLE,
  type PortfolioRow,
  portfolioTotals,
  SPARK_DAYS,
} from "./tables/portfolio";
import { defineView } from "./types";

/** ?group=<id>|all (default all)[&date=YYYY-MM-DD, default yesterday]: every visible account of the scope on one day. */
const schema = z.object({ group: groupParamSchema.default("all"), date: isoDateSchema.optional() });

const mean = (values: (number | null)[]) => {
  const known = values.filter((v): v is number => v !== null);
  return known.length ? known.reduce((a, b) => a + b, 0) / known.length : null;
};

const byAccount = <T extends { accountId: number }>(rows: readonly T[]) => {
  const out = new Map<number, T[]>();
  for (const r of rows) out.set(r.accountId, [...(out.get(r.accountId) ?? []), r]);
  return out;
};

/** The day's best article of each account: the one sent that day with the most readers. */
function bestOf(sent: readonly ArticleRow[]) {
  const best = new Map<number, ArticleRow>();
  for (const a of sent) {
    const b = best.get(a.accountId);
    if (!b || (a.readers ?? -1) > (b.readers ?? -1)) best.set(a.accountId, a);
  }
  return best;
}

/** Interfaces that stopped: retired, or out of quota / suspended (47009) on the day or today. */
function stoppedOf(
  states: readonly {
    endpoint: string;
    retiredAt: Date | null;
    quotaBlockedOn: string | null;
    offlineLast: string | null;
  }[],
  date: IsoDate,
  today: IsoDate,
) {
  const recent = (d: string | null) => d === date || d === today;
  return states
    .filter((s) => s.retiredAt !== null || recent(s.quotaBlockedOn) || recent(s.offlineLast))
    .map((s) => s.endpoint)
    .sort();
}

/**
 * Every account of the scope the user may see on one day (default yesterday): a handful of
 * set-based queries for all accounts together, never one per account.
 */
export async function loadPortfolio(database: Database, accountIds: number[], date: IsoDate, today: IsoDate) {
  if (accountIds.length === 0) return [];
  const from = addDaysIso(date, -(SPARK_DAYS - 1));
  const [list, days, sent, rates, finals, runs, states] = await Promise.all([
    listAccounts(database, accountIds),
    portfolioDays(database, { accountIds, from, to: date }),
    articles(database, { accountIds, from: date, to: date }),
    listDayRates(database, accountIds, date),
    listFinalThrough(database.db, accountIds),
    listLatestSyncRuns(database, accountIds),
    listEndpointStates(database, accountIds),
  ]);
  const best = bestOf(sent);
  const rankings = await readerRankings(database, [...best.values()]);
  const daysOf = byAccount<PortfolioDay>(days);
  const sentOf = byAccount(sent);
  const statesOf = byAccount(states);
  const sparkDates = eachDay(from, date);
  const averageDates = new Set(eachDay(addDaysIso(date, -AVERAGE_DAYS), addDaysIso(date, -1)));
  return list.map((account): PortfolioRow => {
    const own = new Map((daysOf.get(account.id) ?? []).map((d) => [d.date, d]));
    const readers = own.get(date)?.readers ?? null;
    const readersAvg7 = mean([...averageDates].map((d) => own.get(d)?.readers ?? null));
    // 送达阅读率 of the day is the headline's (position 1 of a send with notification), as WeChat shows it.
    const headline = rates.find((r) => r.accountId === account.id && r.publishType === 0 && positionOf(r.msgid) === 1);
    const notificationReaders = headline
      ? (channelsFromScenes(headline.readUserSource).bySource.session ?? null)
      : null;
    const delivered = headline ? deliveredFromRate(notificationReaders, headline.readDeliveryRate) : null;
    const top = best.get(account.id);
    const ranking = top ? rankings.get(compareItemId(top)) : null;
    const run = runs.find((r) => r.accountId === account.id);
    return {
      accountId: account.id,
      accountName: account.name,
      readers,
      readersAvg7,
      readersChange: changeAgainst(readers, readersAvg7),
      deliveryReadRate: headline?.readDeliveryRate ?? null,
      notificationReaders: delivered === null ? null : notificationReaders,
      delivered,
      netFollowers: own.get(date)?.netFollowers ?? null,
      articlesSent: sentOf.get(account.id)?.length ?? 0,
      bestMsgid: top?.msgid ?? null,
      bestAccountId: top?.accountId ?? null,
      bestTitle: top ? top.title || top.msgid : null,
      bestReaders: top?.readers ?? null,
      bestPercentile: ranking ? Math.round(ranking.percentile * 10) / 10 : null,
      spark: sparkDates.map((d) => own.get(d)?.readers ?? null),
      finalThrough: finals.find((f) => f.accountId === account.id)?.through ?? null,
      syncErrors: run ? run.errors : null,
      stopped: stoppedOf(statesOf.get(account.id) ?? [], date, today),
    };
  });
}

export const portfolioView = defineView({
  schema,
  // The scope is resolved against the user's own accounts in load (groupAccountIds): only those are read.
  accounts: () => [],
  async load(database, p, user) {
    const today = beijingToday();
    const date = p.date ?? addDaysIso(today, -1);
    const accountIds = await groupAccountIds(database, user, p.group);
    const rows = await loadPortfolio(database, accountIds, date, today);
    return { date, from: addDaysIso(date, -(SPARK_DAYS - 1)), rows, totals: portfolioTotals(rows) };
  },
  tables: (data, _input, label) => [
    exportTable(PORTFOLIO_TABLE, [...data.rows, { ...data.totals, accountName: label("portfolio.totals") }], label),
  ],
  fileName: (p) => `portfolio-${p.group === "all" ? "all" : `group-${p.group}`}-${p.date ?? "latest"}`,
});

export type PortfolioData = Awaited<ReturnType<typeof portfolioView.load>>;
export type { PortfolioRow };
