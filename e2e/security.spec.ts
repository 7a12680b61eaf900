import { expect, test } from "@playwright/test";

import { E2E, signIn, USERS } from "./fixtures";

/** Issue 9 in the browser: open redirects, next-auth's callbackUrl, headers, replayed cookies. */

const EVIL_NEXTS = [
  "/%5Cevil.example",
  "/%09/evil.example",
  "/\\\\evil.example",
  "%2F%2Fevil.example",
  "/.//evil.example",
  "https://evil.example/",
  "/%0D%0ASet-Cookie:%20x=1",
];

async function submitLogin(page: import("@playwright/test").Page) {
  await page.locator('input[name="email"]').fill(USERS.viewer.email);
  await page.locator('input[name="password"]').fill(USERS.viewer.password);
  await page.locator('button[type="submit"]').click();
  await expect(page).not.toHaveURL(/\/login/);
}

test.describe("redirects after sign-in stay on this site", () => {
  for (const next of EVIL_NEXTS) {
    test(`signed out, next=${next}`, async ({ page }) => {
      const response = await page.goto(`/login?next=${next}`);
      expect(response?.status()).toBe(200);
      await submitLogin(page);
      expect(new URL(page.url()).origin).toBe(E2E.baseUrl);
      expect(new URL(page.url()).pathname).toBe("/");
    });

    test(`signed in, next=${next}`, async ({ page }) => {
      await signIn(page, "viewer");
      const response = await page.goto(`/login?next=${next}`);
      expect(response?.status()).toBeLessThan(500);
      expect(new URL(page.url()).origin).toBe(E2E.baseUrl);
      expect(new URL(page.url()).pathname).toBe("/");
    });
  }

  test("a same-site next is honoured", async ({ page }) => {
    await page.goto(`/login?next=${encodeURIComponent("/accounts?x=1")}`);
    await submitLogin(page);
    await expect(page).toHaveURL(`${E2E.baseUrl}/accounts?x=1`);
  });

  test("next-auth: a malformed callbackUrl is no 500 and leads home", async ({ page }) => {
    const evil = `http://127.0.0.1:${E2E.port}.evil.example/`;
    const response = await page.request.get(`/api/auth/signin?callbackUrl=${encodeURIComponent(evil)}`, {
      maxRedirects: 0,
    });
    expect(response.status()).toBeLessThan(500);
    const location = response.headers().location ?? "";
    expect(location.startsWith("/") || location.startsWith(E2E.baseUrl)).toBe(true);
    expect(location).not.toContain("evil.example/");
    await page.goto(`/api/auth/signin?callbackUrl=${encodeURIComponent(evil)}`);
    expect(new URL(page.url()).origin).toBe(E2E.baseUrl);
  });
});
