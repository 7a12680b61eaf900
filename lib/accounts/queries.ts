import "server-only";

import { and, asc, desc, eq, inArray, max } from "drizzle-orm";

import { publicAccountColumns } from "@/db/accounts";
import type { Database } from "@/db/client";
import { accounts, fetchLedger, syncRuns } from "@/db/schema";
import { isAdmin, type SessionUser } from "@/lib/auth/access";
import { type RunStatus, runStatus } from "@/lib/sync/status";

export interface AccountSummary {
  id: number;
  name: string;
  appid: string;
  authType: "classic" | "stable" | "component";
  componentAppid: string | null;
  /** Newest day any interface holds final figures for. */
  finalThrough: string | null;
  lastRun: { id: number; status: RunStatus; startedAt: string; finishedAt: string | null; errors: number } | null;
}

/** The accounts this user may see, each with its latest sync run: for the accounts page. */
export async function accountSummaries(database: Database, user: SessionUser): Promise<AccountSummary[]> {
  const { db } = database;
  const visible = isAdmin(user) ? undefined : user.accountIds;
  if (visible && visible.length === 0) return [];
  const rows = await db
    .select(publicAccountColumns)
    .from(accounts)
    .where(visible ? inArray(accounts.id, visible) : undefined)
    .orderBy(asc(accounts.id));
  const ids = rows.map((r) => r.id);
  if (ids.length === 0) return [];
  const [finals, runs] = await Promise.all([
    db
      .select({ accountId: fetchLedger.accountId, through: max(fetchLedger.endDate) })
      .from(fetchLedger)
      .where(and(inArray(fetchLedger.accountId, ids), eq(fetchLedger.status, "final")))
      .groupBy(fetchLedger.accountId),
    db
      .selectDistinctOn([syncRuns.accountId])
      .from(syncRuns)
      .where(inArray(syncRuns.accountId, ids))
      .orderBy(syncRuns.accountId, desc(syncRuns.id)),
  ]);
  const now = new Date();
  return rows.map((a) => {
    const run = runs.find((r) => r.accountId === a.id);
    return {
      id: a.id,
      name: a.name,
      appid: a.appid,
      authType: a.authType,
      componentAppid: a.componentAppid,
      finalThrough: finals.find((f) => f.accountId === a.id)?.through ?? null,
      lastRun: run
        ? {
            id: run.id,
            status: runStatus(run, now),
            startedAt: run.startedAt.toISOString(),
            finishedAt: run.finishedAt?.toISOString() ?? null,
            errors: run.errors,
          }
        : null,
    };
  });
}

/** One account's public columns (no secrets), or null. */
export async function findPublicAccount({ db }: Database, accountId: number) {
  const [row] = await db
    .select({
      id: accounts.id,
      name: accounts.name,
      appid: accounts.appid,
      authType: accounts.authType,
      componentAppid: accounts.componentAppid,
    })
    .from(accounts)
    .where(eq(accounts.id, accountId));
  return row ?? null;
}
