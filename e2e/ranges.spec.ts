import { expect, test } from "@playwright/test";

import { periodOf } from "../lib/analytics/grouping";
import { addDaysIso, daysBetween } from "../lib/dates";
import { expectedArticle, expectedOverviewDays } from "../test/helpers/expected";
import { appidOf, chartTable, E2E, signIn, truth } from "./fixtures";

/**
 * Issue 8, points 8 and 9 on the demo data (READOUT_TODAY pinned): a range Readout can't serve
 * is an error the user sees, long ranges are grouped, and compare measures articles at the same
 * age. Every number against the simulator's ground truth.
 */
const yesterday = addDaysIso(E2E.today, -1);

function article(accountId: number, msgid: string) {
  const e = expectedArticle(truth, appidOf(accountId), msgid, E2E.today);
  if (!e) throw new Error(`no article ${accountId}:${msgid}`);
  return e;
}

/** The newest send of the publish type on or before `before`. */
function lastSend(accountId: number, before: string, publishType: 0 | 1) {
  for (let d = before; d >= "2026-01-01"; d = addDaysIso(d, -1)) {
    const send = truth.sendOn(appidOf(accountId), d);
    if (send?.publishType === publishType) return { date: d, send };
  }
  throw new Error(`no send of type ${publishType} for account ${accountId} before ${before}`);
}

test("a range Readout can't serve is an error on the page; the URL and inputs keep what was typed", async ({
  page,
}) => {
  await signIn(page, "admin");
  const cases = [
    ["2025-06-01", "2026-11-29", /to: a range may span at most 400 days/i],
    ["2026-03-10", "2026-03-01", /from: the start date must not be after the end date/i],
    ["2026-02-30", "2026-03-01", /from: must be a date written YYYY-MM-DD/i],
    ["0100-01-01", "0100-12-31", /from: WeChat has no data before 2014-12-01/i],
  ] as const;
  for (const [from, to, message] of cases) {
    await page.goto(`/?account=1&range=custom&from=${from}&to=${to}`);
    await expect(page.getByTestId("range-error")).toContainText(message);
    await expect(page.getByTestId("range-summary")).toContainText(`${from} – ${to}`);
    // The data panels say the same, in the one error frame; no other range's figures are shown.
    await expect(page.getByTestId("overview-trend").getByRole("alert")).toContainText(message);
    await expect(page.getByTestId("overview-trend-chart")).toHaveCount(0);
    await expect(page.getByTestId("kpi-readers")).toHaveCount(0);
    expect(new URL(page.url()).searchParams.get("from")).toBe(from);
    expect(new URL(page.url()).searchParams.get("to")).toBe(to);
  }
  await page.goto("/?account=1&range=custom&from=2025-06-01&to=2026-11-29");
  await expect(page.getByLabel("From", { exact: true })).toHaveValue("2025-06-01");
  await expect(page.getByLabel("To", { exact: true })).toHaveValue("2026-11-29");
  // Fixing the range shows its figures.
  await page.getByLabel("From", { exact: true }).fill("2026-11-01");
  await page.getByLabel("To", { exact: true }).fill(yesterday);
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByTestId("range-error")).toHaveCount(0);
  await expect(page.getByTestId("overview-trend-chart")).toBeVisible();
});

test("400 days group by month and 120 days by ISO week; each point is the sum of its days", async ({ page }) => {
  await signIn(page, "admin");
  for (const [days, grain] of [
    [400, "month"],
    [120, "week"],
  ] as const) {
    const from = addDaysIso(yesterday, -(days - 1));
    await page.goto(`/?account=2&range=custom&from=${from}&to=${yesterday}`);
    await expect(page.getByTestId("trend-grain")).toHaveAttribute("data-grain", grain);
    const table = await chartTable(page, "overview-trend-chart");
    const expected: Record<string, Record<string, number>> = {};
    // A period that also holds the day before the range or the day after it is cut: marked *.
    const cut = new Set([periodOf(addDaysIso(from, -1), grain), periodOf(addDaysIso(yesterday, 1), grain)]);
    for (const day of expectedOverviewDays(truth, appidOf(2), from, yesterday, E2E.today)) {
      const period = periodOf(day.date, grain);
      const sums = (expected[cut.has(period) ? `${period}*` : period] ??= {});
      for (const [channel, n] of Object.entries(day.bySource)) sums[channel] = (sums[channel] ?? 0) + n;
    }
    expect(Object.keys(table)).toEqual(Object.keys(expected));
    for (const [period, sums] of Object.entries(expected)) expect(table[period], period).toMatchObject(sums);
  }
  expect(daysBetween(addDaysIso(yesterday, -399), yesterday) + 1).toBe(400);
});

