import fs from "node:fs";

import { type Download, expect, type Page, test } from "@playwright/test";
import ExcelJS from "exceljs";
import Papa from "papaparse";

import { addDaysIso } from "../lib/dates";
import { expectedArticles } from "../test/helpers/expected";
import { appidOf, E2E, signIn, truth } from "./fixtures";

/**
 * Downloads as a user gets them: the account's name in the file name, real dates and
 * percentages in the workbook, one language per file; figures from the simulator's ground truth.
 */
const to = addDaysIso(E2E.today, -1);
const from = addDaysIso(to, -6);

async function downloaded(page: Page, trigger: () => Promise<void>): Promise<Download> {
  const download = page.waitForEvent("download");
  await trigger();
  return download;
}

test("exports: the articles workbook has real send dates, read rates as %, the account's name", async ({ page }) => {
  await signIn(page, "manager");
  await page.goto("/articles?account=1&range=last7");
  await expect(page.getByTestId("kpi-articles")).toBeVisible();
  const download = await downloaded(page, () =>
    page.getByTestId("export-articles-articles").getByText("Excel (XLSX)").click(),
  );
  expect(download.suggestedFilename()).toBe(`${truth.accounts[0]!.name}-articles-${from}_${to}.xlsx`);

  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(await download.path());
  const sheet = book.getWorksheet("Articles")!;
  const header = (sheet.getRow(1).values as unknown[]).slice(1);
  const col = (name: string) => header.indexOf(name) + 1;
  const rows = new Map<string, ExcelJS.Row>();
  sheet.eachRow((row, n) => {
    if (n > 1) rows.set(row.getCell(col("Article id (msgid)")).text, row);
  });

  const expected = expectedArticles(truth, appidOf(1), from, to, E2E.today);
  expect(expected.length).toBeGreaterThan(0);
  expect(rows.size).toBe(expected.length);
  for (const e of expected) {
    const row = rows.get(e.msgid)!;
    const sent = row.getCell(col("Send date"));
    expect(sent.type).toBe(ExcelJS.ValueType.Date);
    expect(sent.value).toEqual(new Date(`${e.sendDate}T00:00:00Z`));
    expect(row.getCell(col("Readers")).value).toBe(e.latest.readers);
    if (e.delivered === null) continue;
    // Delivered is derived from read_delivery_rate after the legacy interfaces retired: within 0.1%.
    const rate = row.getCell(col("Readers ÷ delivered"));
    expect(rate.numFmt).toBe("0.00%");
    const exact = e.latest.readers / e.delivered;
    expect(Math.abs((rate.value as number) - exact) / exact).toBeLessThan(1e-3);
  }
});

test("exports: a Chinese CSV is Chinese throughout and leaves out the figures no day has", async ({ page }) => {
  await signIn(page, "manager", "zh");
  await page.goto("/?account=1&range=last7");
  await expect(page.getByTestId("kpi-readers")).toBeVisible();
  const download = await downloaded(page, () => page.getByTestId("export-overview-daily").getByText("CSV").click());
  expect(download.suggestedFilename()).toBe(`${truth.accounts[0]!.name}-overview-${from}_${to}-daily.csv`);
  const text = fs.readFileSync(await download.path(), "utf8").replace(/^\uFEFF/, "");
  const rows = Papa.parse<Record<string, string>>(text.trim(), { header: true }).data;
  expect(rows).toHaveLength(7);
  // The legacy interfaces retired in 2026: new-generation days, named in Chinese.
  expect(new Set(rows.map((r) => r["接口"]))).toEqual(new Set(["新版接口"]));
  // Page views (阅读次数) are legacy-only: no such column, rather than an empty one.
  expect(Object.keys(rows[0]!)).not.toContain("阅读次数");
  expect(Object.keys(rows[0]!)).toContain("阅读人数");
});
