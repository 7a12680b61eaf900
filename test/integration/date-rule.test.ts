import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import { createAccount } from "@/db/accounts";
import type { SessionUser } from "@/lib/auth/access";

import { createTestDatabase, type TestDatabase } from "../helpers/db";

/** Issue 9: a date before WeChat's datacube (years 0100–0199 were a 500) is a 400 with a message, on every route. */
const session = vi.hoisted(() => ({ user: null as SessionUser | null, database: null as unknown }));
vi.mock("@/lib/auth/session", () => ({ currentUser: async () => session.user }));
vi.mock("@/db/client", async (original) => ({
  ...(await original<typeof import("@/db/client")>()),
  getDatabase: async () => session.database,
}));
vi.mock("@/lib/i18n/server", () => ({ getT: async () => (id: string) => id, getLocale: async () => "en" }));

const { viewRoute, exportRoute } = await import("@/lib/views/routes");

let testDb: TestDatabase;
let account: number;

beforeAll(async () => {
  testDb = await createTestDatabase();
  session.database = await testDb.open();
  account = (
    await createAccount(session.database as never, {
      authType: "classic",
      name: "D",
      appid: "wxdate0000000001",
      secret: "s",
    })
  ).id;
  session.user = { id: 1, email: "a@t.test", name: "", role: "admin", accountIds: [account] };
});
afterAll(async () => {
  await testDb?.drop();
});

const get = async (kind: "views" | "export", view: string, query: string) => {
  const route = kind === "views" ? viewRoute : exportRoute;
  const response = await route(new Request(`http://127.0.0.1/api/${kind}/${view}?account=${account}&${query}`), {
    params: Promise.resolve({ view }),
  });
  return { status: response.status, body: (await response.json().catch(() => null)) as Record<string, unknown> };
};

describe("the one date rule on the routes", () => {
  const RANGE_VIEWS = ["overview", "followers", "articles", "hourly", "shares", "completeness"];

  it.each(RANGE_VIEWS)("GET /api/views/%s for 0100-01-01 – 0100-12-31 is a 400 naming the first date", async (view) => {
    const { status, body } = await get("views", view, "from=0100-01-01&to=0100-12-31");
    expect(status).toBe(400);
    expect(body).toMatchObject({
      ok: false,
      error: { code: "invalid", fields: { from: ["WeChat has no data before 2014-12-01"] } },
    });
  });

  it("the export route and the yesterday view follow the same rule", async () => {
    expect((await get("export", "overview", "from=0150-06-01&to=0150-06-30&format=csv")).status).toBe(400);
    expect((await get("views", "yesterday", "date=0100-01-01")).status).toBe(400);
  });

  it("reversed and over-long ranges are 400s; a range from the first date (previous period before it) is served", async () => {
    const reversed = await get("views", "overview", "from=2026-03-01&to=2026-02-01");
    expect(reversed).toMatchObject({ status: 400, body: { error: { fields: { from: [expect.any(String)] } } } });
    const long = await get("views", "overview", "from=2025-06-01&to=2026-11-29");
    expect(long).toMatchObject({
      status: 400,
      body: { error: { fields: { to: ["a range may span at most 400 days"] } } },
    });
    const first = await get("views", "overview", "from=2014-12-01&to=2015-01-31");
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ ok: true, data: { previousRange: { from: "2014-09-30", to: "2014-11-30" } } });
  });
});
