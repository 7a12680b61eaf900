import { expect, test } from "@playwright/test";

import { addDaysIso } from "../lib/dates";
import { expectedOverviewDays, expectedOverviewTotals } from "../test/helpers/expected";
import { appidOf, chartTable, E2E, screenshot, signIn, truth } from "./fixtures";

const to = addDaysIso(E2E.today, -1);
const from = addDaysIso(to, -29);

test("overview: KPI cards and the daily trend equal the ground truth", async ({ page }) => {
  await signIn(page, "admin");
  await page.goto("/?account=2&range=last30");
  const expected = expectedOverviewTotals(truth, appidOf(2), from, to, E2E.today);
  for (const metric of ["readers", "sharers", "favourites", "likes", "zaikan", "comments"] as const) {
    await expect(page.getByTestId(`kpi-${metric}`)).toHaveAttribute("data-value", String(expected[metric]));
  }
  // The previous 30 days, for the delta.
  const previous = expectedOverviewTotals(truth, appidOf(2), addDaysIso(from, -30), addDaysIso(from, -1), E2E.today);
  await expect(page.getByTestId("kpi-readers")).toHaveAttribute("data-previous", String(previous.readers));

  const day = expectedOverviewDays(truth, appidOf(2), from, to, E2E.today).at(-1)!;
  const table = await chartTable(page, "overview-trend-chart");
  expect(table[day.date.slice(5)]).toMatchObject(day.bySource);
});

test("overview: the CSV export's totals equal the cards", async ({ page }) => {
  await signIn(page, "manager");
  await page.goto("/?account=1&range=last7");
  const readers = await page.getByTestId("kpi-readers").getAttribute("data-value");
  const download = page.waitForEvent("download");
  await page.getByTestId("export-overview-daily").getByText("CSV").click();
  const file = await (await download).path();
  const csv = (await import("node:fs")).readFileSync(file, "utf8").replace(/^\uFEFF/, "");
  const [header, ...rows] = csv
    .trim()
    .split(/\r?\n/)
    .map((l) => l.split(","));
  const col = header!.indexOf("Readers");
  expect(col).toBeGreaterThan(0);
  expect(rows).toHaveLength(7);
  expect(rows.reduce((n, r) => n + Number(r[col]), 0)).toBe(Number(readers));
});

test("overview: the range and account live in the URL", async ({ page }) => {
  await signIn(page, "admin");
  await page.goto("/?account=3&range=custom&from=2026-03-01&to=2026-03-07");
  await expect(page.getByTestId("range-summary")).toContainText("2026-03-01");
  await expect(page.getByTestId("account-switcher")).toHaveValue("3");
  const expected = expectedOverviewTotals(truth, appidOf(3), "2026-03-01", "2026-03-07", E2E.today);
  await expect(page.getByTestId("kpi-readers")).toHaveAttribute("data-value", String(expected.readers));
  await page.getByTestId("account-switcher").selectOption("1");
  await expect(page).toHaveURL(/account=1/);
  await expect(page).toHaveURL(/from=2026-03-01/);
});

for (const locale of ["en", "zh"] as const) {
  test(`overview screenshot (${locale})`, async ({ page }) => {
    await signIn(page, "admin", locale);
    await page.goto("/?account=1&range=last30");
    await expect(page.getByTestId("kpi-readers")).toBeVisible();
    await screenshot(page, "overview", locale);
  });
}

test("sign-in: wrong password is refused; sign-out ends the session", async ({ page }) => {
  await page.goto("/login");
  await page.locator('input[name="email"]').fill("admin@demo.readout");
  await page.locator('input[name="password"]').fill("wrong-password");
  await page.locator('button[type="submit"]').click();
  await expect(page.getByText("Wrong email or password.")).toBeVisible();
  await signIn(page, "viewer");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/");
  await expect(page).toHaveURL(/\/login/);
});
