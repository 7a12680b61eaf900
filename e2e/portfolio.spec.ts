import fs from "node:fs";

import { expect, type Page, test } from "@playwright/test";
import Papa from "papaparse";

import { addDaysIso } from "../lib/dates";
import { type ExpectedPortfolioRow, expectedPortfolioRow } from "../test/helpers/expected-portfolio";
import { appidOf, createGroup, E2E, signIn, truth } from "./fixtures";
import { expectAccessible, settle } from "./ui";

const yesterday = addDaysIso(E2E.today, -1);
const expected = (id: number): ExpectedPortfolioRow => expectedPortfolioRow(truth, appidOf(id), yesterday, E2E.today);
const nameOf = (id: number) => truth.accounts[id - 1]!.name;
const cell = (page: Page, row: string, key: string) => page.getByTestId(row).locator(`td[data-key="${key}"]`);
const value = async (page: Page, row: string, key: string) =>
  Number(await cell(page, row, key).getAttribute("data-value"));

async function readCsv(page: Page, trigger: () => Promise<void>) {
  const download = page.waitForEvent("download");
  await trigger();
  const text = fs.readFileSync(await (await download).path(), "utf8").replace(/^\uFEFF/, "");
  return Papa.parse<Record<string, string>>(text.trim(), { header: true }).data;
}

