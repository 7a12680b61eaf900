import ExcelJS from "exceljs";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";

import {
  contentDisposition,
  escapeFormula,
  filledColumns,
  headerText,
  safeFileName,
  toCsv,
  toXlsx,
} from "@/lib/views/export-file";
import type { ExportTable } from "@/lib/views/types";

const TABLE: ExportTable = {
  id: "articles",
  title: "articles.table",
  columns: [
    { key: "sendDate", header: "articles.col.sendDate", format: "date" },
    { key: "title", header: "articles.col.title", format: "text" },
    { key: "readers", header: "metric.readers", format: "count" },
    { key: "readRate", header: "metric.readRate", format: "percent" },
    { key: "change", header: "col.change", format: "percent" },
    { key: "likes", header: "metric.likes", format: "count" },
    { key: "comments", header: "metric.comments", format: "count" },
  ],
  rows: [
    {
      sendDate: "2026-11-01",
      title: '=HYPERLINK("http://x","y")',
      readers: 120,
      readRate: 0.0496,
      change: -0.569,
      likes: null,
      comments: 0,
    },
    { sendDate: "2026-11-02", title: "-5 tips", readers: 0, readRate: null, change: 0.25, likes: null, comments: 3 },
    { sendDate: "2026-11-03", title: "@home +1", readers: -3, readRate: 1, change: null, likes: null, comments: null },
  ],
};

async function readBack(buffer: Buffer) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(buffer as unknown as ArrayBuffer);
  return book;
}

describe("escapeFormula", () => {
  it("prefixes text a spreadsheet would run, and nothing else", () => {
    for (const text of ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"]) expect(escapeFormula(text)).toBe(`'${text}`);
    for (const text of ["a=1", "标题", "", "1-2", "'quoted"]) expect(escapeFormula(text)).toBe(text);
  });
});

describe("filledColumns", () => {
  it("leaves out a figure no row has, keeps zeros, text and every column of an empty table", () => {
    expect(filledColumns(TABLE).map((c) => c.key)).toEqual([
      "sendDate",
      "title",
      "readers",
      "readRate",
      "change",
      "comments",
    ]);
    const zeros = { ...TABLE, rows: TABLE.rows.map((r) => ({ ...r, likes: 0 })) };
    expect(filledColumns(zeros).map((c) => c.key)).toContain("likes");
    expect(filledColumns({ ...TABLE, rows: [] })).toEqual(TABLE.columns);
  });
});

describe("CSV", () => {
  const parsed = () => Papa.parse<string[]>(toCsv(TABLE, "en").toString("utf8").slice(1).trim()).data;

  it("escapes text cells, keeps negative numbers numbers, writes rates as percentages", () => {
    const [header, ...rows] = parsed();
    expect(header).toEqual(["Send date", "Title", "Readers", "Readers ÷ delivered", "Change", "Comments"]);
    expect(rows[0]).toEqual(["2026-11-01", '\'=HYPERLINK("http://x","y")', "120", "4.96%", "-56.9%", "0"]);
    expect(rows[1]).toEqual(["2026-11-02", "'-5 tips", "0", "", "25%", "3"]);
    expect(rows[2]).toEqual(["2026-11-03", "'@home +1", "-3", "100%", "", ""]);
  });

  it("escapes a header from outside (an article title) too", () => {
    const table: ExportTable = {
      ...TABLE,
      columns: [{ key: "a0", header: { en: "=cmd|' /C calc'!A0", zh: "=cmd|' /C calc'!A0" }, format: "count" }],
      rows: [{ a0: 1 }],
    };
    expect(toCsv(table, "zh").toString("utf8")).toContain("'=cmd");
  });
});

describe("XLSX", () => {
  it("writes real dates, percentages as numbers formatted %, escaped text and numbers as numbers", async () => {
    const book = await readBack(await toXlsx([TABLE], "zh"));
    const sheet = book.worksheets[0]!;
    expect(sheet.name).toBe(headerText("articles.table", "zh"));
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      "发送日期",
      headerText("articles.col.title", "zh"),
      headerText("metric.readers", "zh"),
      headerText("metric.readRate", "zh"),
      headerText("col.change", "zh"),
      headerText("metric.comments", "zh"),
    ]);
    const [date, title, readers, rate, change, comments] = [1, 2, 3, 4, 5, 6].map((c) => sheet.getRow(2).getCell(c));
    expect(date!.type).toBe(ExcelJS.ValueType.Date);
    expect(date!.value).toEqual(new Date("2026-11-01T00:00:00Z"));
    expect(date!.numFmt).toBe("yyyy-mm-dd");
    expect(title!.type).toBe(ExcelJS.ValueType.String);
    expect(title!.value).toBe('\'=HYPERLINK("http://x","y")');
    expect(readers!.value).toBe(120);
    expect(rate!.type).toBe(ExcelJS.ValueType.Number);
    expect(rate!.value).toBe(0.0496);
    expect(rate!.numFmt).toBe("0.00%");
    expect(change!.value).toBe(-0.569);
    expect(change!.numFmt).toBe("0.00%");
    expect(comments!.value).toBe(0);
    expect(sheet.getRow(3).getCell(2).value).toBe("'-5 tips");
    expect(sheet.getRow(4).getCell(3).value).toBe(-3);
    expect(sheet.getRow(4).getCell(3).type).toBe(ExcelJS.ValueType.Number);
    // No cell anywhere is a formula.
    sheet.eachRow((row) => row.eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula)));
  });

  it("formats each figure of a one-row-a-figure table by its own format", async () => {
    const table: ExportTable = {
      id: "headline",
      title: "articleDetail.headline",
      columns: [
        { key: "metric", header: "col.metric", format: "text" },
        { key: "value", header: "col.value", format: "count" },
      ],
      rows: [
        { metric: "Readers", value: 500 },
        { metric: "Read rate", value: 0.05 },
      ],
      cellFormats: [{ value: "count" }, { value: "percent" }],
    };
    const sheet = (await readBack(await toXlsx([table], "en"))).worksheets[0]!;
    expect(sheet.getRow(2).getCell(2).numFmt).toBeUndefined();
    expect(sheet.getRow(3).getCell(2).numFmt).toBe("0.00%");
    expect(sheet.getRow(3).getCell(2).value).toBe(0.05);
    expect(toCsv(table, "en").toString("utf8")).toContain("Read rate,5%");
  });
});

