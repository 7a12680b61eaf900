import "server-only";

import type { Database } from "@/db/client";
import { listLegacyThrough } from "@/db/ledger";
import { visibleAccounts } from "@/lib/accounts/queries";
import type { IsoDate } from "@/lib/dates";
import { hasExplicitRange, historyRedirect } from "@/lib/history-range";
import { accountIdSchema } from "@/lib/report-params";

/** Per account, the last day the legacy interfaces have figures for; accounts that never had any are absent. */
export async function lastLegacyDays(database: Database, accountIds: number[]): Promise<Record<number, IsoDate>> {
  if (accountIds.length === 0) return {};
  const rows = await listLegacyThrough(database.db, accountIds);
  return Object.fromEntries(rows.flatMap((r) => (r.through ? [[r.accountId, r.through]] : [])));
}

/**
 * A history page opened without a range: the URL to go to instead (the 30 days ending on the
 * account's last legacy day), or null to show the page as asked.
 */
export async function historyPageRedirect(
  database: Database,
  user: { accountIds: number[] },
  path: string,
  params: Record<string, string | string[] | undefined>,
): Promise<string | null> {
  if (hasExplicitRange(params)) return null;
  const asked = accountIdSchema.safeParse([params.account].flat()[0]);
  const account = asked.success ? asked.data : ((await visibleAccounts(database, user))[0]?.id ?? null);
  if (account === null) return null;
  const last = (await lastLegacyDays(database, [account]))[account] ?? null;
  return historyRedirect(path, params, account, last);
}