test("portfolio: the first screen of an admin, every account's figures equal the ground truth", async ({ page }) => {
  await signIn(page, "admin");
  await expect(page).toHaveURL(/\/portfolio$/);
  await expect(page.getByRole("link", { name: "Portfolio" })).toBeVisible();
  const rows = page.getByTestId("portfolio-rows").locator("tbody tr");
  await expect(rows).toHaveCount(3);
  // At 1440×900 every column fits beside the navigation: the table does not scroll sideways.
  const region = page.getByRole("region", { name: "Accounts table" });
  expect(await region.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
  for (const id of [1, 2, 3]) {
    const e = expected(id);
    const row = `portfolio-row-${id}`;
    await expect(cell(page, row, "accountName").getByRole("link")).toHaveText(nameOf(id));
    await expect(cell(page, row, "readers")).toHaveAttribute("data-value", String(e.readers));
    expect(await value(page, row, "readersChange")).toBeCloseTo(e.readers! / e.readersAvg7! - 1, 9);
    await expect(cell(page, row, "deliveryReadRate")).toHaveAttribute("data-value", String(e.deliveryReadRate ?? ""));
    await expect(cell(page, row, "netFollowers")).toHaveAttribute("data-value", String(e.netFollowers));
    await expect(cell(page, row, "articlesSent")).toHaveAttribute("data-value", String(e.articlesSent));
    if (e.best) {
      await expect(cell(page, row, "bestTitle").getByTestId("best-article")).toHaveText(e.best.title);
      await expect(cell(page, row, "bestTitle").getByTestId("best-readers")).toHaveAttribute(
        "data-value",
        String(e.best.readers),
      );
    }
    // The sparkline is decorative; its numbers are in the cell's title and text.
    const spark = cell(page, row, "spark").locator(".sparkline");
    await expect(spark).toHaveAttribute("title", new RegExp(e.spark.at(-1)!.toLocaleString("en-US")));
    await expect(spark.locator('[aria-hidden="true"] svg')).toBeVisible();
    // Sync health: the day is final; the six legacy interfaces WeChat retired are stopped.
    await expect(cell(page, row, "finalThrough")).toHaveText(yesterday);
    await expect(cell(page, row, "stopped")).toHaveAttribute("data-value", "6");
  }
  // The totals row is weighted: summed counts, rates recomputed from the sums.
  const all = [1, 2, 3].map(expected);
  const sum = (f: (e: ExpectedPortfolioRow) => number | null) => all.reduce((n, e) => n + (f(e) ?? 0), 0);
  const total = "portfolio-rows-total";
  await expect(cell(page, total, "accountName")).toHaveText("All shown accounts");
  await expect(cell(page, total, "readers")).toHaveAttribute("data-value", String(sum((e) => e.readers)));
  await expect(cell(page, total, "netFollowers")).toHaveAttribute("data-value", String(sum((e) => e.netFollowers)));
  await expect(cell(page, total, "articlesSent")).toHaveAttribute("data-value", String(sum((e) => e.articlesSent)));
  const rated = all.filter((e) => e.delivered !== null);
  expect(await value(page, total, "deliveryReadRate")).toBeCloseTo(
    rated.reduce((n, e) => n + e.notificationReaders!, 0) / rated.reduce((n, e) => n + e.delivered!, 0),
    12,
  );
  expect(await value(page, total, "readersChange")).toBeCloseTo(
    sum((e) => e.readers) / sum((e) => e.readersAvg7) - 1,
    9,
  );
  await settle(page);
  await page.screenshot({ path: "test-results/screenshots/portfolio-desktop-en.png", fullPage: true });
  await expectAccessible(page, "portfolio desktop");
});

test("portfolio: sorting and searching live in the URL; the CSV has a row per account and the totals", async ({
  page,
}) => {
  await signIn(page, "admin");
  await page.goto("/portfolio");
  await expect(page.getByTestId("portfolio-rows").locator("tbody tr")).toHaveCount(3);
  await page.getByTestId("sort-readers").click();
  await expect(page).toHaveURL(/sort=readers/);
  const byReaders = [1, 2, 3].sort((a, b) => expected(b).readers! - expected(a).readers!);
  const firstRow = page.getByTestId("portfolio-rows").locator("tbody tr").first();
  // The first click on a sorted column turns it: the smallest first.
  await expect(firstRow).toHaveAttribute("data-testid", `portfolio-row-${byReaders.at(-1)}`);

  await page.getByTestId("portfolio-search").fill(nameOf(2));
  await expect(page).toHaveURL(/q=/);
  await expect(page.getByTestId("portfolio-rows").locator("tbody tr")).toHaveCount(1);
  // The totals follow the rows shown.
  await expect(cell(page, "portfolio-rows-total", "readers")).toHaveAttribute(
    "data-value",
    String(expected(2).readers),
  );

  await page.goto("/portfolio");
  const csv = await readCsv(page, () => page.getByTestId("export-portfolio-portfolio").getByText("CSV").click());
  expect(csv).toHaveLength(4);
  expect(
    csv
      .slice(0, 3)
      .map((r) => r["Account"])
      .sort(),
  ).toEqual([1, 2, 3].map(nameOf).sort());
  for (const id of [1, 2, 3])
    expect(Number(csv.find((r) => r["Account"] === nameOf(id))!["Readers"])).toBe(expected(id).readers);
  expect(csv[3]!["Account"]).toBe("All shown accounts");
  expect(Number(csv[3]!["Readers"])).toBe([1, 2, 3].reduce((n, id) => n + expected(id).readers!, 0));
});

test("portfolio: a client group filters it; a manager sees only their accounts; a viewer of one account lands on the overview", async ({
  page,
  browser,
}) => {
  await signIn(page, "admin");
  await createGroup(page, "Portfolio client", [1, 3]);
  await page.goto("/portfolio");
  const option = page.getByTestId("portfolio-group").locator("option", { hasText: "Portfolio client" });
  await page.getByTestId("portfolio-group").selectOption(await option.getAttribute("value"));
  await expect(page).toHaveURL(/group=\d+/);
  await expect(page.getByTestId("portfolio-rows").locator("tbody tr")).toHaveCount(2);
  await expect(page.getByTestId("portfolio-row-2")).toHaveCount(0);
  await expect(cell(page, "portfolio-rows-total", "readers")).toHaveAttribute(
    "data-value",
    String(expected(1).readers! + expected(3).readers!),
  );

  const manager = await browser.newPage();
  await signIn(manager, "manager");
  await expect(manager).toHaveURL(/\/portfolio$/);
  await expect(manager.getByTestId("portfolio-rows").locator("tbody tr")).toHaveCount(2);
  await expect(manager.getByTestId("portfolio-row-3")).toHaveCount(0);
  // The admin's group holds accounts 1 and 3: the manager sees only account 1 in it.
  await manager.goto(page.url());
  await expect(manager.getByTestId("portfolio-rows").locator("tbody tr")).toHaveCount(1);
  await expect(manager.getByTestId("portfolio-row-1")).toBeVisible();
  await manager.close();

  const viewer = await browser.newPage();
  await signIn(viewer, "viewer");
  await expect(viewer).toHaveURL(`${E2E.baseUrl}/`);
  await expect(viewer.getByRole("link", { name: "Portfolio" })).toHaveCount(0);
  await viewer.goto("/portfolio");
  await expect(viewer).toHaveURL(`${E2E.baseUrl}/`);
  await viewer.close();
});

test("portfolio on a phone: the account and yesterday's readers stay visible; the table scrolls in a focusable region", async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, "admin");
  await expect(page).toHaveURL(/\/portfolio$/);
  const row = "portfolio-row-1";
  await expect(cell(page, row, "accountName").getByRole("link", { name: nameOf(1) })).toBeVisible();
  await expect(cell(page, row, "readers")).toBeVisible();
  await expect(cell(page, row, "readers")).toHaveAttribute("data-value", String(expected(1).readers));
  const region = page.getByRole("region", { name: "Accounts table" });
  await region.focus();
  await expect(region).toBeFocused();
  const sideways = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
  expect(sideways).toBe(false);
  await settle(page);
  await page.screenshot({ path: "test-results/screenshots/portfolio-phone-en.png", fullPage: true });
  await expectAccessible(page, "portfolio phone");
});
