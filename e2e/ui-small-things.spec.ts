import { expect, test } from "@playwright/test";

import { expectedArticles } from "../test/helpers/expected";
import { appidOf, E2E, signIn, truth, USERS } from "./fixtures";
import { expectNoSidewaysScroll, settle } from "./ui";

const desktopOnly = () => test.skip(test.info().project.name === "phone", "checked at desktop");
const phoneOnly = () => test.skip(test.info().project.name !== "phone", "checked on the phone");

test("filter changes push history: Back returns to the previous filter", async ({ page }) => {
  await signIn(page, "admin");
  await page.goto("/?account=1&range=last30");
  await page.getByTestId("range-select").selectOption("last7");
  await expect(page).toHaveURL(/range=last7/);
  await page.getByTestId("range-select").selectOption("last90");
  await expect(page).toHaveURL(/range=last90/);
  await page.goBack();
  await expect(page).toHaveURL(/range=last7/);
  await expect(page.getByTestId("range-select")).toHaveValue("last7");
  await page.goBack();
  await expect(page).toHaveURL(/range=last30/);
  await expect(page.getByTestId("range-select")).toHaveValue("last30");
});

test("chart tooltips list the series in legend order, with their total", async ({ page }) => {
  await signIn(page, "admin");
  await page.goto("/?account=1&range=last7");
  await settle(page);
  const chart = page.getByTestId("overview-trend-chart");
  const legend = await chart
    .getByTestId("overview-trend-chart-legend")
    .locator("li")
    .evaluateAll((items) => items.map((li) => li.getAttribute("data-key")));
  expect(legend.length).toBeGreaterThan(1);
  const plot = chart.locator(".recharts-wrapper");
  // On a phone the chart is below the cards: bring it on screen before pointing at it.
  await plot.scrollIntoViewIfNeeded();
  const box = (await plot.boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.4);
  const tooltip = page.getByTestId("chart-tooltip");
  await expect(tooltip).toBeVisible();
  const rows = await tooltip.locator("tr[data-key]").evaluateAll((trs) =>
    trs.map((tr) => ({
      key: tr.getAttribute("data-key"),
      value: Number((tr.querySelector("td")?.textContent ?? "").replace(/,/g, "")),
    })),
  );
  expect(rows.map((r) => r.key)).toEqual([...legend, "total"]);
  const series = rows.slice(0, -1).reduce((n, r) => n + r.value, 0);
  expect(rows.at(-1)!.value).toBe(series);
  expect(series).toBeGreaterThan(0);
});

test("a wrong password keeps the email", async ({ page }) => {
  await page.goto("/login");
  await page.locator('input[name="email"]').fill(USERS.admin.email);
  await page.locator('input[name="password"]').fill("not-the-password");
  await page.locator('button[type="submit"]').click();
  await expect(page.locator('.login p.error[role="alert"]')).toBeVisible();
  await expect(page.locator('input[name="email"]')).toHaveValue(USERS.admin.email);
  await expect(page).toHaveURL(/\/login/);
});

test("an unknown URL is a 404 with a way home", async ({ page }) => {
  await signIn(page, "viewer", "zh");
  const response = await page.goto("/no-such-page/at-all");
  expect(response?.status()).toBe(404);
  await expect(page.getByTestId("not-found")).toBeVisible();
  await page.getByTestId("not-found-home").click();
  await expect(page).toHaveURL(new RegExp(`^${E2E.baseUrl}/(\\?.*)?$`));
  await expect(page.getByTestId("kpi-readers")).toBeVisible();
});

test("focus stays in the compare picker after 添加", async ({ page }) => {
  desktopOnly();
  await signIn(page, "admin", "zh");
  await page.goto("/compare");
  const [a, b] = expectedArticles(truth, appidOf(1), "2026-11-01", "2026-11-20", E2E.today);
  await page.getByTestId("picker-account").selectOption("1");
  await page.getByTestId("picker-search").fill(a!.msgid);
  await page.getByTestId(`pick-${a!.msgid}`).click();
  await expect(page.getByTestId("compare-selection").locator("li")).toHaveCount(1);
  const inPicker = () => page.evaluate(() => !!document.activeElement?.closest('[data-testid="compare-picker"]'));
  expect(await inPicker()).toBe(true);
  // The keyboard goes on from there: type the next search and add with Enter.
  await page.keyboard.press("Control+A");
  await page.keyboard.type(b!.msgid);
  await page.getByTestId(`pick-${b!.msgid}`).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("compare-selection").locator("li")).toHaveCount(2);
  expect(await inPicker()).toBe(true);
});

test("a backfill that fetched nothing says why, not a green done 0/0", async ({ page }) => {
  desktopOnly();
  await signIn(page, "manager", "zh");
  await page.goto("/accounts/2");
  const form = page.getByTestId("backfill-form");
  await form.locator('input[name="from"]').fill("2026-10-01");
  await form.locator('input[name="to"]').fill("2026-10-03");
  await page.getByTestId("backfill-start").click();
  const progress = page.getByTestId("sync-progress");
  await expect(progress).toHaveAttribute("data-status", "done");
  await expect(progress).toHaveAttribute("data-calls", "0");
  await expect(progress.getByTestId("run-badge")).toHaveAttribute("data-outcome", "nothing");
  await expect(progress.getByTestId("run-badge")).not.toContainText("已完成");
  await expect(page.getByTestId("sync-nothing")).toContainText("已是最终数据");
});

