import { readFileSync } from "node:fs";

import { expect, type Page, test } from "@playwright/test";

import { addDaysIso } from "../lib/dates";
import { expectedPositions } from "../test/helpers/expected-positions";
import { appidOf, E2E, screenshot, signIn, truth } from "./fixtures";

/**
 * Issue 10 point 3: the legacy pages sit under a History group that says where the history ends,
 * and open there; Positions & weekdays answers "what works" for current dates. The demo fetched
 * the legacy interfaces on 2026-06-30, the day before WeChat retired them, so its legacy history
 * ends on 2026-06-29 (scripts/demo.ts).
 */
const LAST_LEGACY = "2026-06-29";
const LEGACY_RANGE = `range=custom&from=${addDaysIso(LAST_LEGACY, -29)}&to=${LAST_LEGACY}`;

const nav = (page: Page) => page.locator("#app-nav");

test("the navigation groups the legacy pages as history, until the account's last legacy day", async ({ page }) => {
  await signIn(page, "admin");
  await page.goto("/?account=1");
  const history = page.getByTestId("nav-history");
  await expect(page.getByRole("group", { name: "History (legacy interfaces, until June 29, 2026)" })).toBeVisible();
  await expect(history.getByRole("link")).toHaveText(["Hourly reads", "Shares"]);

  await page.context().addCookies([{ name: "readout-locale", value: "zh", url: E2E.baseUrl }]);
  await page.reload();
  await expect(page.getByTestId("nav-history")).toContainText("历史（旧版接口，截至 2026年6月29日）");
  await expect(page.getByTestId("nav-history").getByRole("link")).toHaveText(["分时阅读", "分享"]);
});

test("a history page opened without a range opens on the last 30 days with data; a range in the URL is kept", async ({
  page,
}) => {
  await signIn(page, "admin");
  await page.goto("/?account=2&range=last7");
  await nav(page).getByRole("link", { name: "Hourly reads" }).click();
  await expect(page).toHaveURL(new RegExp(`/hourly\\?account=2&${LEGACY_RANGE}$`));
  await expect(page.getByTestId("hourly-chart")).toBeVisible();
  await expect(page.getByTestId("hourly-scope")).toContainText("Average per day over 30 days with data");

  // Between history pages the range is kept; back to a current page, only the account.
  await nav(page).getByRole("link", { name: "Shares" }).click();
  await expect(page).toHaveURL(new RegExp(`/shares\\?account=2&${LEGACY_RANGE}$`));
  await expect(page.getByTestId("shares-daily-chart")).toBeVisible();
  await nav(page).getByRole("link", { name: "Overview" }).click();
  await expect(page).toHaveURL(/\/\?account=2$/);

  await page.goto("/hourly?account=1&range=last7");
  await expect(page).toHaveURL(/\/hourly\?account=1&range=last7$/);
  await expect(page.getByTestId("hourly-no-data")).toBeVisible();
  await page.goto("/shares?account=1&range=custom&from=2026-06-01&to=2026-06-07");
  await expect(page).toHaveURL(/from=2026-06-01&to=2026-06-07$/);
});

test("positions & weekdays: readers per article and 送达阅读率 by 头条/次条 and weekday equal the ground truth", async ({
  page,
}) => {
  await signIn(page, "admin");
  const to = addDaysIso(E2E.today, -1);
  const from = addDaysIso(to, -89);
  await page.goto("/?account=1&range=last90");
  await nav(page).getByRole("link", { name: "Positions & weekdays" }).click();
  await expect(page).toHaveURL(/\/positions\?account=1&range=last90$/);
  const expected = expectedPositions(truth, appidOf(1), from, to, E2E.today);
  const rows = await page.getByTestId("positions-table").evaluate((panel) => {
    const out: Record<string, Record<string, number | null>> = {};
    for (const tr of Array.from(panel.querySelectorAll("tbody tr"))) {
      const values: Record<string, number | null> = {};
      for (const td of Array.from(tr.querySelectorAll("td[data-value]"))) {
        const v = td.getAttribute("data-value");
        values[td.getAttribute("data-key")!] = v === "" || v === null ? null : Number(v);
      }
      out[tr.getAttribute("data-testid")!] = values;
    }
    return out;
  });
  expect(Object.keys(rows)).toHaveLength(24);
  let compared = 0;
  for (const group of ["lead", "other", "all"] as const)
    for (const weekday of [1, 2, 3, 4, 5, 6, 7, null]) {
      const e = expected(group, weekday);
      const row = `positions-${group}-${weekday ?? "all"}`;
      const shown = rows[row]!;
      if (!e) {
        expect(shown, row).toMatchObject({ articles: 0, readers: null, readDeliveryRate: null });
        continue;
      }
      compared++;
      expect(shown, row).toMatchObject({ articles: e.articles, readers: e.readers });
      expect(shown.readersPerArticle, row).toBeCloseTo(e.readers / e.articles, 6);
      // Readout derives delivered from WeChat's 7-decimal rate: the rate from sums agrees to 6 decimals.
      if (e.readDeliveryRate === null) expect(shown.readDeliveryRate, row).toBeNull();
      else expect(shown.readDeliveryRate, row).toBeCloseTo(e.readDeliveryRate, 6);
    }
  expect(compared).toBeGreaterThan(10);
  await expect(page.getByTestId("positions-readers-chart")).toBeVisible();
  await expect(page.getByTestId("positions-rate-chart")).toBeVisible();
  await expect(page.getByTestId("export-positions-positions")).toBeVisible();
  await screenshot(page, "positions", "en");

  const download = page.waitForEvent("download");
  await page.getByTestId("export-positions-positions").getByRole("link", { name: "CSV" }).click();
  const csv = readFileSync(await (await download).path(), "utf8");
  expect(csv).toContain("Readers per article");
  expect(csv).toContain("Every weekday");
});
