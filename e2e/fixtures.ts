import { expect, type Page } from "@playwright/test";

import { createGroundTruth } from "../simulator/truth";
import { E2E } from "./env";

export { E2E };

export const USERS = {
  admin: { email: "admin@demo.readout", password: "demo-admin" },
  manager: { email: "manager@demo.readout", password: "demo-manager" },
  viewer: { email: "viewer@demo.readout", password: "demo-viewer" },
} as const;
export type DemoRole = keyof typeof USERS;

/** The demo's ground truth: account id n (1..3) is truth.accounts[n - 1]. */
export const truth = createGroundTruth({ seed: 1, accounts: 3 });
export const appidOf = (accountId: number) => truth.accounts[accountId - 1]!.appid;

export async function signIn(page: Page, role: DemoRole, locale: "en" | "zh" = "en") {
  await page.context().addCookies([{ name: "readout-locale", value: locale, url: E2E.baseUrl }]);
  await page.goto("/login");
  await page.locator('input[name="email"]').fill(USERS[role].email);
  await page.locator('input[name="password"]').fill(USERS[role].password);
  await page.locator('button[type="submit"]').click();
  await expect(page).not.toHaveURL(/\/login/);
}

export async function setLocale(page: Page, locale: "en" | "zh") {
  await page.context().addCookies([{ name: "readout-locale", value: locale, url: E2E.baseUrl }]);
}

/** test-results/screenshots/<name>-<locale>.png at 1440×900, full page, after charts settle. */
export async function screenshot(page: Page, name: string, locale: "en" | "zh") {
  await expect(page.locator('.panel-state[role="status"]')).toHaveCount(0, { timeout: 20_000 });
  await page.waitForTimeout(300);
  await page.screenshot({ path: `test-results/screenshots/${name}-${locale}.png`, fullPage: true });
}

/** Reads the numbers of a SeriesChart's data table: { [rowLabel]: { [seriesKey]: value } }. */
export async function chartTable(page: Page, testId: string) {
  return page.getByTestId(`${testId}-table`).evaluate((table) => {
    const out: Record<string, Record<string, number | null>> = {};
    for (const row of Array.from(table.querySelectorAll("tbody tr"))) {
      const label = row.querySelector("td")?.textContent ?? "";
      const values: Record<string, number | null> = {};
      for (const cell of Array.from(row.querySelectorAll("td[data-key]"))) {
        const v = cell.getAttribute("data-value");
        values[cell.getAttribute("data-key")!] = v === "" || v === null ? null : Number(v);
      }
      out[label] = values;
    }
    return out;
  });
}

/** An admin (signed in on `page`) creates a client group of the given demo accounts. */
export async function createGroup(page: Page, name: string, accountIds: number[]) {
  await page.goto("/groups");
  const form = page.getByTestId("group-new");
  await form.getByTestId("group-name").fill(name);
  for (const id of accountIds) await form.getByTestId(`group-account-${id}`).check();
  await form.getByTestId("group-save").click();
  await expect(page.getByTestId(`group-${name}`)).toBeVisible();
}
