import { expect, type Locator, type Page, test } from "@playwright/test";

import { addDaysIso, type IsoDate } from "../lib/dates";
import { expectedArticles, expectedOverviewDays } from "../test/helpers/expected";
import { appidOf, chartTable, E2E, signIn, truth } from "./fixtures";

/**
 * Issue 8 points 6 and 7 on the demo (READOUT_TODAY pinned): 送达阅读率 is WeChat's
 * read_delivery_rate, every KPI says what it is, and a change is shown only over days with data
 * in both periods, never from an incomplete one. Values come from the simulator's ground truth.
 */

const yesterday = addDaysIso(E2E.today, -1);
const cell = (page: Page, row: string, key: string) => page.getByTestId(row).locator(`td[data-key="${key}"]`);
const numberOf = async (locator: Locator, attribute = "data-value") => Number(await locator.getAttribute(attribute));

/** Readers per day, day 1 first, over the period from `from` of `length` days. */
function readersByDay(accountId: number, from: IsoDate, length: number) {
  const to = addDaysIso(from, length - 1);
  return expectedOverviewDays(truth, appidOf(accountId), from, to, E2E.today).map((d) => d.readers);
}

test("送达阅读率 is WeChat's read_delivery_rate; readers ÷ delivered has its own name", async ({ page }) => {
  await signIn(page, "admin");
  const to = yesterday;
  const from = addDaysIso(to, -29);
  const notified = expectedArticles(truth, appidOf(1), from, to, E2E.today).filter(
    (a) => a.publishType === 0 && a.new !== null && a.delivered,
  );
  expect(notified.length).toBeGreaterThan(0);
  await page.goto("/articles?account=1&range=last30");
  for (const e of notified.slice(0, 5)) {
    const row = `article-row-${e.msgid}`;
    const wechat = e.new!.at(-1)!.read_delivery_rate;
    expect(await numberOf(cell(page, row, "readDeliveryRate"))).toBeCloseTo(wechat, 9);
    // Readers from every source over delivered is a different, larger figure.
    const ratio = await numberOf(cell(page, row, "readRate"));
    expect(Math.abs(ratio - e.latest.readers / e.delivered!) / ratio).toBeLessThan(1e-3);
    expect(ratio).toBeGreaterThan(wechat);
  }
  await expect(page.locator("th").filter({ hasText: "Delivery read rate (送达阅读率)" })).toHaveCount(1);
  await expect(page.locator("th").filter({ hasText: "Readers ÷ delivered" })).toHaveCount(1);

  // The Overview's 昨日关键指标: the headline's read_delivery_rate, or '–' with the reason.
  await page.goto("/?account=1&range=last30");
  const card = page.getByTestId("yesterday-deliveryReadRate");
  const headline = expectedArticles(truth, appidOf(1), yesterday, yesterday, E2E.today).find(
    (a) => a.position === 1 && a.publishType === 0 && a.new !== null,
  );
  if (headline) {
    const day0 = headline.new!.find((d) => d.stat_date === yesterday)!;
    await expect(card).toHaveAttribute("data-value", /./);
    expect(await numberOf(card)).toBeCloseTo(day0.read_delivery_rate, 9);
  } else {
    await expect(card).toHaveAttribute("data-value", "");
    await expect(page.getByTestId("yesterday-deliveryReadRate-missing")).toBeVisible();
  }
});

test("every KPI has a one-line definition on hover and on keyboard focus; different definitions, different names", async ({
  page,
}) => {
  await signIn(page, "admin");
  await page.goto("/?account=1&range=last30");
  const label = page.getByTestId("kpi-readers-label");
  const definition = page.getByTestId("kpi-readers-definition");
  await expect(definition).toBeHidden();
  await label.focus();
  await expect(definition).toBeVisible();
  await expect(label).toHaveAccessibleDescription(/someone who reads on two days counts twice/);
  await label.blur();
  await page.getByTestId("kpi-sharers-label").hover();
  await expect(page.getByTestId("kpi-sharers-definition")).toBeVisible();
  const overviewReaders = await label.textContent();
  for (const card of await page.locator('[data-testid="overview-kpis"] .kpi').all())
    await expect(card.locator('[role="tooltip"]')).toHaveCount(1);

  await page.goto("/articles?account=1&range=last30");
  const articleReaders = await page.getByTestId("kpi-readers-label").textContent();
  expect(articleReaders).toBe("Readers of these articles");
  expect(overviewReaders).toBe("Readers, summed per day");
  await expect(page.getByTestId("kpi-readers-label")).toHaveAccessibleDescription(/latest cumulative readers/);
});