test("favicon and skip-to-content link", async ({ page, request }) => {
  await signIn(page, "admin");
  await page.goto("/accounts");
  const icon = page.locator('head link[rel="icon"]');
  await expect(icon).toHaveCount(1);
  const href = (await icon.getAttribute("href"))!;
  const answer = await request.get(href);
  expect(answer.status()).toBe(200);
  expect(answer.headers()["content-type"]).toContain("image/svg+xml");
  // The first Tab lands on the skip link; following it puts the keyboard in the content.
  await page.keyboard.press("Tab");
  const skip = page.locator(".skip-link");
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press("Enter");
  await expect(page.locator("#main")).toBeFocused();
});

test("dark mode: follows the system, a switch overrides it and is remembered", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "dark" });
  await signIn(page, "admin");
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  await page.goto("/accounts");
  const systemDark = await background();
  if (await page.getByTestId("menu-button").isVisible()) await page.getByTestId("menu-button").click();
  await page.getByTestId("theme-switch").selectOption("light");
  await expect(page.locator("html")).toHaveAttribute("data-theme", "light");
  const light = await background();
  expect(light).not.toBe(systemDark);
  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("data-theme", "light");
  expect(await background()).toBe(light);
  await page.emulateMedia({ colorScheme: "light" });
  if (await page.getByTestId("menu-button").isVisible()) await page.getByTestId("menu-button").click();
  await page.getByTestId("theme-switch").selectOption("dark");
  await page.reload();
  expect(await background()).toBe(systemDark);
});

test("phone: the navigation is a menu, tables keep two figures, touch targets are 40px", async ({ page }) => {
  phoneOnly();
  await signIn(page, "admin");
  await page.goto("/articles?account=1&range=last30");
  await settle(page);
  await expectNoSidewaysScroll(page, "articles");
  // Navigation behind the menu button.
  const nav = page.locator("#app-nav");
  await expect(nav).toBeHidden();
  await page.getByTestId("menu-button").click();
  await expect(nav).toBeVisible();
  await expect(page.getByTestId("menu-button")).toHaveAttribute("aria-expanded", "true");
  for (const target of await nav.locator("a, button, select").all()) {
    const box = (await target.boundingBox())!;
    expect(box.height, (await target.textContent()) ?? "").toBeGreaterThanOrEqual(40);
  }
  await nav.getByRole("link", { name: "Overview" }).click();
  await expect(page).toHaveURL(/account=1/);
  await expect(nav).toBeHidden();
  await page.goto("/articles?account=1&range=last30");
  await settle(page);
  // The articles table: title, readers and WeChat's 送达阅读率; the rest one tap away.
  const row = page.locator('[data-testid^="article-row-"]').first();
  const visible = await row
    .locator("td[data-key]")
    .evaluateAll((tds) =>
      tds.filter((td) => (td as HTMLElement).offsetParent !== null).map((td) => td.getAttribute("data-key")),
    );
  expect(visible).toEqual(["title", "readers", "readDeliveryRate"]);
  await expect(row.locator(".row-more")).toBeHidden();
  await row.getByTestId("row-more-toggle").click();
  await expect(row.locator(".row-more")).toBeVisible();
  await expect(row.locator(".row-more dt")).toContainText(["Delivered"]);
  // Every control in the toolbar, the table tools, the pager and the pick boxes is a 40px target.
  const heights = await page
    .locator(".toolbar select, .table-tools input, .pager button, .pick-cell label")
    .evaluateAll((els) =>
      els.map((e) => ({ what: e.outerHTML.slice(0, 60), height: e.getBoundingClientRect().height })),
    );
  expect(heights.length).toBeGreaterThan(3);
  expect(heights.filter((h) => h.height < 40)).toEqual([]);
  // KPI cards stack.
  const cards = await page.locator(".kpi").evaluateAll((els) => els.map((e) => e.getBoundingClientRect().left));
  expect(new Set(cards).size).toBe(1);
});

test("200% zoom (1440×900 at 200% is 720×450 CSS pixels): no page scrolls sideways", async ({ page }) => {
  desktopOnly();
  await signIn(page, "admin", "zh");
  await page.setViewportSize({ width: 720, height: 450 });
  const [first, second] = expectedArticles(truth, appidOf(1), "2026-11-01", "2026-11-20", E2E.today);
  for (const path of [
    "/?account=1&range=last30",
    "/hourly?account=1&range=custom&from=2026-06-01&to=2026-06-07",
    "/shares?account=1&range=custom&from=2026-06-01&to=2026-06-07",
    "/articles?account=1&range=last30",
    `/articles/1/${first!.msgid}`,
    `/compare?a=1:${first!.msgid}&a=1:${second!.msgid}`,
    "/accounts",
    "/accounts/1",
    "/users",
  ]) {
    await page.goto(path);
    await settle(page);
    await expectNoSidewaysScroll(page, path);
  }
});
