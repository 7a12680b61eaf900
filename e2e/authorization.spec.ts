import { type APIRequestContext, expect, type Page, test } from "@playwright/test";

import { addDaysIso } from "../lib/dates";
import { appidOf, type DemoRole, E2E, signIn, truth } from "./fixtures";

/**
 * Who may open what: anonymous, viewer (account 3), manager (accounts 1, 2) and admin against
 * every page and data route, with other accounts' ids typed into URLs. Server actions get the
 * same matrix in test/integration/authorization-actions.test.ts.
 */
type Who = "anonymous" | DemoRole;
const WHO: Who[] = ["anonymous", "viewer", "manager", "admin"];

function firstArticle(accountId: number): string {
  for (let d = "2026-11-01"; d < E2E.today; d = addDaysIso(d, 1)) {
    const send = truth.sendOn(appidOf(accountId), d);
    if (send) return `${accountId}/${send.articles[0]!.msgid}`;
  }
  throw new Error("no send in November");
}
const range = "from=2026-11-01&to=2026-11-07";

/** For each page: which roles see it (others get 404; anonymous is sent to sign in). */
const PAGES: { path: string; allowed: DemoRole[] }[] = [
  { path: "/", allowed: ["viewer", "manager", "admin"] },
  { path: "/?account=3", allowed: ["viewer", "admin"] },
  { path: "/?account=1", allowed: ["manager", "admin"] },
  { path: "/hourly?account=1", allowed: ["manager", "admin"] },
  { path: "/shares?account=3", allowed: ["viewer", "admin"] },
  { path: "/positions?account=3", allowed: ["viewer", "admin"] },
  { path: "/articles?account=2", allowed: ["manager", "admin"] },
  { path: `/articles/${firstArticle(1)}`, allowed: ["manager", "admin"] },
  { path: `/articles/${firstArticle(3)}`, allowed: ["viewer", "admin"] },
  {
    path: `/compare?a=${firstArticle(1).replace("/", ":")}&a=${firstArticle(3).replace("/", ":")}`,
    allowed: ["admin"],
  },
  { path: "/accounts", allowed: ["viewer", "manager", "admin"] },
  { path: "/accounts/1", allowed: ["manager", "admin"] },
  { path: "/accounts/3", allowed: ["viewer", "admin"] },
  { path: "/users", allowed: ["admin"] },
];

/** Data and export routes: 401 anonymous, 404 for an account the user may not see. */
const ROUTES: { path: string; allowed: DemoRole[] }[] = [
  { path: `/api/views/overview?account=1&${range}`, allowed: ["manager", "admin"] },
  { path: `/api/views/overview?account=3&${range}`, allowed: ["viewer", "admin"] },
  { path: `/api/export/overview?account=2&${range}&format=csv&lang=zh`, allowed: ["manager", "admin"] },
  { path: `/api/export/overview?account=3&${range}&format=xlsx&lang=en`, allowed: ["viewer", "admin"] },
  { path: `/api/views/hourly?account=1&${range}`, allowed: ["manager", "admin"] },
  { path: `/api/views/shares?account=3&${range}`, allowed: ["viewer", "admin"] },
  { path: `/api/views/positions?account=1&${range}`, allowed: ["manager", "admin"] },
  { path: `/api/export/positions?account=3&${range}&format=csv&lang=en`, allowed: ["viewer", "admin"] },
  { path: `/api/views/articles?account=2&${range}`, allowed: ["manager", "admin"] },
  {
    path: `/api/views/articleDetail?account=${firstArticle(1).replace("/", "&msgid=")}`,
    allowed: ["manager", "admin"],
  },
  {
    path: `/api/views/compare?a=${firstArticle(2).replace("/", ":")}&a=${firstArticle(3).replace("/", ":")}`,
    allowed: ["admin"],
  },
  {
    path: `/api/export/compare?a=${firstArticle(1).replace("/", ":")}&a=${firstArticle(2).replace("/", ":")}&format=csv`,
    allowed: ["manager", "admin"],
  },
  { path: `/api/views/completeness?account=1&${range}`, allowed: ["manager", "admin"] },
  { path: "/api/views/sync-status?account=3", allowed: ["viewer", "admin"] },
];

async function as(who: Who, page: Page): Promise<APIRequestContext> {
  if (who !== "anonymous") await signIn(page, who);
  return page.request;
}

for (const who of WHO) {
  test(`pages as ${who}`, async ({ page }) => {
    await as(who, page);
    for (const { path, allowed } of PAGES) {
      const response = await page.goto(path);
      if (who === "anonymous") {
        await expect(page, path).toHaveURL(/\/login\?next=/);
      } else if (allowed.includes(who)) {
        expect(response?.status(), path).toBe(200);
        await expect(page.getByTestId("not-found"), path).toHaveCount(0);
      } else {
        expect(response?.status(), path).toBe(404);
        await expect(page.getByTestId("not-found"), path).toBeVisible();
      }
    }
  });

  test(`data routes as ${who}`, async ({ page }) => {
    const request = await as(who, page);
    for (const { path, allowed } of ROUTES) {
      const response = await request.get(path);
      const expected = who === "anonymous" ? 401 : allowed.includes(who) ? 200 : 404;
      expect(response.status(), `${who} ${path}`).toBe(expected);
      if (expected !== 200) {
        const body = await response.json();
        expect(body.ok).toBe(false);
        expect(typeof body.error.message).toBe("string");
      }
    }
  });
}

test("no page or data route ever carries a secret, a token or a password hash", async ({ page }) => {
  const request = await as("admin", page);
  const secrets = [...truth.accounts.map((a) => a.secret), "argon2id", "access_token"];
  for (const { path } of [...PAGES, ...ROUTES.filter((r) => r.path.startsWith("/api/views"))]) {
    const body = await (await request.get(path)).text();
    for (const secret of secrets) expect(body, `${path} contains ${secret}`).not.toContain(secret);
  }
});

test("bad input gets a clear 400, unknown views 404", async ({ page }) => {
  const request = await as("admin", page);
  const bad = await request.get("/api/views/overview?account=1&from=2026-13-01&to=2026-11-07");
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error.message).toMatch(/YYYY-MM-DD/);
  const reversed = await request.get("/api/views/overview?account=1&from=2026-11-07&to=2026-11-01");
  expect(reversed.status()).toBe(400);
  expect((await request.get("/api/views/nope?account=1")).status()).toBe(404);
  expect((await request.get(`/api/views/overview?account=99&${range}`)).status()).toBe(404);
});