test("a change covers the days with data in both periods, equal to the ground truth", async ({ page }) => {
  await signIn(page, "admin");
  await page.goto("/?account=2&range=last30");
  const from = addDaysIso(yesterday, -29);
  const current = readersByDay(2, from, 30);
  const previous = readersByDay(2, addDaysIso(from, -30), 30);
  const both = current.flatMap((c, i) => {
    const p = previous[i] ?? null;
    return c !== null && p !== null ? [{ c, p }] : [];
  });
  const now = both.reduce((n, x) => n + x.c, 0);
  const before = both.reduce((n, x) => n + x.p, 0);
  const card = page.getByTestId("kpi-readers");
  await expect(card).toHaveAttribute("data-comparison", "delta");
  await expect(card).toHaveAttribute("data-delta-days", String(both.length));
  expect(await numberOf(card, "data-delta-pct")).toBeCloseTo((now - before) / before, 12);
  await expect(card).toContainText(`over ${both.length} days with data in both periods`);

  // The trend draws the previous period's readers as a faint line, day for day.
  await page.getByTestId("overview-show-previous").check();
  const table = await chartTable(page, "overview-trend-chart");
  const rows = Object.values(table);
  expect(rows.map((r) => r.previous)).toEqual(previous);
});

test("an incomplete period shows why instead of a change", async ({ page }) => {
  await signIn(page, "admin");
  // Likes exist since the new interfaces started (2025-11-01): the previous period has none.
  await page.goto("/?account=1&range=custom&from=2025-11-01&to=2025-11-30");
  const likes = page.getByTestId("kpi-likes");
  await expect(likes).toHaveAttribute("data-comparison", "historyStarts");
  await expect(likes).toContainText("no change: the data starts on 2025-11-01");
  await expect(likes).not.toContainText(/[▲▼]/);
  // Readers run through both generations: a change over every day.
  await expect(page.getByTestId("kpi-readers")).toHaveAttribute("data-delta-days", "30");

  // The demo's history starts on 2025-06-01.
  await page.goto("/?account=1&range=custom&from=2025-06-01&to=2025-06-30");
  await expect(page.getByTestId("kpi-readers")).toHaveAttribute("data-comparison", "historyStarts");
  await expect(page.getByTestId("overview-kpis")).not.toContainText(/[▲▼]/);

  // Hourly figures end with the legacy interfaces (retired 2026-07-01). The demo fetched them on
  // 2026-06-30 (scripts/demo.ts), so their last day is the truth's last day of reads as of then.
  const lastLegacy = expectedOverviewDays(truth, appidOf(1), "2026-06-20", "2026-07-05", "2026-06-30")
    .filter((d) => d.reads !== null)
    .at(-1)!.date;
  await page.goto("/hourly?account=1&range=custom&from=2026-06-20&to=2026-07-05");
  await expect(page.getByTestId("kpi-reads")).toHaveAttribute("data-comparison", "dataEnds");
  await expect(page.getByTestId("kpi-reads")).toContainText(`no change: the data ends on ${lastLegacy}`);
  await expect(page.getByTestId("hourly-kpis")).not.toContainText(/[▲▼]/);

  // Shares (times) end there too; sharers go on in the new generation and are compared.
  await page.goto("/shares?account=1&range=custom&from=2026-06-25&to=2026-07-04");
  await expect(page.getByTestId("kpi-shares")).toHaveAttribute("data-comparison", "dataEnds");
  await expect(page.getByTestId("kpi-sharers")).toHaveAttribute("data-delta-days", "10");
});
