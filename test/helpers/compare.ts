import { and, eq, gte, lte } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";

import type { Database } from "@/db/client";
import { ENDPOINT_STORAGE } from "@/db/endpoint-storage";
import type { IsoDate } from "@/lib/dates";
import { type EndpointName, ENDPOINTS } from "@/lib/wechat/endpoints";

interface TruthLike {
  rows(
    appid: string,
    endpoint: EndpointName,
    begin: IsoDate,
    end: IsoDate,
    opts?: { today?: string; delayDays?: number },
  ): {
    list: unknown[];
  };
}

/** The column an endpoint's windows are dated by (send/publish date for the curves). */
function windowDateColumn(endpoint: EndpointName): PgColumn {
  const table = ENDPOINT_STORAGE[endpoint].table as unknown as Record<string, PgColumn>;
  return table.sendDate ?? table.publishDate ?? table.refDate!;
}

/** What the database holds for one endpoint: every stored column but the account id (order-free). */
export async function storedRows(
  database: Database,
  accountId: number,
  endpoint: EndpointName,
  from: IsoDate,
  to: IsoDate,
) {
  const { table } = ENDPOINT_STORAGE[endpoint];
  const columns = table as unknown as Record<string, PgColumn>;
  const dateCol = windowDateColumn(endpoint);
  const rows = await database.db
    .select()
    .from(table)
    .where(and(eq(columns.accountId!, accountId), gte(dateCol, from), lte(dateCol, to)));
  return sortCanonical(rows.map((r) => withoutAccount(r as Record<string, unknown>)));
}

/** What the simulator's ground truth says the same rows are, through the same validation and mapping. */
export function truthRows(
  truth: TruthLike,
  appid: string,
  endpoint: EndpointName,
  from: IsoDate,
  to: IsoDate,
  today: IsoDate,
) {
  const toRecords = ENDPOINT_STORAGE[endpoint].toRecords as (r: unknown, a: number) => object[];
  const list = truth.rows(appid, endpoint, from, to, { today }).list;
  const records = list.flatMap((item) => toRecords(ENDPOINTS[endpoint].rowSchema.parse(item), 0));
  return sortCanonical(records.map((r) => withoutAccount(r as Record<string, unknown>)));
}

function withoutAccount(record: Record<string, unknown>) {
  const { accountId: _accountId, ...rest } = record;
  void _accountId;
  return rest;
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

function sortCanonical(values: unknown[]): string[] {
  return values.map((v) => JSON.stringify(canonical(v))).sort();
}

/** Every stored row and ledger status of an account, canonical: equal dumps mean equal databases. */
export async function dumpAccount(database: Database, accountId: number) {
  const { fetchLedger } = await import("@/db/schema");
  const rows: Record<string, string[]> = {};
  for (const endpoint of Object.keys(ENDPOINTS) as EndpointName[]) {
    rows[endpoint] = await storedRows(database, accountId, endpoint, "1900-01-01", "2999-12-31");
  }
  const ledger = await database.db
    .select({ e: fetchLedger.endpoint, b: fetchLedger.beginDate, t: fetchLedger.endDate, s: fetchLedger.status })
    .from(fetchLedger)
    .where(eq(fetchLedger.accountId, accountId));
  return { rows, ledger: ledger.map((l) => `${l.e} ${l.b} ${l.t} ${l.s}`).sort() };
}
