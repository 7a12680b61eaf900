import "server-only";

import { and, eq, gte, inArray, lte, max, type SQL } from "drizzle-orm";

import type { IsoDate } from "@/lib/dates";
import type { EndpointName } from "@/lib/wechat/endpoints";

import type { Db } from "./client";
import { endpointState, fetchLedger, type LedgerStatus } from "./schema";

/** What was fetched when, per window (fetch_ledger), and which interfaces stopped answering (endpoint_state). */

export interface LedgerEntry {
  endpoint: string;
  beginDate: IsoDate;
  endDate: IsoDate;
  status: LedgerStatus;
  fetchedAt: Date;
  errcode: number | null;
  error: string | null;
}

/** An account's ledger, oldest fetch first: for some interfaces, or the windows overlapping [from, to]. */
export function loadLedger(
  db: Db,
  accountId: number,
  only: { endpoints?: EndpointName[]; from?: IsoDate; to?: IsoDate } = {},
): Promise<LedgerEntry[]> {
  const conditions: SQL[] = [eq(fetchLedger.accountId, accountId)];
  if (only.endpoints) conditions.push(inArray(fetchLedger.endpoint, only.endpoints));
  if (only.to) conditions.push(lte(fetchLedger.beginDate, only.to));
  if (only.from) conditions.push(gte(fetchLedger.endDate, only.from));
  return db
    .select({
      endpoint: fetchLedger.endpoint,
      beginDate: fetchLedger.beginDate,
      endDate: fetchLedger.endDate,
      status: fetchLedger.status,
      fetchedAt: fetchLedger.fetchedAt,
      errcode: fetchLedger.errcode,
      error: fetchLedger.error,
    })
    .from(fetchLedger)
    .where(and(...conditions))
    .orderBy(fetchLedger.fetchedAt);
}

/** The account's final windows: what no sync needs to fetch again. */
export function listFinalWindows(db: Db, accountId: number) {
  return db
    .select({ endpoint: fetchLedger.endpoint, endDate: fetchLedger.endDate })
    .from(fetchLedger)
    .where(and(eq(fetchLedger.accountId, accountId), eq(fetchLedger.status, "final")));
}

/** Per account, the newest day any interface holds final figures for. */
export function listFinalThrough(db: Db, accountIds: number[]) {
  return db
    .select({ accountId: fetchLedger.accountId, through: max(fetchLedger.endDate) })
    .from(fetchLedger)
    .where(and(inArray(fetchLedger.accountId, accountIds), eq(fetchLedger.status, "final")))
    .groupBy(fetchLedger.accountId);
}

export interface EndpointStates {
  retired: Set<string>;
  /** endpoint -> Beijing date on which it ran out of quota */
  quotaBlockedOn: Map<string, IsoDate>;
}

export async function loadEndpointStates(db: Db, accountId: number): Promise<EndpointStates> {
  const rows = await db.select().from(endpointState).where(eq(endpointState.accountId, accountId));
  return {
    retired: new Set(rows.filter((r) => r.retiredAt).map((r) => r.endpoint)),
    quotaBlockedOn: new Map(rows.filter((r) => r.quotaBlockedOn).map((r) => [r.endpoint, r.quotaBlockedOn as IsoDate])),
  };
}

export async function markEndpoint(
  db: Db,
  accountId: number,
  endpoint: EndpointName,
  change: { retiredAt: Date } | { quotaBlockedOn: IsoDate },
) {
  await db
    .insert(endpointState)
    .values({ accountId, endpoint, ...change })
    .onConflictDoUpdate({ target: [endpointState.accountId, endpointState.endpoint], set: change });
}

/** The account's windows still provisional that end on or after `since`. */
export function listProvisionalWindows(db: Db, accountId: number, since: IsoDate) {
  return db
    .select({ endpoint: fetchLedger.endpoint, beginDate: fetchLedger.beginDate, endDate: fetchLedger.endDate })
    .from(fetchLedger)
    .where(
      and(eq(fetchLedger.accountId, accountId), eq(fetchLedger.status, "provisional"), gte(fetchLedger.endDate, since)),
    );
}
