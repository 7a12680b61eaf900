import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/** Every page a signed-in admin reaches, by a short name for its screenshot. */
export const PAGES: { name: string; path: string }[] = [
  { name: "portfolio", path: "/portfolio" },
  { name: "overview", path: "/?account=1&range=last30" },
  { name: "followers", path: "/followers?account=1&range=last30" },
  { name: "hourly", path: "/hourly?account=1&range=custom&from=2026-06-01&to=2026-06-07" },
  { name: "shares", path: "/shares?account=1&range=custom&from=2026-06-01&to=2026-06-07" },
  { name: "articles", path: "/articles?account=1&range=last30" },
  { name: "positions", path: "/positions?account=1&range=last90" },
  { name: "article", path: "" },
  { name: "compare", path: "" },
  { name: "accounts", path: "/accounts" },
  { name: "account", path: "/accounts/1" },
  { name: "users", path: "/users" },
  { name: "groups", path: "/groups" },
  { name: "links", path: "/links" },
  { name: "digests", path: "/digests" },
  { name: "audit", path: "/audit" },
  { name: "password", path: "/password" },
  { name: "not-found", path: "/no-such-page" },
];

export type Scheme = "light" | "dark";

/** The page is settled: no panel still loading. */
export async function settle(page: Page) {
  await expect(page.locator('.panel-state[role="status"]')).toHaveCount(0, { timeout: 20_000 });
  await page.waitForTimeout(300);
}

/** The page never scrolls sideways: its width is the viewport's (fixed, not a widened mobile layout). */
export async function expectNoSidewaysScroll(page: Page, label: string) {
  const { scrollWidth, width } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    width: window.innerWidth,
  }));
  expect.soft(scrollWidth, `${label}: page wider than the viewport`).toBeLessThanOrEqual(width);
}

/** axe-core on the whole page, WCAG 2 A/AA rules: no serious or critical violation. */
export async function expectAccessible(page: Page, label: string) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const bad = results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.nodes
          .map((n) => n.target.join(" "))
          .slice(0, 5)
          .join(" | ")}`,
    );
  expect.soft(bad, `${label}: axe violations`).toEqual([]);
}
