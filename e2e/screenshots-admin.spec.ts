import { expect, test } from "@playwright/test";

import { screenshot, setLocale, signIn } from "./fixtures";

/** The pages without a chart spec of their own, in both languages (the others shoot theirs). */
for (const locale of ["en", "zh"] as const) {
  test(`sign-in, accounts, account and users pages (${locale})`, async ({ page }) => {
    await setLocale(page, locale);
    await page.goto("/login");
    await screenshot(page, "login", locale);
    await signIn(page, "admin", locale);
    await page.goto("/accounts");
    await expect(page.getByTestId("add-account")).toBeVisible();
    await screenshot(page, "accounts", locale);
    await page.goto("/accounts/1");
    await expect(page.locator("[data-status]").first()).toBeVisible();
    await screenshot(page, "account-1", locale);
    await page.goto("/users");
    await expect(page.getByTestId("create-user")).toBeVisible();
    await screenshot(page, "users", locale);
  });
}
