import { expect, type Page, test } from "@playwright/test";

import { addDaysIso, eachDay } from "../lib/dates";
import { endpointsOf } from "../lib/wechat/endpoints";
import { E2E, screenshot, signIn } from "./fixtures";

/**
 * Accounts, sync and users on the demo (READOUT_TODAY 2026-11-21). The demo fetched the legacy
 * interfaces on 2026-06-30 (data through 06-29; getarticletotal keeps its last 7 days
 * provisional), then everything on the pinned day, when the legacy six answered 47009.
 * Nothing here changes the demo accounts: the backfill covers days already final.
 */
const yesterday = addDaysIso(E2E.today, -1);
const LAST_LEGACY_DAY = "2026-06-29";

const cell = (page: Page, endpoint: string, date: string) =>
  page.locator(`[data-testid="grid-row-${endpoint}"] td[data-date="${date}"]`);

test("accounts list: each demo account with final data through yesterday", async ({ page }) => {
  await signIn(page, "admin");
  await page.goto("/accounts");
  for (const id of [1, 2, 3]) await expect(page.getByTestId(`account-final-${id}`)).toHaveText(yesterday);
  // The admin's form tests typed credentials without saving anything: a wrong secret is 40125.
  const form = page.getByTestId("add-account");
  await form.locator('input[name="name"]').fill("Not saved");
  await form.locator('input[name="appid"]').fill("wxsim0000000001");
  await form.locator('input[name="secret"]').fill("not-the-secret");
  await page.getByTestId("add-test").click();
  await expect(page.getByTestId("connection-result")).toHaveAttribute("data-code", "40125");
  await expect(page.getByTestId("connection-explanation")).toContainText("AppSecret is wrong (40125)");
  await expect(page.getByTestId("connection-result")).not.toContainText("not-the-secret");
  // screenshots: e2e/screenshots-admin.spec.ts
  await page.goto("/accounts");
  await expect(page.locator('[data-testid^="account-row-"]')).toHaveCount(3);
});

test("completeness grid: legacy interfaces final until WeChat retired them, retired after", async ({ page }) => {
  await signIn(page, "admin");
  const from = "2026-06-15";
  const to = "2026-07-14";
  await page.goto(`/accounts/1?from=${from}&to=${to}`);
  const grid = page.getByTestId("completeness-grid");
  await expect(grid).toHaveAttribute("data-from", from);
  await expect(grid.locator("tbody tr[data-endpoint]")).toHaveCount(12);

  for (const endpoint of endpointsOf("legacy")) {
    // getarticletotal's last 7 days were still provisional when the legacy interfaces went away.
    const lastFinal = endpoint === "getarticletotal" ? addDaysIso(LAST_LEGACY_DAY, -7) : LAST_LEGACY_DAY;
    for (const date of eachDay(from, lastFinal))
      await expect(cell(page, endpoint, date), `${endpoint} ${date}`).toHaveAttribute("data-status", "final");
    for (const date of eachDay("2026-07-01", to))
      await expect(cell(page, endpoint, date), `${endpoint} ${date}`).toHaveAttribute("data-status", "retired");
  }
  await expect(cell(page, "getarticletotal", "2026-06-25")).toHaveAttribute("data-status", "provisional");
  await expect(cell(page, "getuserreadhour", "2026-07-02")).toHaveAttribute("title", /47009/);
  // The new generation is final all along.
  for (const endpoint of endpointsOf("new")) {
    for (const date of eachDay(from, to))
      await expect(cell(page, endpoint, date)).toHaveAttribute("data-status", "final");
  }
  // Four new-generation and two follower interfaces final all along, six legacy until they retired.
  await expect(page.getByTestId("grid-counts")).toContainText(`${4 * 30 + 2 * 30 + 6 * 15 - 7} final`);
  // Nothing in this range can be fetched again (retired interfaces are never called).
  await expect(page.getByTestId("fetch-missing")).toBeDisabled();

  // The default range: the last 30 days, getarticletotaldetail still provisional (30 days).
  await page.goto("/accounts/1");
  await expect(cell(page, "getarticletotaldetail", yesterday)).toHaveAttribute("data-status", "provisional");
  await expect(cell(page, "getarticleread", yesterday)).toHaveAttribute("data-status", "final");
  await expect(cell(page, "getusershare", yesterday)).toHaveAttribute("data-status", "retired");
});

