import "server-only";

import { and, eq, gte, inArray, lte, max, type SQL } from "drizzle-orm";

import { addDaysIso, daysBetween, type IsoDate } from "@/lib/dates";
import { type EndpointName, endpointsOf } from "@/lib/wechat/endpoints";

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

/**
 * Per account, the last day a legacy interface holds figures for (a final or provisional window):
 * after WeChat retired them, where the account's legacy history ends. Accounts without any are absent.
 */
export function listLegacyThrough(db: Db, accountIds: number[]) {
  return db
    .select({ accountId: fetchLedger.accountId, through: max(fetchLedger.endDate) })
    .from(fetchLedger)
    .where(
      and(
        inArray(fetchLedger.accountId, accountIds),
        inArray(fetchLedger.endpoint, endpointsOf("legacy")),
        inArray(fetchLedger.status, ["final", "provisional"]),
      ),
    )
    .groupBy(fetchLedger.accountId);
}

export interface EndpointStates {
  retired: Set<string>;
  /** endpoint -> the Beijing date of its latest 47009 (new generation: suspended that day) */
  suspendedOn: Map<string, IsoDate>;
  /** endpoint -> Beijing date on which it ran out of quota */
  quotaBlockedOn: Map<string, IsoDate>;
}

export async function loadEndpointStates(db: Db, accountId: number): Promise<EndpointStates> {
  const rows = await db.select().from(endpointState).where(eq(endpointState.accountId, accountId));
  return {
    retired: new Set(rows.filter((r) => r.retiredAt).map((r) => r.endpoint)),
    suspendedOn: new Map(rows.filter((r) => r.offlineLast).map((r) => [r.endpoint, r.offlineLast as IsoDate])),
    quotaBlockedOn: new Map(rows.filter((r) => r.quotaBlockedOn).map((r) => [r.endpoint, r.quotaBlockedOn as IsoDate])),
  };
}

/** New-generation 47009 days in a row before an interface counts as retired. */
export const RETIRE_AFTER_OFFLINE_DAYS = 7;

/**
 * Records a new-generation 47009 on `today`: the interface is suspended for the day, and retired
 * once 47009 has come on RETIRE_AFTER_OFFLINE_DAYS consecutive days. Returns the streak.
 */
export async function markOffline(db: Db, accountId: number, endpoint: EndpointName, today: IsoDate) {
  const [row] = await db
    .select()
    .from(endpointState)
    .where(and(eq(endpointState.accountId, accountId), eq(endpointState.endpoint, endpoint)));
  const continues = row?.offlineLast === today || row?.offlineLast === addDaysIso(today, -1);
  const since = continues && row?.offlineSince ? row.offlineSince : today;
  const days = daysBetween(since, today) + 1;
  const change = {
    offlineSince: since,
    offlineLast: today,
    ...(days >= RETIRE_AFTER_OFFLINE_DAYS ? { retiredAt: new Date() } : {}),
  };
  await db
    .insert(endpointState)
    .values({ accountId, endpoint, ...change })
    .onConflictDoUpdate({ target: [endpointState.accountId, endpointState.endpoint], set: change });
  return { days, retired: days >= RETIRE_AFTER_OFFLINE_DAYS };
}

/** An interface answered again: its 47009 streak ends. */
export async function clearOffline(db: Db, accountId: number, endpoints: EndpointName[]) {
  if (endpoints.length === 0) return;
  await db
    .update(endpointState)
    .set({ offlineSince: null, offlineLast: null })
    .where(and(eq(endpointState.accountId, accountId), inArray(endpointState.endpoint, endpoints)));
}

/** An admin's re-check found a retired interface answering: it is called again. */
export async function reinstateEndpoint(db: Db, accountId: number, endpoint: EndpointName) {
  await db
    .update(endpointState)
    .set({ retiredAt: null, offlineSince: null, offlineLast: null })
    .where(and(eq(endpointState.accountId, accountId), eq(endpointState.endpoint, endpoint)));
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
