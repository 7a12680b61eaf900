import { expect, test } from "@playwright/test";

import { CHANNELS, TOTAL_USER_SOURCE } from "../lib/analytics/channels";
import { addDaysIso, type IsoDate } from "../lib/dates";
import { expectedHourlyDay, expectedShares } from "../test/helpers/expected";
import { appidOf, chartTable, E2E, screenshot, signIn, truth } from "./fixtures";

/**
 * The demo fetched the legacy interfaces on 2026-06-30, the day before WeChat retired them
 * (scripts/demo.ts), so legacy rows are the truth as of that day and end on 2026-06-29; the new
 * generation was fetched on E2E.today.
 */
const LEGACY_TODAY = "2026-06-30";
const LAST_LEGACY = "2026-06-29";
const DAY = "2026-06-01";
const hour = (h: number) => `${String(h).padStart(2, "0")}:00`;
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

/** Exact totals of the hourly figures (all-sources rows of getuserreadhour). */
function hourlyTotals(accountId: number, from: IsoDate, to: IsoDate) {
  const rows = (
    truth.rows(appidOf(accountId), "getuserreadhour", from, to, { today: LEGACY_TODAY }).list as unknown as {
      user_source: number;
      int_page_read_user: number;
      int_page_read_count: number;
    }[]
  ).filter((r) => r.user_source === TOTAL_USER_SOURCE);
  return { reads: sum(rows.map((r) => r.int_page_read_count)), readers: sum(rows.map((r) => r.int_page_read_user)) };
}

test("hourly: one June day's reads by source, hour by hour, equal getuserreadhour", async ({ page }) => {
  await signIn(page, "admin");
  await page.goto(`/hourly?account=1&range=custom&from=${DAY}&to=${DAY}`);
  const expected = expectedHourlyDay(truth, appidOf(1), DAY, LEGACY_TODAY);
  await expect(page.getByTestId("kpi-reads")).toHaveAttribute(
    "data-value",
    String(sum(expected.map((e) => e.totalReads))),
  );
  await expect(page.getByTestId("kpi-readers")).toHaveAttribute(
    "data-value",
    String(sum(expected.map((e) => e.totalReaders))),
  );
  const previous = hourlyTotals(1, addDaysIso(DAY, -1), addDaysIso(DAY, -1));
  await expect(page.getByTestId("kpi-reads")).toHaveAttribute("data-previous", String(previous.reads));
  await expect(page.getByTestId("hourly-scope")).toContainText(`One day: ${DAY}`);

  const table = await chartTable(page, "hourly-chart");
  expect(Object.keys(table)).toEqual(expected.map((e) => hour(e.hour)));
  for (const e of expected) {
    expect(table[hour(e.hour)], hour(e.hour)).toEqual(Object.fromEntries(CHANNELS.map((c) => [c, e.reads[c] ?? null])));
  }

  // 2026-06-01 is a Monday: its row of the heatmap holds the day's reads, the other rows no data.
  const grid = page.getByTestId("hourly-heatmap-grid");
  const nine = grid.locator('td[data-row="1"][data-column="9"]');
  await expect(nine).toHaveAttribute("data-value", String(expected[9]!.totalReads));
  await expect(nine).toHaveAttribute("title", /Monday 09:00–10:00/);
  await expect(grid.locator('td[data-row="2"][data-column="9"]')).toHaveAttribute("data-value", "");
  await expect(grid.locator("tbody tr")).toHaveCount(7);
  await expect(page.getByTestId("hourly-heatmap-grid-max")).toHaveAttribute(
    "data-value",
    String(Math.max(...expected.map((e) => e.totalReads))),
  );
});

test("hourly: the metric switch and the source toggles live in the URL", async ({ page }) => {
  await signIn(page, "manager");
  await page.goto(`/hourly?account=1&range=custom&from=${DAY}&to=${DAY}`);
  const expected = expectedHourlyDay(truth, appidOf(1), DAY, LEGACY_TODAY);
  await page.getByTestId("hourly-metric").getByText("Readers (people)").click();
  await expect(page).toHaveURL(/metric=readers/);
  await expect(page.getByTestId("hourly-chart")).toBeVisible();
  let table = await chartTable(page, "hourly-chart");
  expect(table[hour(21)]).toEqual(Object.fromEntries(CHANNELS.map((c) => [c, expected[21]!.readers[c] ?? null])));

  // The URL is the only store: the box unchecks once the URL has changed.
  await page.getByTestId("hourly-sources").getByLabel("Chats").click();
  await expect(page).toHaveURL(
    /sources=session%2Cmoments%2Cprofile%2Crecommend%2Csearch%2Cother|sources=session,moments,profile,recommend,search,other/,
  );
  await expect(page).toHaveURL(/metric=readers/);
  await page.reload();
  await expect(page.getByTestId("hourly-sources").getByLabel("Chats")).not.toBeChecked();
  table = await chartTable(page, "hourly-chart");
  expect(Object.keys(table[hour(21)]!)).not.toContain("friends");
  expect(table[hour(21)]!.session).toBe(expected[21]!.readers.session);
});

