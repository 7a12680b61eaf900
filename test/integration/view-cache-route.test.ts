import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import { createAccount } from "@/db/accounts";
import type { SessionUser } from "@/lib/auth/access";

import { createTestDatabase, type TestDatabase } from "../helpers/db";

/** The view cache is shared by everyone allowed to see an account, and asked only after that check. */
const session = vi.hoisted(() => ({ user: null as SessionUser | null, database: null as unknown }));
vi.mock("@/lib/auth/session", () => ({ currentUser: async () => session.user }));
vi.mock("@/db/client", async (original) => ({
  ...(await original<typeof import("@/db/client")>()),
  getDatabase: async () => session.database,
}));
vi.mock("@/lib/i18n/server", () => ({ getT: async () => (id: string) => id, getLocale: async () => "en" }));

const { viewRoute } = await import("@/lib/views/routes");

let testDb: TestDatabase;
let account: number;
const user = (id: number, role: SessionUser["role"], accountIds: number[]): SessionUser => ({
  id,
  email: `u${id}@t.test`,
  name: "",
  role,
  accountIds,
});

beforeAll(async () => {
  testDb = await createTestDatabase();
  session.database = await testDb.open();
  account = (
    await createAccount(session.database as never, {
      authType: "classic",
      name: "Shared",
      appid: "wxcache000000001",
      secret: "s",
    })
  ).id;
});
afterAll(async () => {
  await testDb?.drop();
});

const getAs = async (who: SessionUser, view: string, etag?: string) => {
  session.user = who;
  const request = new Request(`http://127.0.0.1/api/views/${view}?account=${account}&from=2026-11-01&to=2026-11-07`, {
    headers: etag ? { "if-none-match": etag } : {},
  });
  return viewRoute(request, { params: Promise.resolve({ view }) });
};

describe("shared view cache", () => {
  it("answers a second user from the first one's entry, and refuses a user who may not see the account", async () => {
    for (const view of ["overview", "articles"]) {
      const first = await getAs(user(1, "admin", [account]), view);
      expect(first.status).toBe(200);
      const etag = first.headers.get("etag")!;
      const body = await first.text();

      const manager = await getAs(user(2, "manager", [account]), view);
      expect(manager.headers.get("etag")).toBe(etag);
      expect(await manager.text()).toBe(body);
      expect((await getAs(user(2, "manager", [account]), view, etag)).status).toBe(304);

      // The entry exists, but this user may not see the account: refused, the ETag answers nothing either.
      for (const refused of [
        await getAs(user(3, "viewer", []), view),
        await getAs(user(3, "viewer", []), view, etag),
      ]) {
        expect(refused.status).toBe(404);
        expect(refused.headers.get("etag")).toBeNull();
        expect(JSON.stringify(await refused.json())).not.toContain('"ok":true');
      }
    }
  });
});
