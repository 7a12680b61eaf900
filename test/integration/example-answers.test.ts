import fs from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";

import { eq } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createAccount } from "@/db/accounts";
import type { Database } from "@/db/client";
import { ENDPOINT_STORAGE } from "@/db/endpoint-storage";
import { addDaysIso, type IsoDate } from "@/lib/dates";
import { createTokenManager, runSync, type SyncContext } from "@/lib/sync/runner";
import type { EndpointName } from "@/lib/wechat/endpoints";
import type { HttpOptions } from "@/lib/wechat/http";

import { createTestDatabase, type TestDatabase } from "../helpers/db";

/**
 * Every example answer of the seed documents and the shared reference payloads
 * (test/fixtures/answers/README.md) goes through the real sync path: a local HTTP server playing
 * WeChat, the client, validation, the store. What is stored must equal the answer field for field.
 */

const FIXTURES = path.join(__dirname, "../fixtures/answers");

type Expect = { stored: true } | { rejected: RegExp };
const STORED: Expect = { stored: true };

const ANSWERS: Record<string, { endpoint: EndpointName; expect?: Expect }> = {
  "seeds/000_1.json": { endpoint: "getuserreadhour" },
  "seeds/001_1.json": { endpoint: "getusersharehour" },
  "seeds/002_1.json": { endpoint: "getarticlesummary" },
  "seeds/003_1.json": { endpoint: "getarticlesummary" },
  "seeds/003_2.json": { endpoint: "getarticletotal" },
  "seeds/003_3.json": { endpoint: "getuserread" },
  "seeds/003_4.json": { endpoint: "getuserreadhour" },
  "seeds/003_5.json": { endpoint: "getusershare" },
  "seeds/003_6.json": { endpoint: "getusersharehour" },
  "seeds/004_1.json": { endpoint: "getarticletotal" },
  "reference/doc_2015_getuserreadhour_with_user_source.json": { endpoint: "getuserreadhour" },
  "reference/official_doc_2015_getarticletotal_example.json": { endpoint: "getarticletotal" },
  "reference/godcong_wego_getarticlesummary_empty.json": { endpoint: "getarticlesummary" },
  "reference/wechatpy_wechatpy__tests_fixtures_datacube_getarticlesummary.json": { endpoint: "getarticlesummary" },
  "reference/wechatpy_wechatpy__tests_fixtures_datacube_getarticletotal.json": { endpoint: "getarticletotal" },
  "reference/wechatpy_wechatpy__tests_fixtures_datacube_getuserread.json": { endpoint: "getuserread" },
  "reference/wechatpy_wechatpy__tests_fixtures_datacube_getuserreadhour.json": { endpoint: "getuserreadhour" },
  "reference/wechatpy_wechatpy__tests_fixtures_datacube_getusershare.json": { endpoint: "getusershare" },
  "reference/wechatpy_wechatpy__tests_fixtures_datacube_getusersharehour.json": { endpoint: "getusersharehour" },
  "reference/getarticleread_doc_example.json": { endpoint: "getarticleread" },
  "reference/getarticleshare_doc_example.json": { endpoint: "getarticleshare" },
  "reference/getarticletotaldetail_doc_example.json": { endpoint: "getarticletotaldetail" },
  "reference/getbizsummary_doc_example.json": { endpoint: "getbizsummary" },
  "reference/fbif_datacube_test_getarticleread_raw.json": { endpoint: "getarticleread" },
  "reference/thirdparty_go_ledger_test_getarticletotaldetail_mixed_publish_type.json": {
    endpoint: "getarticletotaldetail",
  },
  "reference/thirdparty_go_publisher_test_getarticletotaldetail.json": { endpoint: "getarticletotaldetail" },
  "reference/thirdparty_rust_test_getarticleread.json": { endpoint: "getarticleread" },
  "reference/thirdparty_rust_test_getarticleshare.json": { endpoint: "getarticleshare" },
  "reference/thirdparty_rust_test_getarticletotaldetail.json": { endpoint: "getarticletotaldetail" },
  "reference/thirdparty_rust_test_getbizsummary.json": { endpoint: "getbizsummary" },
  "reference/thirdparty_ts_stats_test_getarticleread.json": { endpoint: "getarticleread" },
  "reference/thirdparty_ts_stats_test_getarticletotaldetail.json": { endpoint: "getarticletotaldetail" },
  "reference/thirdparty_ts_stats_test_getbizsummary.json": { endpoint: "getbizsummary" },
  // SOURCES.md: "shape does not match official doc" (read_user_source items and read_jump_position differ).
  "reference/thirdparty_go_officialapi_test_getarticletotaldetail_is_delay_true.json": {
    endpoint: "getarticletotaldetail",
    expect: { rejected: /list\[0\] detail_list\.0\.read_user_source\.0\.scene_desc/ },
  },
  // A test stub without ref_date: there is no window it could belong to.
  "reference/thirdparty_python_test_getarticletotaldetail_minimal.json": {
    endpoint: "getarticletotaldetail",
    expect: { rejected: /list\[0\] ref_date/ },
  },
};

type Item = Record<string, unknown>;
type StoredRecord = Record<string, unknown> & { extra: Record<string, unknown>; breakdown?: Record<string, unknown> };

let testDb: TestDatabase;
let database: Database;
let serving = "{}";
let server: ReturnType<typeof createServer>;
let baseUrl = "";

