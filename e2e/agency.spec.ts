import { type Browser, expect, type Page, test } from "@playwright/test";

import { PAGE_SIZE } from "../components/table-state";
import { addDaysIso, daysBetween, type IsoDate } from "../lib/dates";
import { type ExpectedArticle, expectedArticles } from "../test/helpers/expected";
import { appidOf, createGroup, E2E, signIn as signInOnce, truth, type USERS } from "./fixtures";

/**
 * Issue 12 on the demo data (READOUT_TODAY pinned): client groups, articles across accounts,
 * percentile bands and shared links, every number checked against the simulator's ground truth.
 */
const FROM = "2026-11-02";
const TO = "2026-11-15";
const nameOf = (accountId: number) => truth.accounts[accountId - 1]!.name;
const articlesOf = (accountId: number, from: IsoDate, to: IsoDate) =>
  expectedArticles(truth, appidOf(accountId), from, to, E2E.today);
const cell = (page: Page, row: string, key: string) => page.getByTestId(row).locator(`td[data-key="${key}"]`);

async function shot(page: Page, name: string) {
  await expect(page.locator('.panel-state[role="status"]')).toHaveCount(0, { timeout: 20_000 });
  await page.waitForTimeout(300);
  await page.screenshot({ path: `test-results/screenshots/${name}-1440.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.waitForTimeout(300);
  await page.screenshot({ path: `test-results/screenshots/${name}-390.png`, fullPage: true });
  await page.setViewportSize({ width: 1440, height: 900 });
}

/** readers by day since sending: the new generation's curve when it has the article, else legacy's. */
function readersByDay(a: ExpectedArticle): Map<number, number> {
  const out = new Map<number, number>();
  if (a.new) for (const d of a.new) out.set(daysBetween(a.sendDate, d.stat_date), d.read_user);
  else for (const d of a.legacy ?? []) out.set(daysBetween(a.sendDate, d.stat_date), d.int_page_read_user);
  return out;
}

/** Counted directly: the share of same-position peers of the previous 90 days the article beats at its latest day. */
function expectedRanking(article: ExpectedArticle, all: ExpectedArticle[]) {
  const own = readersByDay(article);
  const day = Math.max(...own.keys());
  const value = own.get(day)!;
  const peers = all
    .filter(
      (p) =>
        p.msgid !== article.msgid &&
        p.sendDate < article.sendDate &&
        p.sendDate >= addDaysIso(article.sendDate, -90) &&
        (p.position === 1) === (article.position === 1),
    )
    .map((p) => readersByDay(p).get(day))
    .filter((v): v is number => v !== undefined)
    .sort((x, y) => x - y);
  const below = peers.filter((v) => v < value).length;
  const equal = peers.filter((v) => v === value).length;
  return { day, peers, percentile: peers.length >= 5 ? (100 * (below + equal / 2)) / peers.length : null };
}

let groupId = "";

/** The fixture's sign-in, with room for a slow password hash on a loaded machine. */
async function signIn(page: Page, role: keyof typeof USERS) {
  await signInOnce(page, role).catch(async () => {
    await expect(page).not.toHaveURL(/\/login/, { timeout: 30_000 });
  });
}

test("groups: an admin groups accounts; the articles list of a group spans them, each user seeing only their own", async ({
  page,
  browser,
}) => {
  await signIn(page, "admin");
  await createGroup(page, "Client A", [1, 3]);
  await shot(page, "groups");

  await page.goto(`/articles?account=1&range=custom&from=${FROM}&to=${TO}`);
  const option = page.getByTestId("account-switcher").locator("option", { hasText: "Client A" });
  groupId = (await option.getAttribute("value"))!.replace("group:", "");
  await page.getByTestId("account-switcher").selectOption(`group:${groupId}`);
  await expect(page).toHaveURL(new RegExp(`group=${groupId}`));
  const ofAccount1 = articlesOf(1, FROM, TO);
  const both = [...ofAccount1, ...articlesOf(3, FROM, TO)];
  await expect(page.getByTestId("kpi-articles")).toHaveAttribute("data-value", String(both.length));
  await expect(page.getByTestId("kpi-readers")).toHaveAttribute(
    "data-value",
    String(both.reduce((n, a) => n + a.latest.readers, 0)),
  );
  // Ranked across accounts, with the account as a column.
  await page.getByTestId("sort-readers").click();
  const top = [...both].sort((a, b) => b.latest.readers - a.latest.readers)[0]!;
  const first = page.getByTestId("articles-rows").locator("tbody tr").first();
  await expect(first).toHaveAttribute("data-testid", `article-row-${top.msgid}`);
  const topAccount = ofAccount1.includes(top) ? 1 : 3;
  await expect(first.locator('td[data-key="accountName"]')).toHaveText(nameOf(topAccount));
  // Searching by account name narrows to that account.
  await page.getByTestId("articles-search").fill(nameOf(3));
  await expect(page.getByTestId("articles-count")).toContainText(`${articlesOf(3, FROM, TO).length} of ${both.length}`);
  await shot(page, "articles-group");

  // The viewer (account 3) and the manager (accounts 1, 2) see only their own accounts of the group.
  for (const [role, accountId] of [
    ["viewer", 3],
    ["manager", 1],
  ] as const) {
    const context = await browser.newContext();
    const other = await context.newPage();
    await signIn(other, role);
    await other.goto(`/articles?group=${groupId}&range=custom&from=${FROM}&to=${TO}`);
    await expect(other.getByTestId("kpi-articles")).toHaveAttribute(
      "data-value",
      String(articlesOf(accountId, FROM, TO).length),
    );
    await expect(other.getByTestId("articles-rows").locator('td[data-key="accountName"]').first()).toHaveText(
      nameOf(accountId),
    );
    await context.close();
  }
});

test("compare picker: searches every visible account, ranked by readers or sharers", async ({ page }) => {
  await signIn(page, "admin");
  await page.goto("/compare");
  const to = addDaysIso(E2E.today, -1);
  const from = addDaysIso(to, -399);
  const all = [1, 2, 3].flatMap((id) => articlesOf(id, from, to).map((a) => ({ id, a })));
  const idOf = ({ id, a }: { id: number; a: ExpectedArticle }) => `${id}:${a.msgid}`;
  const results = page.getByTestId("picker-result");
  const byReaders = [...all].sort((x, y) => y.a.latest.readers - x.a.latest.readers);
  await expect(results.first()).toHaveAttribute("data-id", idOf(byReaders[0]!), { timeout: 30_000 });
  await expect(results.nth(1)).toHaveAttribute("data-id", idOf(byReaders[1]!));
  await page.getByTestId("picker-rank").selectOption("sharers");
  const bySharers = [...all].sort((x, y) => y.a.latest.sharers - x.a.latest.sharers);
  await expect(results.first()).toHaveAttribute("data-id", idOf(bySharers[0]!));
  // A group: only its accounts.
  await page.getByTestId("picker-account").selectOption(`group:${groupId}`);
  const inGroup = all.filter((x) => x.id !== 2).sort((x, y) => y.a.latest.sharers - x.a.latest.sharers);
  await expect(results.first()).toHaveAttribute("data-id", idOf(inGroup[0]!));
  await shot(page, "compare-picker");
});

test("article detail: curves over the band of the account's own last 90 days, verdict and percentile column", async ({
  page,
}) => {
  await signIn(page, "admin");
  const history = articlesOf(1, addDaysIso(FROM, -90), TO);
  const lead = history.find((a) => a.sendDate >= FROM && a.position === 1 && a.new)!;
  const e = expectedRanking(lead, history);
  expect(e.percentile).not.toBeNull();
  await page.goto(`/articles/1/${lead.msgid}`);
  const verdict = page.getByTestId("verdict-readers");
  await expect(verdict).toHaveAttribute("data-day", String(e.day));
  expect(Number(await verdict.getAttribute("data-percentile"))).toBeCloseTo(e.percentile!, 6);
  const pct = e.percentile!;
  await expect(verdict).toContainText(
    pct >= 60 ? `top ${Math.ceil(100 - pct)}%` : pct <= 40 ? `bottom ${Math.ceil(pct)}%` : "around the median",
  );
  await expect(page.getByTestId("band-definition")).toContainText(addDaysIso(lead.sendDate, -90));
  // The median at day 0 of the same-position peers.
  const day0 = history
    .filter((p) => p.position === 1 && p.sendDate < lead.sendDate && p.sendDate >= addDaysIso(lead.sendDate, -90))
    .map((p) => readersByDay(p).get(0)!)
    .sort((x, y) => x - y);
  const mid = (day0.length - 1) / 2;
  const median = (day0[Math.floor(mid)]! + day0[Math.ceil(mid)]!) / 2;
  const row0 = page.getByTestId("band-readers-table").locator("tbody tr").first();
  expect(Number(await row0.locator('td[data-key="p50"]').getAttribute("data-value"))).toBeCloseTo(median, 6);
  expect(Number(await row0.locator('td[data-key="value"]').getAttribute("data-value"))).toBe(readersByDay(lead).get(0));
  await shot(page, "article-band");

  // The same percentile in the articles list (one decimal), sortable.
  await page.goto(`/articles?account=1&range=custom&from=${FROM}&to=${TO}`);
  await expect(cell(page, `article-row-${lead.msgid}`, "percentile")).toHaveAttribute(
    "data-value",
    String(Math.round(pct * 10) / 10),
  );
  await page.getByTestId("sort-percentile").click();
  await expect(page).toHaveURL(/sort=percentile/);
});

async function anonymous(browser: Browser) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  return { context, page: await context.newPage() };
}

test("shared links: the link works for exactly its view; changed, revoked or expired links are refused", async ({
  page,
  browser,
}) => {
  test.setTimeout(240_000);
  await signIn(page, "manager");
  await page.goto("/links");
  const create = async (minutes: number) => {
    await page.getByTestId("share-scope").selectOption("account:1");
    await page.getByTestId("share-view").selectOption("articles");
    await page.getByTestId("share-from").fill(FROM);
    await page.getByTestId("share-to").fill(TO);
    // The shortest life the form offers is an hour; the server accepts minutes.
    await page
      .getByTestId("share-expiry")
      .evaluate((select: HTMLSelectElement, m) => select.add(new Option(`${m} min`, String(m))), minutes);
    await page.getByTestId("share-expiry").selectOption(String(minutes));
    await page.getByTestId("share-submit").click();
    const url = await page.getByTestId("share-url").textContent();
    await expect(page.getByTestId("share-url")).toBeVisible();
    return url!;
  };
  const shortLived = await create(1);
  const createdAt = Date.now();
  await page.waitForTimeout(200);
  const link = await create(60);
  expect(link).not.toBe(shortLived);
  expect(link).toMatch(new RegExp(`/s/[A-Za-z0-9_-]{43}/articles\\?account=1&from=${FROM}&to=${TO}$`));

  const { context, page: guest } = await anonymous(browser);
  const expected = articlesOf(1, FROM, TO);
  await guest.goto(shortLived);
  await expect(guest.getByTestId("kpi-articles")).toHaveAttribute("data-value", String(expected.length));
  await guest.goto(link);
  await expect(guest.getByTestId("shared-view")).toBeVisible();
  await expect(guest.getByTestId("kpi-articles")).toHaveAttribute("data-value", String(expected.length));
  // Every row on the first page (the list is paged) carries its article's ground-truth readers.
  const rows = guest.getByTestId("articles-rows").locator("tbody tr");
  await expect(rows).toHaveCount(Math.min(PAGE_SIZE, expected.length));
  for (const row of await rows.all()) {
    const msgid = (await row.getAttribute("data-testid"))!.replace("article-row-", "");
    const article = expected.find((a) => a.msgid === msgid)!;
    await expect(row.locator('td[data-key="readers"]')).toHaveAttribute("data-value", String(article.latest.readers));
  }
  // Exactly that view: no navigation, no account switcher, no compare or export, no link to anything else.
  await expect(guest.locator("nav.sidebar")).toHaveCount(0);
  await expect(guest.getByTestId("account-switcher")).toHaveCount(0);
  await expect(guest.getByTestId("compare-bar")).toHaveCount(0);
  await expect(guest.locator('[data-testid^="export-"]')).toHaveCount(0);
  await expect(guest.getByTestId("shared-view").locator("a")).toHaveCount(0);
  await expect(guest.getByText(nameOf(2))).toHaveCount(0);
  await shot(guest, "shared-view");
  await guest.setViewportSize({ width: 390, height: 844 });
  expect(await guest.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await guest.setViewportSize({ width: 1440, height: 900 });

  // Another account, range or page in the URL: refused, and the data route too.
  const u = new URL(link);
  const changed = [
    link.replace("account=1", "account=2"),
    link.replace(`from=${FROM}`, "from=2026-11-01"),
    link.replace(`to=${TO}`, "to=2026-11-20"),
    link.replace("/articles?", "/overview?"),
    link.replace("account=1", "group=1"),
  ];
  for (const url of changed) {
    await guest.goto(url);
    await expect(guest.getByTestId("share-refused")).toBeVisible();
    await expect(guest.getByTestId("kpi-articles")).toHaveCount(0);
  }
  const token = u.pathname.split("/")[2]!;
  const api = await guest.request.get(`/api/shared/${token}/articles?account=2&from=${FROM}&to=${TO}`);
  expect(api.status()).toBe(403);
  const apiOk = await guest.request.get(`/api/shared/${token}/articles?account=1&from=${FROM}&to=${TO}`);
  expect(apiOk.status()).toBe(200);

  // Every opening counted (one of the long-lived link so far); then revoked: refused.
  await page.reload();
  const row = page.getByTestId("shares-list").locator("tbody tr").first();
  await expect(row.getByTestId("share-opens")).toHaveAttribute("data-value", "1");
  await guest.goto(link);
  await expect(guest.getByTestId("shared-view")).toBeVisible();
  await page.reload();
  await expect(row.getByTestId("share-opens")).toHaveAttribute("data-value", "2");
  await row.getByTestId("share-revoke").click();
  await expect(row).toHaveAttribute("data-status", "revoked");
  await guest.goto(link);
  await expect(guest.getByTestId("share-refused")).toBeVisible();
  await shot(page, "links");

  // The one-minute link expires.
  await page.waitForTimeout(Math.max(0, createdAt + 62_000 - Date.now()));
  await guest.goto(shortLived);
  await expect(guest.getByTestId("share-refused")).toBeVisible();
  await context.close();
});
