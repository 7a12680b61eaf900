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
      // Home: sign-in lands on /portfolio, which sends a one-account viewer on to the overview.
      await expect(page).toHaveURL(`${E2E.baseUrl}/`);
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

test.describe("security headers", () => {
  const common = (h: Record<string, string>) => {
    expect(h["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(h["x-content-type-options"]).toBe("nosniff");
    expect(h["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(h["strict-transport-security"]).toBeUndefined(); // plain http here
  };

  test("on a page, a view, an export and a static chunk", async ({ page }) => {
    await signIn(page, "viewer");
    const pageResponse = await page.goto("/?account=3");
    common(pageResponse!.headers());

    const view = await page.request.get("/api/views/overview?account=3&from=2026-11-01&to=2026-11-07");
    expect(view.status()).toBe(200);
    common(view.headers());
    expect(view.headers()["cache-control"]).toBe("no-store");

    const exported = await page.request.get(
      "/api/export/overview?account=3&from=2026-11-01&to=2026-11-07&format=csv&lang=en",
    );
    expect(exported.status()).toBe(200);
    common(exported.headers());
    expect(exported.headers()["cache-control"]).toBe("no-store");

    const chunk = await page.locator('script[src*="/_next/static/"]').first().getAttribute("src");
    const staticResponse = await page.request.get(chunk!);
    expect(staticResponse.status()).toBe(200);
    common(staticResponse.headers());
    expect(staticResponse.headers()["cache-control"]).toContain("immutable");

    const https = await page.request.get("/login", { headers: { "x-forwarded-proto": "https" } });
    expect(https.headers()["strict-transport-security"]).toContain("max-age=");
  });

  test("another site cannot frame the app", async ({ page }) => {
    await signIn(page, "manager");
    const framed: string[] = [];
    page.on("console", (m) => framed.push(m.text()));
    // A page of another origin (a data: URL is opaque) that frames the accounts page.
    await page.goto(`data:text/html,<iframe id="f" src="${E2E.baseUrl}/accounts/1" width="800" height="600"></iframe>`);
    await page.waitForTimeout(1500);
    const frame = page.frames().find((f) => f.url().includes("/accounts/1"));
    const loaded = frame
      ? await frame
          .locator("button")
          .count()
          .catch(() => 0)
      : 0;
    expect(loaded).toBe(0);
  });
});

test.describe("revocable sessions", () => {
  test("a cookie replayed after sign-out is refused", async ({ page, browser }) => {
    await signIn(page, "viewer");
    const cookies = await page.context().cookies();
    const session = cookies.find((c) => c.name.includes("next-auth.session-token"));
    expect(session).toBeTruthy();
    await page.getByRole("button", { name: /sign out/i }).click();
    await expect(page).toHaveURL(/\/login/);

    // Another browser, the old cookie pasted in.
    const attacker = await browser.newContext();
    await attacker.addCookies([session!]);
    const view = await attacker.request.get("/api/views/overview?account=3&from=2026-11-01&to=2026-11-07");
    expect(view.status()).toBe(401);
    // The session endpoint answers without a user: the old cookie is emptied, not renewed.
    const renewed = (await (await attacker.request.get("/api/auth/session")).json()) as { user?: { id?: unknown } };
    expect(renewed.user?.id).toBeUndefined();
    const other = await attacker.newPage();
    await other.goto("/?account=3");
    await expect(other).toHaveURL(/\/login\?next=/);
    await attacker.close();
  });
});

test("sign-in is throttled through the real route; the message does not tell whether the email exists", async ({
  page,
}) => {
  const guess = async (email: string) => {
    const csrf = (await (await page.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
    const r = await page.request.post("/api/auth/callback/credentials", {
      form: { email, password: "wrong-password", csrfToken: csrf.csrfToken, json: "true" },
      headers: { "x-forwarded-for": `203.0.113.${Math.floor(Math.random() * 250)}` },
    });
    return ((await r.json()) as { url: string }).url;
  };
  const known: string[] = [];
  const unknown: string[] = [];
  for (let i = 0; i < 7; i++) {
    known.push(new URL(await guess("e2e-locked@demo.readout")).searchParams.get("error") ?? "");
    unknown.push(new URL(await guess("nobody-here@demo.readout")).searchParams.get("error") ?? "");
  }
  expect(unknown).toEqual(known);
  expect(known.at(-1)).toBe("Throttled");
  // The audit log saw the attempts with the real peer address, not the forged X-Forwarded-For.
  await signIn(page, "admin");
  await page.goto("/audit?action=sign-in.failed");
  await expect(page.getByTestId("audit-row").first()).toContainText("127.0.0.1");
  await expect(page.getByTestId("audit-list")).not.toContainText("203.0.113.");
});