describe("instants", () => {
  const RUN: ExportTable = {
    id: "run",
    title: "admin.sync.title",
    columns: [
      { key: "startedAt", header: "admin.sync.col.started", format: "time" },
      { key: "finishedAt", header: "admin.sync.col.finished", format: "time" },
    ],
    rows: [{ startedAt: "2026-11-20T23:12:05.000Z", finishedAt: null }],
  };

  it("CSV and XLSX write them as Beijing time; a column not yet filled stays", async () => {
    expect(toCsv(RUN, "en").toString("utf8")).toBe("\uFEFFStarted,Finished\r\n2026-11-21 07:12:05,\r\n");
    const cell = (await readBack(await toXlsx([RUN], "en"))).worksheets[0]!.getRow(2).getCell(1);
    expect(cell.type).toBe(ExcelJS.ValueType.Date);
    expect(cell.value).toEqual(new Date(Date.UTC(2026, 10, 21, 7, 12, 5)));
    expect(cell.numFmt).toBe("yyyy-mm-dd hh:mm:ss");
  });
});

describe("file names", () => {
  it("keep the account's name, Chinese included, without what file systems refuse", () => {
    expect(safeFileName("晨读财经-overview-2026-10-01_2026-10-30")).toBe("晨读财经-overview-2026-10-01_2026-10-30");
    expect(safeFileName('A/B: "C"*? <d>|e\\f\tg  h')).toBe("A_B_C_d_e_f_g_h");
    expect(safeFileName("..hidden.")).toBe("hidden");
    expect(safeFileName("")).toBe("readout");
    expect(safeFileName("长".repeat(300))).toHaveLength(100);
  });

  it("send the UTF-8 name in filename* and an ASCII fallback", () => {
    const header = contentDisposition("晨读财经-overview's (1).csv");
    expect(header).toBe(
      `attachment; filename="_-overview's (1).csv"; filename*=UTF-8''` +
        "%E6%99%A8%E8%AF%BB%E8%B4%A2%E7%BB%8F-overview%27s%20%281%29.csv",
    );
    expect(decodeURIComponent(header.split("''")[1]!)).toBe("晨读财经-overview's (1).csv");
  });
});
