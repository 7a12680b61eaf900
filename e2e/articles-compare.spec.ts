import fs from "node:fs";

import { expect, type Page, test } from "@playwright/test";
import Papa from "papaparse";

import { addDaysIso, type IsoDate } from "../lib/dates";
import { type ExpectedArticle, expectedArticle, expectedArticles, sceneCounts } from "../test/helpers/expected";
import { appidOf, chartTable, E2E, screenshot, signIn, truth } from "./fixtures";

/**
 * Articles, article detail and compare on the demo data (READOUT_TODAY pinned; account ids
 * 1..3 are truth.accounts[0..2]); every number is checked against the simulator's ground truth.
 */

/** The first send in [from, to] of the publish type asked for. */
function sendIn(accountId: number, from: IsoDate, to: IsoDate, publishType: 0 | 1 = 0) {
  for (let d = from; d <= to; d = addDaysIso(d, 1)) {
    const send = truth.sendOn(appidOf(accountId), d);
    if (send && send.publishType === publishType && send.articles.length >= 2) return { date: d, send };
  }
  throw new Error(`no send of type ${publishType} for account ${accountId} in ${from}..${to}`);
}

function article(accountId: number, msgid: string): ExpectedArticle {
  const e = expectedArticle(truth, appidOf(accountId), msgid, E2E.today);
  if (!e) throw new Error(`no article ${accountId}:${msgid}`);
  return e;
}

async function readCsv(page: Page, trigger: () => Promise<void>) {
  const download = page.waitForEvent("download");
  await trigger();
  const file = await (await download).path();
  const text = fs.readFileSync(file, "utf8").replace(/^\uFEFF/, "");
  return Papa.parse<Record<string, string>>(text.trim(), { header: true }).data;
}

const cell = (page: Page, row: string, key: string) => page.getByTestId(row).locator(`td[data-key="${key}"]`);

test("articles: the table shows each article's latest figures; sort, search and page live in the URL", async ({
  page,
}) => {
  await signIn(page, "admin");
  // One notified send in November: all of its articles, exact readers, sharers and favourites.
  const { date, send } = sendIn(1, "2026-11-02", "2026-11-15");
  await page.goto(`/articles?account=1&range=custom&from=${date}&to=${date}`);
  await expect(page.getByTestId("kpi-articles")).toHaveAttribute("data-value", String(send.articles.length));
  for (const { msgid } of send.articles) {
    const e = article(1, msgid);
    const row = `article-row-${msgid}`;
    await expect(cell(page, row, "readers")).toHaveAttribute("data-value", String(e.latest.readers));
    await expect(cell(page, row, "sharers")).toHaveAttribute("data-value", String(e.latest.sharers));
    await expect(cell(page, row, "favourites")).toHaveAttribute("data-value", String(e.latest.favourites));
    await expect(cell(page, row, "position")).toHaveAttribute("data-value", String(e.position));
    // Delivered is derived from read_delivery_rate after the legacy interfaces retired: within 0.01%.
    const readRate = Number(await cell(page, row, "readRate").getAttribute("data-value"));
    expect(Math.abs(readRate - e.latest.readers / e.delivered!) / readRate).toBeLessThan(1e-3);
  }

  // Last 30 days: the totals, sorted by readers, searched, paged.
  const to = addDaysIso(E2E.today, -1);
  const from = addDaysIso(to, -29);
  const expected = expectedArticles(truth, appidOf(1), from, to, E2E.today);
  await page.goto("/articles?account=1&range=last30");
  await expect(page.getByTestId("kpi-articles")).toHaveAttribute("data-value", String(expected.length));
  await expect(page.getByTestId("kpi-readers")).toHaveAttribute(
    "data-value",
    String(expected.reduce((n, a) => n + a.latest.readers, 0)),
  );
  await page.getByTestId("sort-readers").click();
  await expect(page).toHaveURL(/sort=readers&dir=desc/);
  const top = [...expected].sort((a, b) => b.latest.readers - a.latest.readers)[0]!;
  await expect(page.getByTestId("articles-rows").locator("tbody tr").first()).toHaveAttribute(
    "data-testid",
    `article-row-${top.msgid}`,
  );
  await expect(page.getByTestId("articles-page")).toContainText(`of ${Math.ceil(expected.length / 20)}`);
  await page.getByRole("button", { name: "Next →" }).click();
  await expect(page).toHaveURL(/page=2/);
  await expect(page.getByTestId("articles-rows").locator("tbody tr")).toHaveCount(Math.min(20, expected.length - 20));

  const needle = top.title.slice(0, 4);
  await page.getByTestId("articles-search").fill(needle);
  await expect.poll(() => new URL(page.url()).searchParams.get("q")).toBe(needle);
  await expect(page).not.toHaveURL(/page=2/);
  await expect(page.getByTestId("articles-count")).toContainText(
    `${expected.filter((a) => a.title.includes(needle)).length} of ${expected.length}`,
  );
  // The URL restores the view.
  await page.reload();
  await expect(page.getByTestId("articles-search")).toHaveValue(needle);
  await expect(page.getByTestId(`article-row-${top.msgid}`)).toBeVisible();
});

