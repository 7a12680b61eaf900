import "server-only";

import { desc, eq, sql } from "drizzle-orm";

import { publicAccountColumns } from "./accounts";
import type { Database } from "./client";
import { accounts, fetchLedger, syncRuns } from "./schema";

/** Accounts with their newest sync run and ledger counts, for the overview page. */
export async function accountsOverview({ db }: Database) {
  const latestRun = db
    .selectDistinctOn([syncRuns.accountId], {
      accountId: syncRuns.accountId,
      status: syncRuns.status,
      startedAt: syncRuns.startedAt,
      windowsDone: syncRuns.windowsDone,
      windowsTotal: syncRuns.windowsTotal,
    })
    .from(syncRuns)
    .orderBy(syncRuns.accountId, desc(syncRuns.startedAt))
    .as("latest_run");
  const ledgerCounts = db
    .select({
      accountId: fetchLedger.accountId,
      final: sql<number>`count(*) filter (where ${fetchLedger.status} = 'final')`.mapWith(Number).as("final"),
      pending: sql<number>`count(*) filter (where ${fetchLedger.status} <> 'final')`.mapWith(Number).as("pending"),
    })
    .from(fetchLedger)
    .groupBy(fetchLedger.accountId)
    .as("ledger_counts");
  return db
    .select({
      ...publicAccountColumns,
      lastSyncStatus: latestRun.status,
      lastSyncAt: latestRun.startedAt,
      finalWindows: ledgerCounts.final,
      pendingWindows: ledgerCounts.pending,
    })
    .from(accounts)
    .leftJoin(latestRun, eq(latestRun.accountId, accounts.id))
    .leftJoin(ledgerCounts, eq(ledgerCounts.accountId, accounts.id))
    .orderBy(accounts.id);
}
