import { expect, type Page, test } from "@playwright/test";

import { signIn } from "./fixtures";

/**
 * Issue 9, the audit log in the browser: a failed sign-in and a user created and deleted by the
 * admin are listed on /audit with who, what and the client IP, and the filter finds them; other
 * roles get no audit page.
 */
const PROBE_EMAIL = "audit-probe@t.test";
const TEMP_USER = "audit-temp@t.test";

async function filter(page: Page, action: string, q = "") {
  await page.goto("/audit");
  await page.locator('select[name="action"]').selectOption(action);
  await page.locator('input[name="q"]').fill(q);
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(new RegExp(`action=${action.replace(".", "\\.")}`));
}

test("the admin sees failed sign-ins and user changes with who, what and IP, and filters them", async ({ page }) => {
  await page.goto("/login");
  await page.locator('input[name="email"]').fill(PROBE_EMAIL);
  await page.locator('input[name="password"]').fill("not-a-password");
  await page.locator('button[type="submit"]').click();
  await expect(page.locator('p.error[role="alert"]')).toBeVisible();

  await signIn(page, "admin");
  await page.goto("/users");
  const create = page.getByTestId("create-user");
  await create.locator('input[name="email"]').fill(TEMP_USER);
  await create.locator('input[name="password"]').fill("temporary-pass-5");
  await page.getByTestId("create-user-submit").click();
  await expect(page.getByTestId(`user-row-${TEMP_USER}`)).toBeVisible();
  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByTestId(`user-row-${TEMP_USER}`).getByTestId("user-delete").click();
  await expect(page.getByTestId(`user-row-${TEMP_USER}`)).toHaveCount(0);

  await filter(page, "sign-in.failed", PROBE_EMAIL);
  const failed = page.getByTestId("audit-row").first();
  await expect(failed).toContainText(PROBE_EMAIL);
  await expect(failed).toContainText("sign-in.failed");
  await expect(failed).toContainText("127.0.0.1");

  await filter(page, "user.create");
  const created = page.getByTestId("audit-row").filter({ hasText: TEMP_USER }).first();
  await expect(created).toContainText("admin@demo.readout");
  await expect(created).toContainText("user.create");
  await expect(created).toContainText("127.0.0.1");
  const target = (await created.locator("td").nth(3).innerText()).split("\n")[0]!.trim();
  expect(target).toMatch(/^user:\d+$/);

  await filter(page, "user.delete", target);
  const deleted = page.getByTestId("audit-row").first();
  await expect(deleted).toContainText("admin@demo.readout");
  await expect(deleted).toContainText("127.0.0.1");

  // The filter keeps other actions out.
  await filter(page, "sign-in.failed", TEMP_USER);
  await expect(page.getByTestId("audit-row")).toHaveCount(0);
});

test("managers and viewers have no audit log", async ({ page }) => {
  for (const role of ["manager", "viewer"] as const) {
    await page.context().clearCookies();
    await signIn(page, role);
    await expect(page.getByRole("link", { name: "Audit log" })).toHaveCount(0);
    const response = await page.goto("/audit?action=sign-in");
    expect(response?.status(), role).toBe(404);
    await expect(page.getByTestId("audit-list")).toHaveCount(0);
  }
});