test("articles: the CSV export's totals equal the cards", async ({ page }) => {
  await signIn(page, "manager");
  await page.goto("/articles?account=2&range=last7");
  await expect(page.getByTestId("kpi-readers")).toBeVisible();
  const readers = Number(await page.getByTestId("kpi-readers").getAttribute("data-value"));
  const articles = Number(await page.getByTestId("kpi-articles").getAttribute("data-value"));
  const rows = await readCsv(page, () => page.getByTestId("export-articles-articles").getByText("CSV").click());
  expect(rows).toHaveLength(articles);
  expect(rows.reduce((n, r) => n + Number(r["Readers"]), 0)).toBe(readers);
  const to = addDaysIso(E2E.today, -1);
  expect(readers).toBe(
    expectedArticles(truth, appidOf(2), addDaysIso(to, -6), to, E2E.today).reduce((n, a) => n + a.latest.readers, 0),
  );
});

test("articles: ticking articles builds a compare link", async ({ page }) => {
  await signIn(page, "admin");
  const { date, send } = sendIn(3, "2026-10-01", "2026-10-31");
  await page.goto(`/articles?account=3&range=custom&from=${date}&to=${date}`);
  for (const a of send.articles.slice(0, 2))
    await page.getByTestId(`article-row-${a.msgid}`).getByRole("checkbox").check();
  await page.getByTestId("compare-link").click();
  await expect(page).toHaveURL(
    new RegExp(`/compare\\?a=3%3A${send.articles[0]!.msgid}&a=3%3A${send.articles[1]!.msgid}`),
  );
  await expect(page.getByTestId("compare-row-readers").locator('td[data-key="a0"]')).toHaveAttribute(
    "data-value",
    String(article(3, send.articles[0]!.msgid).latest.readers),
  );
});

test("article detail: headline figures and the 30-day curves equal getarticletotaldetail", async ({ page }) => {
  await signIn(page, "manager");
  const { send } = sendIn(2, "2026-09-01", "2026-09-30");
  const e = article(2, send.articles[0]!.msgid);
  const last = e.new!.at(-1)!;
  expect(e.new).toHaveLength(30);
  await page.goto(`/articles/2/${e.msgid}`);
  await expect(page.getByTestId("article-title")).toHaveText(e.title);
  for (const [id, value] of [
    ["readers", last.read_user],
    ["sharers", last.share_user],
    ["favourites", last.collection_user],
    ["likes", last.like_user],
    ["zaikan", last.zaikan_user],
    ["comments", last.comment_count],
    ["finishRate", last.read_finish_rate],
    ["avgActiveMinutes", last.read_avg_activetime],
  ] as const) {
    await expect(page.getByTestId(`stat-${id}`)).toHaveAttribute("data-value", String(value));
  }
  const sources = await chartTable(page, "article-sources-chart");
  expect(Object.keys(sources)).toHaveLength(30);
  expect(sources["29"]).toMatchObject(sceneCounts(last.read_user_source));
  expect(sources["0"]).toMatchObject(sceneCounts(e.new![0]!.read_user_source));
  const curves = await chartTable(page, "article-curves-chart");
  expect(curves["6"]).toEqual({ sharers: e.new![6]!.share_user, favourites: e.new![6]!.collection_user });
  const interactions = await chartTable(page, "article-interactions-chart");
  expect(interactions["29"]).toEqual({ likes: last.like_user, zaikan: last.zaikan_user, comments: last.comment_count });
  const dropOff = await chartTable(page, "article-dropoff-chart");
  for (const { position, rate } of last.read_jump_position) {
    expect(Object.values(dropOff)[position - 1]!.leaving).toBeCloseTo(rate * 100, 6);
  }
});

