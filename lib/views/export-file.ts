import "server-only";

import ExcelJS from "exceljs";
import Papa from "papaparse";

import { beijingDateTimeOf } from "@/lib/dates";
import type { Locale } from "@/lib/i18n/locales";
import { MESSAGES } from "@/lib/i18n/messages";

import type { Format } from "./columns";
import type { ExportTable, Header } from "./types";

export const headerText = (h: Header, locale: Locale) => (typeof h === "string" ? MESSAGES[locale][h] : h[locale]);

type Value = string | number | null;

/**
 * Text a spreadsheet would read as a formula (OWASP CSV injection: = + - @, tab, carriage return)
 * gets a leading apostrophe, the rule of Papa's escapeFormulae. Titles come from outside.
 */
export const escapeFormula = (text: string) => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);

const isEmpty = (v: Value | undefined) => v === null || v === undefined || v === "";
const isFigure = (format: Format) => format !== "text" && format !== "date" && format !== "time";

/**
 * The columns a file writes: a figure no row has (a metric the generation lacks) is left out.
 * Zeros are figures; text columns and tables without rows keep every column.
 */
export function filledColumns(table: ExportTable): ExportTable["columns"] {
  if (table.rows.length === 0) return table.columns;
  return table.columns.filter((c) => !isFigure(c.format) || table.rows.some((r) => !isEmpty(r[c.key])));
}

const formatOf = (table: ExportTable, row: number, column: ExportTable["columns"][number]): Format =>
  table.cellFormats?.[row]?.[column.key] ?? column.format;

/** 0.0496 → "4.96%": spreadsheets read it as a percentage; 12 significant digits drop float noise. */
const percentText = (rate: number) => `${Number((rate * 100).toPrecision(12))}%`;

/** An ISO instant as Beijing time, "2026-11-20 16:12:05"; null when it is not one. */
function beijingTime(value: string): string | null {
  const instant = new Date(value);
  return Number.isNaN(instant.getTime()) ? null : beijingDateTimeOf(instant);
}

function csvCell(value: Value | undefined, format: Format): Value {
  if (isEmpty(value)) return "";
  if (typeof value === "number") return format === "percent" ? percentText(value) : value;
  return escapeFormula((format === "time" && beijingTime(value)) || value);
}

/** UTF-8 with a byte-order mark, so Excel opens Chinese text correctly. */
export function toCsv(table: ExportTable, locale: Locale): Buffer {
  const columns = filledColumns(table);
  const csv = Papa.unparse({
    fields: columns.map((c) => escapeFormula(headerText(c.header, locale))),
    data: table.rows.map((r, i) => columns.map((c) => csvCell(r[c.key], formatOf(table, i, c)))),
  });
  return Buffer.from(`\uFEFF${csv}\r\n`, "utf8");
}

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?: (\d{2}):(\d{2}):(\d{2}))?$/;
const NUMBER_FORMATS: Partial<Record<Format, string>> = {
  percent: "0.00%",
  date: "yyyy-mm-dd",
  time: "yyyy-mm-dd hh:mm:ss",
};

/**
 * A cell's value in the workbook: a real date or Beijing date-time (Excel has no time zones: the
 * wall clock as UTC is its serial), a number, or escaped text.
 */
function xlsxCell(value: Value | undefined, format: Format): ExcelJS.CellValue {
  if (isEmpty(value)) return null;
  if (typeof value === "number") return value;
  const wallClock = format === "date" ? value : format === "time" ? beijingTime(value) : null;
  const m = wallClock === null ? null : DATE_TIME.exec(wallClock);
  if (m) return new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0)));
  return escapeFormula(value);
}

export async function toXlsx(tables: ExportTable[], locale: Locale): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = "Readout";
  const used = new Set<string>();
  for (const table of tables) {
    const sheet = book.addWorksheet(sheetName(headerText(table.title, locale), used));
    const columns = filledColumns(table);
    const header = sheet.addRow(columns.map((c) => escapeFormula(headerText(c.header, locale))));
    header.font = { bold: true };
    columns.forEach((c, i) => {
      sheet.getColumn(i + 1).width = Math.max(12, headerText(c.header, locale).length + 4);
    });
    table.rows.forEach((r, i) => {
      const row = sheet.addRow(columns.map((c) => xlsxCell(r[c.key], formatOf(table, i, c))));
      columns.forEach((c, j) => {
        const numFmt = NUMBER_FORMATS[formatOf(table, i, c)];
        if (numFmt && row.getCell(j + 1).value !== null) row.getCell(j + 1).numFmt = numFmt;
      });
    });
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** A name every file system takes: no / \ : * ? " < > | or control characters, no dot or space at either end. */
export function safeFileName(name: string): string {
  const safe = name
    .replace(/[\u0000-\u001f\u007f/\\:*?"<>|]+/g, "_")
    .replace(/\s+/g, "_")
    .replace(/_{2,}/g, "_")
    .replace(/^[._]+|[._]+$/g, "");
  return safe.slice(0, 100) || "readout";
}

/** RFC 6266: an ASCII fallback for old clients, the UTF-8 name (Chinese account names) in filename*. */
export function contentDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]+/g, "_").replace(/["\\]/g, "_");
  const utf8 = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${utf8}`;
}

/** Excel: at most 31 characters, none of []:*?/\ and unique in the book. */
function sheetName(title: string, used: Set<string>): string {
  const base = title.replace(/[[\]:*?/\\]/g, " ").slice(0, 28) || "Sheet";
  let name = base;
  for (let i = 2; used.has(name); i++) name = `${base} ${i}`;
  used.add(name);
  return name;
}
