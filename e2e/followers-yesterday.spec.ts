import { expect, test } from "@playwright/test";

import { addDaysIso } from "../lib/dates";
import { expectedFollowers } from "../test/helpers/expected";
import { appidOf, chartTable, E2E, screenshot, signIn, truth } from "./fixtures";

const yesterday = addDaysIso(E2E.today, -1);
const from = addDaysIso(yesterday, -29);

test("followers: cards, daily figures and follow sources equal the ground truth", async ({ page }) => {
  await signIn(page, "admin");
  await page.goto("/followers?account=1&range=last30");
  const expected = expectedFollowers(truth, appidOf(1), from, yesterday, E2E.today);
  for (const metric of ["newUsers", "cancelUsers", "netUsers", "totalUsers"] as const)
    await expect(page.getByTestId(`kpi-${metric}`)).toHaveAttribute("data-value", String(expected.totals[metric]));
  const table = await chartTable(page, "followers-daily-chart");
  const last = expected.days.at(-1)!;
  expect(table[last.date.slice(5)]).toMatchObject({
    newUsers: last.newUsers,
    cancelUsers: -last.cancelUsers!,
    netUsers: last.netUsers,
    totalUsers: last.totalUsers,
  });
  for (const [code, count] of Object.entries(expected.bySource))
    await expect(page.getByTestId("followers-source-shares").locator(`li[data-key="${code}"]`)).toHaveAttribute(
      "data-value",
      String(count),
    );
  await expect(page.getByTestId("followers-source-shares")).toContainText("Account name in an article");
  await screenshot(page, "followers", "en");

  // The previous period's net followers as a faint line, day for day.
  const before = expectedFollowers(truth, appidOf(1), addDaysIso(from, -30), addDaysIso(from, -1), E2E.today);
  await page.getByTestId("followers-show-previous").check();
  const withPrevious = Object.values(await chartTable(page, "followers-daily-chart"));
  expect(withPrevious.map((r) => r.previous)).toEqual(before.days.map((d) => d.netUsers));
});

test("overview: opens on yesterday's key figures with comparisons, yesterday's articles and articles read yesterday", async ({
  page,
}) => {
  await signIn(page, "admin");
  await page.goto("/?account=1&range=last30");
  const readers = (date: string) =>
    (
      truth.rows(appidOf(1), "getbizsummary", date, date, { today: E2E.today }).list[0] as {
        detail: { read_user: number };
      }
    ).detail.read_user;
  await expect(page.getByTestId("yesterday-readers")).toHaveAttribute("data-value", String(readers(yesterday)));
  await expect(page.getByTestId("yesterday-readers-vs7")).toHaveAttribute(
    "data-value",
    String(readers(addDaysIso(yesterday, -7))),
  );
  const net = expectedFollowers(truth, appidOf(1), yesterday, yesterday, E2E.today).totals.netUsers;
  await expect(page.getByTestId("yesterday-netFollowers")).toHaveAttribute("data-value", String(net));
  const read = truth.rows(appidOf(1), "getarticleread", yesterday, yesterday, { today: E2E.today }).list as {
    msgid: string;
  }[];
  await expect(page.getByTestId("yesterday-read").locator("tbody tr")).toHaveCount(read.length);
  // The yesterday panels come before the range's trend.
  const yesterdayBox = await page.getByTestId("yesterday").boundingBox();
  const trendBox = await page.getByTestId("overview-trend").boundingBox();
  expect(yesterdayBox!.y).toBeLessThan(trendBox!.y);
  await expect(page.getByTestId("overview-channel-shares").locator("li")).toHaveCount(7);
  await screenshot(page, "overview-yesterday", "en");
});
