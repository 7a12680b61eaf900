import "server-only";

import ExcelJS from "exceljs";
import Papa from "papaparse";

import type { Locale } from "@/lib/i18n/locales";
import { MESSAGES } from "@/lib/i18n/messages";

import type { ExportTable, Header } from "./types";

export const headerText = (h: Header, locale: Locale) => (typeof h === "string" ? MESSAGES[locale][h] : h[locale]);

/** UTF-8 with a byte-order mark, so Excel opens Chinese text correctly. */
export function toCsv(table: ExportTable, locale: Locale): Buffer {
  const csv = Papa.unparse({
    fields: table.columns.map((c) => headerText(c.header, locale)),
    data: table.rows.map((r) => table.columns.map((c) => r[c.key] ?? "")),
  });
  return Buffer.from(`\uFEFF${csv}\r\n`, "utf8");
}

export async function toXlsx(tables: ExportTable[], locale: Locale): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = "Readout";
  const used = new Set<string>();
  for (const table of tables) {
    const sheet = book.addWorksheet(sheetName(headerText(table.title, locale), used));
    sheet.columns = table.columns.map((c) => ({
      header: headerText(c.header, locale),
      key: c.key,
      width: Math.max(12, headerText(c.header, locale).length + 4),
    }));
    sheet.getRow(1).font = { bold: true };
    for (const row of table.rows) sheet.addRow(row);
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** Excel: at most 31 characters, none of []:*?/\ and unique in the book. */
function sheetName(title: string, used: Set<string>): string {
  const base = title.replace(/[[\]:*?/\\]/g, " ").slice(0, 28) || "Sheet";
  let name = base;
  for (let i = 2; used.has(name); i++) name = `${base} ${i}`;
  used.add(name);
  return name;
}