test("compare: a 21-day-old and a 1-day-old article are measured at the same age, which the reader can change", async ({
  page,
}) => {
  await signIn(page, "admin");
  const young = lastSend(2, yesterday, 0);
  const old = lastSend(2, addDaysIso(young.date, -21), 0);
  const age = daysBetween(young.date, yesterday);
  const oldAge = daysBetween(old.date, yesterday);
  expect(oldAge).toBeGreaterThanOrEqual(21);
  const e = [article(2, old.send.articles[0]!.msgid), article(2, young.send.articles[0]!.msgid)];
  expect(e[1]!.new).toHaveLength(age + 1);
  await page.goto(`/compare?a=2:${e[0]!.msgid}&a=2:${e[1]!.msgid}`);

  await expect(page.getByTestId("compare-day")).toHaveValue(String(age));
  const cell = (row: string, i: number) => page.getByTestId(`compare-row-${row}`).locator(`td[data-key="a${i}"]`);
  for (const [row, field] of [
    ["readers", "read_user"],
    ["sharers", "share_user"],
    ["likes", "like_user"],
  ] as const)
    for (const i of [0, 1]) await expect(cell(row, i)).toHaveAttribute("data-value", String(e[i]!.new![age]![field]));
  // The old article's latest figure is never put against the young one's first day.
  expect(e[0]!.new!.at(-1)!.read_user).toBeGreaterThan(e[0]!.new![age]!.read_user);

  // A later day: the young article has not reached it, so it is blank and not ranked.
  const later = Math.min(oldAge, 29);
  await page.getByTestId("compare-day").selectOption(String(later));
  await expect(page).toHaveURL(new RegExp(`day=${later}`));
  await expect(cell("readers", 0)).toHaveAttribute("data-value", String(e[0]!.new![later]!.read_user));
  await expect(cell("readers", 1)).toHaveAttribute("data-value", "");
  await expect(cell("readers", 0)).not.toHaveAttribute("data-best", "true");

  // The young article's curve is one day long: drawn as a point, not an invisible line.
  if (age === 0) await expect(page.getByTestId("compare-chart").locator(".recharts-line-dots circle")).toHaveCount(1);
});

test("compare: per 1,000 delivered says why an article published without notification has no curve", async ({
  page,
}) => {
  await signIn(page, "admin");
  const published = lastSend(1, yesterday, 1).send.articles[0]!.msgid;
  const notified = lastSend(1, yesterday, 0).send.articles[0]!.msgid;
  expect(article(1, published).delivered).toBeNull();
  await page.goto(`/compare?a=1:${notified}&a=1:${published}&scale=per1000`);
  await expect(page.getByTestId("compare-no-delivered-a1")).toContainText("published without notification");
  await expect(page.getByTestId("compare-no-delivered-a0")).toHaveCount(0);
  await expect(page.getByTestId("compare-no-delivered")).toContainText("published without notification");
  const curve = await chartTable(page, "compare-chart");
  expect(curve["0"]!.a1).toBeNull();
  const e = article(1, notified);
  // Delivered is derived from read_delivery_rate: within 0.1%.
  const exact = (e.new![0]!.read_user / e.delivered!) * 1000;
  expect(Math.abs(curve["0"]!.a0! - exact) / exact).toBeLessThan(1e-3);
});
