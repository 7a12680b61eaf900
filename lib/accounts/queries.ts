import "server-only";

import { findAccount, listAccounts } from "@/db/accounts";
import type { Database } from "@/db/client";
import { listFinalThrough } from "@/db/ledger";
import { listLatestSyncRuns } from "@/db/sync-runs";
import { isAdmin, type SessionUser } from "@/lib/auth/access";
import { type RunStatus, runStatus } from "@/lib/sync/status";

/** The pages' reads of accounts; none returns a secret. */

export { findAccount, listAccounts };

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
  const visible = isAdmin(user) ? undefined : user.accountIds;
  if (visible && visible.length === 0) return [];
  const rows = await listAccounts(database, visible);
  const ids = rows.map((r) => r.id);
  if (ids.length === 0) return [];
  const [finals, runs] = await Promise.all([listFinalThrough(database.db, ids), listLatestSyncRuns(database, ids)]);
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

/** The accounts a user may see, names only: for switchers and pickers. */
export async function visibleAccounts(database: Database, user: { accountIds: number[] }) {
  const all = await listAccounts(database);
  return all.filter((a) => user.accountIds.includes(a.id)).map((a) => ({ id: a.id, name: a.name, appid: a.appid }));
}