beforeAll(async () => {
  testDb = await createTestDatabase();
  database = await testDb.open();
  server = createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      const body = req.url?.startsWith("/cgi-bin/token")
        ? '{"access_token":"example-token","expires_in":7200}'
        : serving;
      res.writeHead(200, { "content-type": "application/json" });
      res.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await testDb.drop();
});

it("covers every example answer kept in test/fixtures/answers", () => {
  const files = ["seeds", "reference"].flatMap((dir) =>
    fs.readdirSync(path.join(FIXTURES, dir)).map((f) => `${dir}/${f}`),
  );
  expect(files.sort()).toEqual(Object.keys(ANSWERS).sort());
});

let accountNumber = 0;

async function syncAnswer(endpoint: EndpointName, body: string) {
  const list = (JSON.parse(body) as { list: Item[] }).list;
  const dates = list.map((r) => r.ref_date).filter((d): d is string => typeof d === "string");
  const from: IsoDate = dates.length > 0 ? dates.reduce((a, b) => (a < b ? a : b)) : "2026-01-01";
  const to: IsoDate = dates.length > 0 ? dates.reduce((a, b) => (a > b ? a : b)) : from;
  const account = await createAccount(database, {
    authType: "classic",
    name: `example ${++accountNumber}`,
    appid: `wxexample${String(accountNumber).padStart(8, "0")}`,
    secret: "example-secret",
  });
  const http: HttpOptions = { baseUrl, timeoutMs: 2_000, maxAttempts: 2, minBackoffMs: 5 };
  const today = addDaysIso(to, 60);
  const ctx: SyncContext = {
    database,
    http,
    tokens: createTokenManager(database, http),
    now: () => new Date(`${today}T12:00:00+08:00`),
  };
  serving = body;
  const summary = await runSync(ctx, { accountId: account.id, from, to, concurrency: 2, endpoints: [endpoint] });
  const { table } = ENDPOINT_STORAGE[endpoint];
  const accountColumn = (table as unknown as { accountId: PgColumn }).accountId;
  const records = (await database.db.select().from(table).where(eq(accountColumn, account.id))) as StoredRecord[];
  return { list, summary, records };
}

/** msgid as stored: some servers send its number part as a number. */
const msgidOf = (v: unknown) => (typeof v === "number" || typeof v === "string" ? String(v) : undefined);

const camel = (key: string) => key.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/** One answer field as stored: its own column, the legacy breakdown, or the record's extra fields. */
function storedValue(record: StoredRecord, key: string, nested: boolean): unknown {
  if (key === "ref_hour") return (record.hour as number) * 100;
  if (key === "ref_date") return record.refDate ?? record.sendDate ?? record.publishDate;
  if (key === "user_source" && !("userSource" in record)) return record.extra[key];
  if (camel(key) in record) return record[camel(key)];
  if (record.breakdown && key in record.breakdown) return record.breakdown[key];
  const detailExtra = record.extra.detail as Record<string, unknown> | undefined;
  return nested && detailExtra && key in detailExtra ? detailExtra[key] : record.extra[key];
}

function expectFields(record: StoredRecord, fields: Item, where: string, nested = false) {
  for (const [key, value] of Object.entries(fields)) {
    if (key === "detail" && value && typeof value === "object") {
      expectFields(record, value as Item, where, true);
      continue;
    }
    const expected = key === "msgid" ? msgidOf(value) : value;
    expect(storedValue(record, key, nested), `${where} ${key}`).toEqual(expected);
  }
}

describe("example answers, end to end", () => {
  for (const [file, { endpoint, expect: outcome = STORED }] of Object.entries(ANSWERS)) {
    it(`${file} (${endpoint})`, async () => {
      const body = fs.readFileSync(path.join(FIXTURES, file), "utf8");
      const { list, summary, records } = await syncAnswer(endpoint, body);
      if ("rejected" in outcome) {
        expect(summary.errors).toHaveLength(1);
        expect(summary.errors[0]?.message).toMatch(outcome.rejected);
        expect(records).toEqual([]);
        return;
      }
      expect(summary.errors).toEqual([]);
      expect(summary.rowsOutsideWindow).toBe(0);
      let expectedRecords = 0;
      for (const [index, item] of list.entries()) {
        const curve = (item.details ?? item.detail_list) as Item[] | undefined;
        if (curve) {
          const { details: _d, detail_list: _l, ...head } = item;
          void _d;
          void _l;
          for (const entry of curve) {
            expectedRecords++;
            const record = records.find((r) => r.msgid === msgidOf(item.msgid) && r.statDate === entry.stat_date);
            expect(record, `list[${index}] ${String(entry.stat_date)} stored`).toBeDefined();
            expectFields(record!, head, `list[${index}]`);
            expectFields(record!, entry, `list[${index}] ${String(entry.stat_date)}`);
          }
          continue;
        }
        expectedRecords++;
        const record = records.find(
          (r) =>
            r.refDate === item.ref_date &&
            (item.msgid === undefined || r.msgid === msgidOf(item.msgid)) &&
            (item.ref_hour === undefined || (r.hour as number) * 100 === item.ref_hour) &&
            (item.share_scene === undefined || r.shareScene === item.share_scene) &&
            (!("userSource" in r) || r.userSource === (item.user_source ?? 99999999)),
        );
        expect(record, `list[${index}] stored`).toBeDefined();
        expectFields(record!, item, `list[${index}]`);
        if ("userSource" in record! && item.user_source === undefined) expect(record.userSource).toBe(99999999);
      }
      expect(records).toHaveLength(expectedRecords);
    });
  }
});