test("article detail: both generations switch between 30 and 7 days; a legacy-only article says why charts are missing", async ({
  page,
}) => {
  await signIn(page, "admin");
  const both = article(1, sendIn(1, "2026-05-01", "2026-05-31").send.articles[0]!.msgid);
  expect(both.legacy).toHaveLength(7);
  await page.goto(`/articles/1/${both.msgid}`);
  await expect(page.getByTestId("generation-notice")).toBeVisible();
  expect(Object.keys(await chartTable(page, "article-sources-chart"))).toHaveLength(30);
  await page.getByTestId("generation-legacy").click();
  await expect(page).toHaveURL(/gen=legacy/);
  await expect(page.getByTestId("article-sources-chart-table").locator("tbody tr")).toHaveCount(7);
  const legacy = await chartTable(page, "article-curves-chart");
  expect(legacy["6"]).toEqual({ sharers: both.legacy![6]!.share_user, favourites: both.legacy![6]!.add_to_fav_user });

  const old = article(1, sendIn(1, "2025-10-01", "2025-10-31").send.articles[0]!.msgid);
  expect(old.new).toBeNull();
  await page.goto(`/articles/1/${old.msgid}`);
  await expect(page.getByTestId("stat-readers")).toHaveAttribute("data-value", String(old.latest.readers));
  await expect(page.getByTestId("article-new-only")).toContainText("before the new interfaces start on 2025-11-01");
  await expect(page.getByTestId("article-interactions")).toHaveCount(0);
  await expect(page.getByTestId("stat-likes")).toHaveCount(0);
});

test("compare: a link restores 3 articles from 2 accounts with the right numbers and best marks", async ({
  page,
  browser,
}) => {
  await signIn(page, "manager");
  const a1 = sendIn(1, "2026-09-01", "2026-09-30").send.articles;
  const a2 = sendIn(2, "2026-09-01", "2026-09-30").send.articles;
  const chosen = [
    { accountId: 1, msgid: a1[0]!.msgid },
    { accountId: 2, msgid: a2[0]!.msgid },
    { accountId: 1, msgid: a1[1]!.msgid },
  ];
  const expected = chosen.map((c) => article(c.accountId, c.msgid));
  await page.goto(`/compare?${chosen.map((c) => `a=${c.accountId}:${c.msgid}`).join("&")}`);
  await expect(page.getByTestId("compare-selection").locator("li")).toHaveCount(3);

  const rows = [
    ["readers", (e: ExpectedArticle) => e.new!.at(-1)!.read_user],
    ["sharers", (e: ExpectedArticle) => e.new!.at(-1)!.share_user],
    ["favourites", (e: ExpectedArticle) => e.new!.at(-1)!.collection_user],
    ["likes", (e: ExpectedArticle) => e.new!.at(-1)!.like_user],
    ["comments", (e: ExpectedArticle) => e.new!.at(-1)!.comment_count],
  ] as const;
  for (const [metric, of] of rows) {
    const values = expected.map(of);
    const best = Math.max(...values);
    for (const [i, v] of values.entries()) {
      const td = page.getByTestId(`compare-row-${metric}`).locator(`td[data-key="a${i}"]`);
      await expect(td).toHaveAttribute("data-value", String(v));
      if (v === best) {
        await expect(td).toHaveAttribute("data-best", "true");
        await expect(td.getByRole("img", { name: "Best" })).toBeVisible();
      } else {
        await expect(td).not.toHaveAttribute("data-best", "true");
      }
    }
  }

  // Curves aligned by day since send.
  const curve = await chartTable(page, "compare-chart");
  expect(curve["0"]).toEqual({
    a0: expected[0]!.new![0]!.read_user,
    a1: expected[1]!.new![0]!.read_user,
    a2: expected[2]!.new![0]!.read_user,
  });
  expect(curve["29"]!.a1).toBe(expected[1]!.new![29]!.read_user);
  await page.getByTestId("metric-sharers").click();
  await expect(page).toHaveURL(/metric=sharers/);
  expect((await chartTable(page, "compare-chart"))["5"]!.a2).toBe(expected[2]!.new![5]!.share_user);
  await page.getByTestId("scale-per1000").click();
  await expect(page).toHaveURL(/scale=per1000/);
  // Per 1,000 delivered (delivered derived from read_delivery_rate: within 0.1%).
  const per1000 = (await chartTable(page, "compare-chart"))["5"]!.a2!;
  const exact = (expected[2]!.new![5]!.share_user / expected[2]!.delivered!) * 1000;
  expect(Math.abs(per1000 - exact) / exact).toBeLessThan(1e-3);

  // The metrics CSV has the page's numbers.
  const csv = await readCsv(page, () => page.getByTestId("export-compare-metrics").getByText("CSV").click());
  const readersRow = csv.find((r) => r["Metric"] === "Readers")!;
  expect(Object.values(readersRow).slice(1).map(Number)).toEqual(expected.map((e) => e.new!.at(-1)!.read_user));

  // Anyone who may see both accounts gets the same view; a viewer of account 3 only gets a 404.
  const url = page.url();
  const other = await browser.newContext({ baseURL: E2E.baseUrl });
  const viewer = await other.newPage();
  await signIn(viewer, "viewer");
  expect((await viewer.goto(url))?.status()).toBe(404);
  await other.close();
});