test("hourly: a current range says why it has no hourly data and links to the last 30 days that have it", async ({
  page,
}) => {
  await signIn(page, "admin");
  await page.goto("/hourly?account=1&range=last30");
  const empty = page.getByTestId("hourly-no-data");
  await expect(empty).toContainText("WeChat retired its legacy datacube interfaces on 2026-07-01");
  await expect(empty).toContainText("the new interfaces that replaced them report no hourly figures");
  await expect(empty).toContainText(`hourly data ends on ${LAST_LEGACY}`);
  await expect(page.getByTestId("hourly-by-source-empty")).toBeVisible();
  await expect(page.locator(".recharts-wrapper")).toHaveCount(0);

  const from = addDaysIso(LAST_LEGACY, -29);
  await page.getByTestId("hourly-range-with-data").click();
  await expect(page).toHaveURL(new RegExp(`range=custom&from=${from}&to=${LAST_LEGACY}`));
  const totals = hourlyTotals(1, from, LAST_LEGACY);
  await expect(page.getByTestId("kpi-reads")).toHaveAttribute("data-value", String(totals.reads));
  await expect(page.getByTestId("kpi-readers")).toHaveAttribute("data-value", String(totals.readers));
  await expect(page.getByTestId("hourly-scope")).toContainText("Average per day over 30 days with data");
});

test("shares: a June day's shares by scene, daily and hourly, equal getusershare(hour)", async ({ page }) => {
  const day = "2026-06-10";
  await signIn(page, "admin");
  await page.goto(`/shares?account=2&range=custom&from=${day}&to=${day}`);
  const legacy = expectedShares(truth, appidOf(2), day, day, LEGACY_TODAY);
  const fresh = expectedShares(truth, appidOf(2), day, day, E2E.today);
  const byScene = legacy.byDay[day]!;
  await expect(page.getByTestId("kpi-shares")).toHaveAttribute(
    "data-value",
    String(sum(Object.values(byScene).map((s) => s.shareCount))),
  );
  await expect(page.getByTestId("kpi-sharers")).toHaveAttribute("data-value", String(fresh.newSharers[day]));

  const daily = await chartTable(page, "shares-daily-chart");
  expect(daily[day.slice(5)]).toEqual(
    Object.fromEntries(Object.entries(byScene).map(([scene, s]) => [`scene_${scene}`, s.shareCount])),
  );
  const hourly = await chartTable(page, "shares-hourly-chart");
  for (const h of [8, 12, 21]) {
    expect(hourly[hour(h)], hour(h)).toEqual(
      Object.fromEntries(
        Object.keys(byScene).map((scene) => [`scene_${scene}`, legacy.hours[h]![scene]?.shareCount ?? null]),
      ),
    );
  }

  await page.getByTestId("shares-metric").getByText("Sharers (people)").click();
  await expect(page).toHaveURL(/metric=people/);
  await expect(page.getByTestId("shares-daily-chart").locator('td[data-key="scene_1"]')).toHaveAttribute(
    "data-value",
    String(byScene[1]!.shareUser),
  );
  // A range the new generation also covers has no separate sharers chart.
  await expect(page.getByTestId("shares-new")).toHaveCount(0);
});

test("shares: after the retirement the new generation's daily sharers are charted, with why there are no scenes", async ({
  page,
}) => {
  await signIn(page, "admin");
  await page.goto("/shares?account=1&range=last30");
  const to = addDaysIso(E2E.today, -1);
  const from = addDaysIso(to, -29);
  const fresh = expectedShares(truth, appidOf(1), from, to, E2E.today);
  await expect(page.getByTestId("kpi-sharers")).toHaveAttribute(
    "data-value",
    String(sum(Object.values(fresh.newSharers))),
  );
  await expect(page.getByTestId("kpi-shares")).toHaveCount(0);
  await expect(page.getByTestId("shares-new-note")).toContainText(
    "report each day's sharers, but no share scenes and no hours",
  );
  await expect(page.getByTestId("shares-no-scenes")).toContainText(`this account's end on ${LAST_LEGACY}`);
  const table = await chartTable(page, "shares-new-chart");
  expect(table[to.slice(5)]).toEqual({ sharers: fresh.newSharers[to] });
  await expect(page.getByTestId("shares-hourly-empty")).toContainText("getusersharehour");
});

for (const locale of ["en", "zh"] as const) {
  test(`hourly and shares screenshots (${locale})`, async ({ page }) => {
    await signIn(page, "admin", locale);
    await page.goto(`/hourly?account=1&range=custom&from=2026-06-01&to=${LAST_LEGACY}`);
    await expect(page.getByTestId("hourly-chart")).toBeVisible();
    if (locale === "zh") {
      await expect(page.getByTestId("hourly-sources")).toContainText("公众号会话");
      await expect(page.getByTestId("hourly-sources")).toContainText("看一看");
    }
    await screenshot(page, "hourly", locale);

    await page.goto("/hourly?account=1&range=last30");
    await expect(page.getByTestId("hourly-no-data")).toBeVisible();
    await screenshot(page, "hourly-retired", locale);

    await page.goto("/shares?account=1&range=custom&from=2026-06-15&to=2026-07-14");
    await expect(page.getByTestId("shares-daily-chart")).toBeVisible();
    await expect(page.getByTestId("shares-new-chart")).toBeVisible();
    if (locale === "zh") await expect(page.getByTestId("shares-daily-chart")).toContainText("好友转发");
    await screenshot(page, "shares-mixed", locale);

    await page.goto("/shares?account=1&range=last30");
    await expect(page.getByTestId("shares-new-chart")).toBeVisible();
    await screenshot(page, "shares-new", locale);
  });
}