test("backfill of days already final: the progress bar reaches done, and survives a reload", async ({ page }) => {
  await signIn(page, "manager");
  await page.goto("/accounts/1");
  const form = page.getByTestId("backfill-form");
  await form.locator('input[name="from"]').fill("2026-09-01");
  await form.locator('input[name="to"]').fill("2026-09-07");
  await page.getByTestId("backfill-start").click();
  await expect(page.getByTestId("sync-started")).toContainText("2026-09-01");
  const runId = (await page.getByTestId("sync-started").textContent())!.match(/\d+/)![0];
  const progress = page.getByTestId("sync-progress");
  await expect(progress).toHaveAttribute("data-run", runId);
  await expect(progress).toHaveAttribute("data-status", "done");
  // Every day was final already: no window planned, no call made.
  await expect(progress).toHaveAttribute("data-total", "0");
  await expect(progress).toHaveAttribute("data-calls", "0");
  await expect(progress).toHaveAttribute("data-errors", "0");
  await page.reload();
  await expect(page.getByTestId("sync-progress")).toHaveAttribute("data-run", runId);
  await expect(page.getByTestId("sync-progress")).toHaveAttribute("data-status", "done");
  // A backfill reaching past yesterday is refused with the reason, and nothing starts.
  await form.locator('input[name="from"]').fill("2026-11-01");
  await page.evaluate(() =>
    document.querySelector<HTMLInputElement>('[data-testid="backfill-form"] input[name="to"]')?.removeAttribute("max"),
  );
  await form.locator('input[name="to"]').fill(E2E.today);
  await page.getByTestId("backfill-start").click();
  await expect(page.getByTestId("sync-error")).toHaveAttribute("data-code", "invalid");
  await expect(page.getByTestId("sync-progress")).toHaveAttribute("data-run", runId);
});

test("viewer: status read-only, no sync, no credentials", async ({ page }) => {
  await signIn(page, "viewer", "zh");
  await page.goto("/accounts/3");
  await expect(page.getByTestId("sync-progress")).toBeVisible();
  await expect(page.getByTestId("completeness-grid")).toBeVisible();
  await expect(page.getByTestId("sync-now")).toHaveCount(0);
  await expect(page.getByTestId("backfill-form")).toHaveCount(0);
  await expect(page.getByTestId("fetch-missing")).toHaveCount(0);
  await expect(page.getByTestId("credentials")).toHaveCount(0);
  await expect(page.getByTestId("sync-viewer-note")).toContainText("只有管理员");
  await screenshot(page, "account-3-viewer", "zh");
});

test("manager: no users page, no other account, no add form", async ({ page }) => {
  await signIn(page, "manager");
  expect((await page.goto("/users"))?.status()).toBe(404);
  expect((await page.goto("/accounts/3"))?.status()).toBe(404);
  await page.goto("/accounts");
  await expect(page.locator('[data-testid^="account-row-"]')).toHaveCount(2);
  await expect(page.getByTestId("add-account")).toHaveCount(0);
  await page.goto("/accounts/2");
  await expect(page.getByTestId("sync-now")).toBeEnabled();
  await expect(page.getByTestId("credentials")).toBeVisible();
  await expect(page.getByTestId("delete-account")).toHaveCount(0);
});

test("users page: the last admin cannot be demoted; a duplicate email is refused", async ({ page }) => {
  await signIn(page, "admin", "zh");
  await page.goto("/users");
  await page.getByTestId("user-row-admin@demo.readout").getByTestId("user-edit").click();
  await page.getByTestId("user-edit-row-admin@demo.readout").locator('select[name="role"]').selectOption("viewer");
  await page.getByTestId("user-save").click();
  await expect(page.getByTestId("user-save-error")).toContainText("最后一位管理员");
  const create = page.getByTestId("create-user");
  await create.locator('input[name="email"]').fill("Viewer@demo.readout");
  await create.locator('input[name="password"]').fill("long-enough-password");
  await page.getByTestId("create-user-submit").click();
  await expect(page.getByTestId("create-user-error")).toHaveAttribute("data-code", "conflict");
  await page.goto("/users");
  await expect(page.getByTestId("user-row-admin@demo.readout")).toHaveAttribute("data-role", "admin");
  await expect(page.locator('[data-testid^="user-row-"]')).toHaveCount(3);
});