test("compare: bad links explain themselves", async ({ page }) => {
  await signIn(page, "admin");
  const { send } = sendIn(1, "2026-09-01", "2026-09-30");
  await page.goto(`/compare?a=1:${send.articles[0]!.msgid}`);
  await expect(page.getByTestId("compare-problem")).toContainText("Choose 2 to 8 articles");
  await page.goto(`/compare?a=1:${send.articles[0]!.msgid}&a=oops`);
  await expect(page.getByTestId("compare-problem")).toContainText("“oops” in this link is not an article");
  const nine = Array.from({ length: 9 }, (_, i) => `a=1:${2_000_000_000 + i}_1`).join("&");
  await page.goto(`/compare?${nine}`);
  await expect(page.getByTestId("compare-problem")).toContainText("at most 8");
  // An unknown article among known ones: the others are compared and the page says which is missing.
  await page.goto(`/compare?a=1:${send.articles[0]!.msgid}&a=1:${send.articles[1]!.msgid}&a=1:1_1`);
  await expect(page.getByTestId("compare-missing")).toContainText("1:1_1");
  await expect(page.getByTestId("compare-row-readers").locator("td")).toHaveCount(2);
});

test("compare: the picker adds articles of any visible account", async ({ page }) => {
  await signIn(page, "admin");
  await page.goto("/compare");
  const a = sendIn(2, "2026-11-01", "2026-11-15").send.articles[0]!;
  const b = sendIn(3, "2026-11-01", "2026-11-15").send.articles[0]!;
  await page.getByTestId("picker-account").selectOption("2");
  await page.getByTestId("picker-search").fill(a.msgid);
  await page.getByTestId(`pick-${a.msgid}`).click();
  await page.getByTestId("picker-account").selectOption("3");
  await page.getByTestId("picker-search").fill(b.msgid);
  await page.getByTestId(`pick-${b.msgid}`).click();
  await expect(page).toHaveURL(new RegExp(`a=2%3A${a.msgid}&a=3%3A${b.msgid}`));
  // The table compares both at the same age: the last day the younger one has reached.
  const [ea, eb] = [article(2, a.msgid), article(3, b.msgid)];
  const day = Math.min(ea.new!.length, eb.new!.length) - 1;
  await expect(page.getByTestId("compare-row-readers").locator('td[data-key="a1"]')).toHaveAttribute(
    "data-value",
    String(eb.new![day]!.read_user),
  );
});

for (const locale of ["en", "zh"] as const) {
  test(`articles, detail and compare screenshots (${locale})`, async ({ page }) => {
    await signIn(page, "admin", locale);
    await page.goto("/articles?account=1&range=last30");
    await expect(page.getByTestId("kpi-readers")).toBeVisible();
    await screenshot(page, "articles", locale);
    const { send } = sendIn(1, "2026-09-01", "2026-09-30");
    await page.goto(`/articles/1/${send.articles[0]!.msgid}`);
    await expect(page.getByTestId("stat-readers")).toBeVisible();
    await screenshot(page, "article-detail", locale);
    const other = sendIn(2, "2026-09-01", "2026-09-30").send;
    await page.goto(
      `/compare?a=1:${send.articles[0]!.msgid}&a=1:${send.articles[1]!.msgid}&a=2:${other.articles[0]!.msgid}`,
    );
    await expect(page.getByTestId("compare-table")).toBeVisible();
    await screenshot(page, "compare", locale);
  });
}
