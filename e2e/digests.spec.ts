import { expect as baseExpect, type Page, test } from "@playwright/test";

import { addDaysIso } from "../lib/dates";
import { formatCount } from "../lib/digests/render";
import { expectedOverviewDays } from "../test/helpers/expected";
import { startWebhookReceiver } from "../test/helpers/receivers";
import { appidOf, E2E, screenshot, setLocale, truth, USERS } from "./fixtures";

/**
 * The Digests page: a manager creates a digest with a WeCom robot destination (a local receiver),
 * presses Send test, and the message that arrives carries yesterday's readers as the simulator
 * has them. Viewers have no Digests link. Desktop and phone layouts, screenshots of both.
 */
/** Pages answer slowly on the shared, loaded test machine: wait for them longer than the default. */
const expect = baseExpect.configure({ timeout: 30_000 });
test.setTimeout(180_000);

/** The shared signIn, with room for a slow first sign-in on a loaded machine. */
async function signIn(page: Page, role: keyof typeof USERS, locale: "en" | "zh") {
  await setLocale(page, locale);
  await page.goto("/login");
  await page.locator('input[name="email"]').fill(USERS[role].email);
  await page.locator('input[name="password"]').fill(USERS[role].password);
  await page.locator('button[type="submit"]').click();
  await page.waitForURL((url) => !url.pathname.startsWith("/login"), { timeout: 60_000 });
}

let hooks: Awaited<ReturnType<typeof startWebhookReceiver>>;
test.beforeAll(async () => {
  hooks = await startWebhookReceiver({ port: E2E.receiverPort });
});
test.afterAll(async () => hooks?.close());

test("a manager creates a digest, sends a test, and the message has yesterday's figures", async ({ page }) => {
  await signIn(page, "manager", "en");
  await page.getByRole("link", { name: "Digests" }).click();
  await expect(page).toHaveURL(/\/digests$/);
  const form = page.getByTestId("new-digest");
  await form.locator('select[name="account"]').selectOption("account:1");
  await form.locator('select[name="language"]').selectOption("en");
  const name = `Morning e2e ${Date.now() % 100000}`;
  await form.locator('input[name="name"]').fill(name);
  await form.locator('input[name="url"]').fill("https://example.com/not-a-robot");
  await form.getByRole("button", { name: "Create digest" }).click();
  await expect(form.getByTestId("action-error")).toContainText("webhook URL");

  await form.locator('input[name="url"]').fill(hooks.url("wecom", "e2e"));
  await form.getByRole("button", { name: "Create digest" }).click();
  const panel = page.locator('[data-testid^="digest-"]', { hasText: name });
  await expect(panel).toBeVisible();
  await expect(panel.getByTestId("digest-sends")).toHaveCount(0);
  // The page never carries the webhook URL back.
  expect(await page.content()).not.toContain(hooks.url("wecom", "e2e"));

  await panel.getByRole("button", { name: "Send test" }).click();
  await expect(panel.getByTestId("test-outcome")).toHaveText("Test sent.");
  expect(hooks.posts).toHaveLength(1);
  const content = (hooks.posts[0]!.body as { markdown: { content: string } }).markdown.content.replace(/\\(.)/g, "$1");
  const yesterday = addDaysIso(E2E.today, -1);
  const day = expectedOverviewDays(truth, appidOf(1), yesterday, yesterday, E2E.today)[0]!;
  expect(content).toContain(`[Test] ${name} · morning digest for ${yesterday}`);
  expect(content).toContain(`Readers: ${formatCount(day.readers!, "en")}`);
  await screenshot(page, "digests", "en");
});

test("phone: the Digests page does not scroll sideways at 390×844", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, "manager", "en");
  await page.goto("/digests");
  await expect(page.getByTestId("new-digest")).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.screenshot({ path: "test-results/screenshots/digests-phone-en.png", fullPage: true });
});

test("viewers have no Digests link", async ({ page }) => {
  await signIn(page, "viewer", "zh");
  await expect(page.getByRole("link", { name: "账号" }).or(page.locator(".sidebar a").first())).toBeVisible();
  await expect(page.locator('.sidebar a[href="/digests"]')).toHaveCount(0);
});
