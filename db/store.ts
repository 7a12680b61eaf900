import "server-only";

import { getTableColumns, inArray, type SQL, sql } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";

import type { IsoDate } from "@/lib/dates";
import type { EndpointName } from "@/lib/wechat/endpoints";

import type { Db } from "./client";
import { ENDPOINT_STORAGE } from "./endpoint-storage";
import { compressBody } from "./raw-archive";
import { accounts, fetchLedger, type LedgerStatus, rawResponses } from "./schema";

export interface ArchivedResponse {
  httpStatus: number | null;
  errcode: number | null;
  body: string;
  fetchedAt: Date;
}

export interface WindowResult {
  accountId: number;
  endpoint: EndpointName;
  beginDate: IsoDate;
  endDate: IsoDate;
  status: LedgerStatus;
  /** Validated API rows (only for final/provisional answers). */
  rows?: unknown[];
  errcode?: number | null;
  error?: string | null;
  attempts: number;
  responses: ArchivedResponse[];
}

const BATCH = 2000;

/**
 * Stores windows atomically, several per transaction when they complete together: their raw
 * answers, their rows (idempotent upserts on the natural key) and their ledger entries. A crash
 * never leaves rows without their ledger entry or the reverse. Returns the rows written per window.
 */
export async function storeWindows(db: Db, windows: WindowResult[]): Promise<number[]> {
  const recordsByTable = new Map<EndpointName, object[]>();
  const counts: number[] = [];
  for (const w of windows) {
    const toRecords = ENDPOINT_STORAGE[w.endpoint].toRecords as (r: unknown, a: number) => object[];
    const records = (w.rows ?? []).flatMap((row) => toRecords(row, w.accountId));
    recordsByTable.set(w.endpoint, [...(recordsByTable.get(w.endpoint) ?? []), ...records]);
    counts.push(records.length);
    // Preparing a large batch takes a while: let waiting network events (the next WeChat
    // answer) run in between, so calls in flight are not held up by storage.
    await yieldToEventLoop();
  }
  const now = new Date();
  const responses = await Promise.all(
    windows.flatMap((w) =>
      w.responses.map(async (r) => ({
        accountId: w.accountId,
        endpoint: w.endpoint,
        beginDate: w.beginDate,
        endDate: w.endDate,
        httpStatus: r.httpStatus,
        errcode: r.errcode,
        bodyGzip: await compressBody(r.body),
        fetchedAt: r.fetchedAt,
      })),
    ),
  );
  const ledger = windows.map((w, i) => ({
    accountId: w.accountId,
    endpoint: w.endpoint,
    beginDate: w.beginDate,
    endDate: w.endDate,
    status: w.status,
    errcode: w.errcode ?? null,
    error: w.error ?? null,
    rowCount: counts[i],
    attempts: w.attempts,
    fetchedAt: now,
  }));

  // One statement (data-modifying CTEs) is atomic on its own and costs one parse and plan,
  // which matters more than anything else on the embedded database.
  const parts: SQL[] = [];
  if (responses.length > 0) parts.push(rawInsertSql(responses));
  for (const [endpoint, records] of recordsByTable) {
    const { table, key } = ENDPOINT_STORAGE[endpoint];
    for (let i = 0; i < records.length; i += BATCH) {
      parts.push(insertSql(table, records.slice(i, i + BATCH), { key: key(table as never) }));
      await yieldToEventLoop();
    }
  }
  // Every account the batch touches gets a new data version: cached views of it are stale.
  const touched = [...new Set(windows.map((w) => w.accountId))];
  if (touched.length > 0)
    parts.push(
      sql`update ${accounts} set data_version = data_version + 1 where ${inArray(accounts.id, touched)} returning 1`,
    );
  const ledgerInsert = insertSql(fetchLedger, ledger, {
    key: [fetchLedger.accountId, fetchLedger.endpoint, fetchLedger.beginDate, fetchLedger.endDate],
    // A failed re-fetch never downgrades what an earlier successful fetch established.
    update: {
      status: `case when fetch_ledger.status = 'final' and excluded.status not in ('final', 'provisional') then 'final' else excluded.status end`,
    },
  });
  const ctes = parts.map((part, i) => sql`${sql.raw(`w${i}`)} as (${part})`);
  await db.execute(ctes.length > 0 ? sql`with ${sql.join(ctes, sql`, `)} ${ledgerInsert}` : ledgerInsert);
  return counts;
}

/**
 * INSERT (or upsert on `key`) of many records with one parameter: they travel as a JSON array
 * that PostgreSQL unpacks with json_to_recordset. Building a VALUES list value by value costs
 * far more CPU than the database work itself.
 */
function insertSql(
  table: PgTable,
  records: object[],
  conflict?: { key: PgColumn[]; update?: Record<string, string> },
): SQL {
  // Columns the records set; serial ids and defaults are left to the database.
  const first = records[0] as Record<string, unknown>;
  const columns = (Object.entries(getTableColumns(table)) as [string, PgColumn][]).filter(([prop]) => prop in first);
  const keyNames = new Set(conflict?.key.map((c) => c.name));
  const keyProps = columns.filter(([, c]) => keyNames.has(c.name)).map(([prop]) => prop);
  // One statement may not touch a row twice: the last record for a key wins.
  const unique = new Map<string, Record<string, unknown>>();
  for (const [i, r] of (records as Record<string, unknown>[]).entries()) {
    const row: Record<string, unknown> = {};
    for (const [prop, c] of columns) row[c.name] = r[prop] ?? null;
    unique.set(conflict ? keyProps.map((p) => r[p]).join("\u0000") : String(i), row);
  }
  const names = columns.map(([, c]) => `"${c.name}"`).join(", ");
  const types = columns.map(([, c]) => `"${c.name}" ${c.getSQLType()}`).join(", ");
  let onConflict = "";
  if (conflict) {
    const updates = columns
      .filter(([, c]) => !keyNames.has(c.name))
      .map(([, c]) => `"${c.name}" = ${conflict.update?.[c.name] ?? `excluded."${c.name}"`}`)
      .join(", ");
    onConflict = ` on conflict (${conflict.key.map((c) => `"${c.name}"`).join(", ")}) do update set ${updates}`;
  }
  const payload = JSON.stringify([...unique.values()]);
  return sql`insert into ${table} (${sql.raw(names)}) select ${sql.raw(names)} from json_to_recordset(${payload}::json) as x(${sql.raw(types)})${sql.raw(onConflict)}`;
}

/** Compressed bodies go as binary parameters: no hex text to build, ship and decode. */
function rawInsertSql(responses: (typeof rawResponses.$inferInsert)[]): SQL {
  const rows = responses.map(
    (r) =>
      sql`(${r.accountId}, ${r.endpoint}, ${r.beginDate}::date, ${r.endDate}::date, ${r.httpStatus}::smallint, ${r.errcode}::integer, ${r.bodyGzip}::bytea, ${(r.fetchedAt ?? new Date()).toISOString()}::timestamptz)`,
  );
  return sql`insert into ${rawResponses} (account_id, endpoint, begin_date, end_date, http_status, errcode, body_gzip, fetched_at) values ${sql.join(rows, sql`, `)}`;
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));
