import { sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import type { SessionUser } from "@/lib/auth/access";
import { createUser } from "@/lib/users/manage";
import { articlesView } from "@/lib/views/articles";
import { headerText } from "@/lib/views/export-file";

import { createHarness, type Harness } from "../helpers/harness";

/**
 * Files from the real export route (session, rights, audit, writers) over a synced simulator
 * account: rates as percentages, real dates, one language, no figure columns the generation
 * lacks, formula-like titles escaped, the account's name in the file name.
 */
const state = vi.hoisted(() => ({ user: null as SessionUser | null, database: null as unknown }));
vi.mock("@/lib/auth/session", () => ({ currentUser: async () => state.user }));
vi.mock("@/db/client", async (original) => ({
  ...(await original<typeof import("@/db/client")>()),
  getDatabase: async () => state.database,
}));
vi.mock("@/lib/i18n/server", () => ({ getLocale: async () => "en" }));

const { exportRoute } = await import("@/lib/views/routes");

const TODAY = "2025-11-12";
// Legacy only until 2025-10-31; the new generation from 2025-11-01.
const LEGACY_FROM = "2025-10-27";
const LEGACY_TO = "2025-10-31";
const TO = "2025-11-05";
// The previous period of LEGACY_FROM–TO, for the changes.
const PREVIOUS_FROM = "2025-10-17";
const FORMULA_TITLE = '=HYPERLINK("http://evil.test","click")';
const DASH_TITLE = "-2+3 ways to read";

let h: Harness;
let accountName: string;

const get = (view: string, query: string) =>
  exportRoute(new Request(`http://readout.test/api/export/${view}?${query}`), { params: Promise.resolve({ view }) });

async function csvText(response: Response) {
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
  return Buffer.from(await response.arrayBuffer())
    .toString("utf8")
    .replace(/^\uFEFF/, "")
    .trim();
}
const csvOf = async (response: Response) => Papa.parse<string[]>(await csvText(response)).data;

async function bookOf(response: Response) {
  expect(response.status).toBe(200);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(await response.arrayBuffer());
  return book;
}

/** The UTF-8 file name of a Content-Disposition header. */
const fileName = (response: Response) =>
  decodeURIComponent(/filename\*=UTF-8''(.+)$/.exec(response.headers.get("content-disposition")!)![1]!);

beforeAll(async () => {
  h = await createHarness({ today: TODAY, legacyRetiredOn: "never" });
  const summary = await h.sync(PREVIOUS_FROM, TO);
  expect(summary.errors).toEqual([]);
  accountName = h.account.name;
  const admin = await createUser(h.database, { email: "admin@exports.test", role: "admin", password: "password-a" });
  state.user = { id: admin.id, email: "admin@exports.test", name: "", role: "admin", accountIds: [h.account.id] };
  state.database = h.database;
});
afterAll(async () => h?.close());

describe("the export route", () => {
  it("names the file after the account; the header carries the Chinese name as UTF-8", async () => {
    expect(accountName).toMatch(/[\u4e00-\u9fff]/);
    const csv = await get(
      "overview",
      `account=${h.account.id}&from=${LEGACY_FROM}&to=${TO}&format=csv&lang=zh&table=daily`,
    );
    expect(fileName(csv)).toBe(`${accountName}-overview-${LEGACY_FROM}_${TO}-daily.csv`);
    expect(csv.headers.get("content-disposition")).toMatch(/^attachment; filename="[\x20-\x7e]+"; filename\*=/);
    const all = await get("articles", `group=all&from=${LEGACY_FROM}&to=${TO}&format=xlsx&lang=zh`);
    expect(fileName(all)).toBe(`我的全部公众号-articles-${LEGACY_FROM}_${TO}.xlsx`);
  });

  it("writes one language: the generation in the file's language, never the raw value", async () => {
    const [header, ...rows] = await csvOf(
      await get("overview", `account=${h.account.id}&from=${LEGACY_FROM}&to=${TO}&format=csv&lang=zh&table=daily`),
    );
    const generation = header!.indexOf(headerText("col.generation", "zh"));
    expect(new Set(rows.map((r) => r[generation]))).toEqual(new Set(["旧版接口", "新版接口"]));
    expect(rows.flat().filter((cell) => /^(legacy|new)$/.test(cell))).toEqual([]);
  });

  it("leaves out the figures the legacy generation lacks, and keeps them once a day has them", async () => {
    const newOnly = (["likes", "zaikan", "comments"] as const).map((m) => headerText(`metric.${m}`, "en"));
    const [legacyHeader] = await csvOf(
      await get(
        "overview",
        `account=${h.account.id}&from=${LEGACY_FROM}&to=${LEGACY_TO}&format=csv&lang=en&table=daily`,
      ),
    );
    expect(legacyHeader).toContain("Readers");
    for (const name of newOnly) expect(legacyHeader).not.toContain(name);
    const [mixedHeader] = await csvOf(
      await get("overview", `account=${h.account.id}&from=${LEGACY_FROM}&to=${TO}&format=csv&lang=en&table=daily`),
    );
    for (const name of newOnly) expect(mixedHeader).toContain(name);
  });

  describe("articles", () => {
    let msgids: string[];
    beforeAll(async () => {
      const input = articlesView.schema.parse({ account: String(h.account.id), from: LEGACY_FROM, to: TO });
      msgids = (await articlesView.load(h.database, input, state.user!)).rows.map((r) => r.msgid);
      expect(msgids.length).toBeGreaterThan(2);
      // Titles come from outside: an article titled like a formula.
      for (const [msgid, title] of [
        [msgids[0]!, FORMULA_TITLE],
        [msgids[1]!, DASH_TITLE],
      ])
        for (const table of ["legacy_article_total", "article_total_detail"])
          await h.database.db.execute(sql`update ${sql.identifier(table)} set title = ${title} where msgid = ${msgid}`);
    });
    const load = async () =>
      articlesView.load(
        h.database,
        articlesView.schema.parse({ account: String(h.account.id), from: LEGACY_FROM, to: TO }),
        state.user!,
      );
    const query = (format: string) => `account=${h.account.id}&from=${LEGACY_FROM}&to=${TO}&format=${format}&lang=en`;

    it("CSV: titles escaped, read rates as percentages equal to the page's", async () => {
      const data = await load();
      const text = await csvText(await get("articles", query("csv")));
      const rows = Papa.parse<Record<string, string>>(text, { header: true }).data;
      const byMsgid = new Map(rows.map((r) => [r[headerText("articles.col.msgid", "en")], r]));
      expect(byMsgid.get(msgids[0])!.Title).toBe(`'${FORMULA_TITLE}`);
      expect(byMsgid.get(msgids[1])!.Title).toBe(`'${DASH_TITLE}`);
      for (const row of data.rows) {
        const cell = byMsgid.get(row.msgid)!["Readers ÷ delivered"]!;
        if (row.readRate === null) expect(cell).toBe("");
        else {
          expect(cell).toMatch(/^\d+(\.\d+)?%$/);
          expect(parseFloat(cell) / 100).toBeCloseTo(row.readRate, 12);
        }
      }
    });

    it("XLSX: real send dates, read rates formatted as %, titles as escaped text", async () => {
      const data = await load();
      const sheet = (await bookOf(await get("articles", query("xlsx")))).getWorksheet("Articles")!;
      const header = (sheet.getRow(1).values as unknown[]).slice(1);
      const col = (name: string) => header.indexOf(name) + 1;
      const rowOf = new Map<string, ExcelJS.Row>();
      sheet.eachRow((row, n) => {
        if (n > 1) rowOf.set(row.getCell(col(headerText("articles.col.msgid", "en"))).text, row);
      });
      expect(rowOf.size).toBe(data.rows.length);
      for (const article of data.rows) {
        const row = rowOf.get(article.msgid)!;
        const sent = row.getCell(col("Send date"));
        expect(sent.type).toBe(ExcelJS.ValueType.Date);
        expect(sent.value).toEqual(new Date(`${article.sendDate}T00:00:00Z`));
        expect(sent.numFmt).toBe("yyyy-mm-dd");
        const rate = row.getCell(col("Readers ÷ delivered"));
        if (article.readRate !== null) {
          expect(rate.value).toBe(article.readRate);
          expect(rate.numFmt).toBe("0.00%");
        }
        expect(row.getCell(col("Readers")).value).toBe(article.readers);
      }
      const title = rowOf.get(msgids[0]!)!.getCell(col("Title"));
      expect(title.type).toBe(ExcelJS.ValueType.String);
      expect(title.value).toBe(`'${FORMULA_TITLE}`);
      expect(rowOf.get(msgids[1]!)!.getCell(col("Title")).value).toBe(`'${DASH_TITLE}`);
      // The KPI sheet: counts stay counts, the change is a percentage.
      const kpis = (await bookOf(await get("articles", query("xlsx")))).worksheets[1]!;
      const kpiHeader = kpis.getRow(1).values as unknown[];
      const changes: ExcelJS.Cell[] = [];
      kpis.eachRow((row, n) => {
        if (n === 1) return;
        expect(row.getCell(kpiHeader.indexOf(headerText("col.value", "en"))).numFmt).toBeUndefined();
        changes.push(row.getCell(kpiHeader.indexOf(headerText("col.change", "en"))));
      });
      expect(changes.length).toBe(4);
      for (const cell of changes) if (cell.value !== null) expect(cell.numFmt).toBe("0.00%");
    });
  });
});
