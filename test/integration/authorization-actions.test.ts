import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import { createAccount } from "@/db/accounts";
import type { Database } from "@/db/client";
import type { SessionUser } from "@/lib/auth/access";
import { createUser } from "@/lib/users/manage";

import { createTestDatabase, type TestDatabase } from "../helpers/db";

/**
 * Every exported server action against anonymous, viewer, manager and admin, with other
 * accounts' ids in the arguments: each denial has the right code and changes nothing.
 */
const session = vi.hoisted(() => ({ user: null as SessionUser | null, database: null as unknown }));
vi.mock("@/lib/auth/session", () => ({ currentUser: async () => session.user }));
vi.mock("@/db/client", async (original) => ({
  ...(await original<typeof import("@/db/client")>()),
  getDatabase: async () => session.database,
}));
vi.mock("@/lib/i18n/server", () => ({ getT: async () => (id: string) => id, getLocale: async () => "en" }));

const accountActions = await import("@/lib/actions/accounts");
const syncActions = await import("@/lib/actions/sync");
const userActions = await import("@/lib/actions/users");

let testDb: TestDatabase;
let database: Database;
const ids = { accounts: [] as number[], viewerId: 0, managerId: 0, adminId: 0 };

const users = (): Record<"anonymous" | "viewer" | "manager" | "admin", SessionUser | null> => ({
  anonymous: null,
  viewer: { id: ids.viewerId, email: "v@t.test", name: "", role: "viewer", accountIds: [ids.accounts[2]!] },
  manager: {
    id: ids.managerId,
    email: "m@t.test",
    name: "",
    role: "manager",
    accountIds: [ids.accounts[0]!, ids.accounts[1]!],
  },
  admin: { id: ids.adminId, email: "a@t.test", name: "", role: "admin", accountIds: [...ids.accounts] },
});

beforeAll(async () => {
  testDb = await createTestDatabase();
  database = await testDb.open();
  session.database = database;
  for (const n of [1, 2, 3]) {
    const a = await createAccount(database, {
      authType: "classic",
      name: `Account ${n}`,
      appid: `wxauthz00000000${n}`,
      secret: `secret-${n}`,
    });
    ids.accounts.push(a.id);
  }
  ids.adminId = (await createUser(database, { email: "a@t.test", role: "admin", password: "password-a" })).id;
  ids.managerId = (
    await createUser(database, {
      email: "m@t.test",
      role: "manager",
      password: "password-m",
      accountIds: ids.accounts.slice(0, 2),
    })
  ).id;
  ids.viewerId = (
    await createUser(database, {
      email: "v@t.test",
      role: "viewer",
      password: "password-v",
      accountIds: ids.accounts.slice(2),
    })
  ).id;
});

afterAll(async () => {
  await testDb?.drop();
});

/** Everything an action could change, as one comparable snapshot. */
async function snapshot() {
  const q = async (query: string) => rowsOf(await database.db.execute(sql.raw(query)));
  return {
    accounts: await q("select id, name, appid, secret_enc from accounts order by id"),
    users: await q("select id, email, role, password_hash from users order by id"),
    links: await q("select * from user_accounts order by user_id, account_id"),
    runs: await q("select count(*)::int as n from sync_runs"),
  };
}

/** node-postgres and PGlite both answer { rows }. */
const rowsOf = (result: unknown) => (result as { rows: Record<string, unknown>[] }).rows;

type Who = keyof ReturnType<typeof users>;
type Outcome = "unauthorized" | "forbidden" | "not_found";
const newAccount = { authType: "classic" as const, name: "Intruder", appid: "wxintruder0000001", secret: "s" };

/** [action, argument, expected denial per role]; roles left out are allowed (not run here). */
const cases = (): [
  string,
  () => Promise<{ ok: boolean; error?: { code: string } }>,
  Partial<Record<Who, Outcome>>,
][] => {
  const [a1, , a3] = ids.accounts as [number, number, number];
  const range = { from: "2026-01-01", to: "2026-01-02" };
  return [
    [
      "createAccount",
      () => accountActions.createAccount(newAccount),
      { anonymous: "unauthorized", viewer: "forbidden", manager: "forbidden" },
    ],
    [
      "testNewConnection",
      () => accountActions.testNewConnection(newAccount),
      { anonymous: "unauthorized", viewer: "forbidden", manager: "forbidden" },
    ],
    [
      "updateCredentials a3",
      () =>
        accountActions.updateCredentials({
          accountId: a3,
          credentials: { authType: "classic", secret: "stolen" },
        } as never),
      { anonymous: "unauthorized", viewer: "forbidden", manager: "not_found" },
    ],
    [
      "updateCredentials a1",
      () =>
        accountActions.updateCredentials({
          accountId: a1,
          credentials: { authType: "classic", secret: "stolen" },
        } as never),
      { anonymous: "unauthorized", viewer: "not_found" },
    ],
    [
      "testConnection a3",
      () => accountActions.testConnection({ accountId: a3 }),
      { anonymous: "unauthorized", viewer: "forbidden", manager: "not_found" },
    ],
    [
      "deleteAccount a1",
      () => accountActions.deleteAccount({ accountId: a1 }),
      { anonymous: "unauthorized", viewer: "forbidden", manager: "forbidden" },
    ],
    [
      "deleteAccount a3",
      () => accountActions.deleteAccount({ accountId: a3 }),
      { anonymous: "unauthorized", viewer: "forbidden", manager: "forbidden" },
    ],
    [
      "syncNow a3",
      () => syncActions.syncNow({ accountId: a3 }),
      { anonymous: "unauthorized", viewer: "forbidden", manager: "not_found" },
    ],
    ["syncNow a1", () => syncActions.syncNow({ accountId: a1 }), { anonymous: "unauthorized", viewer: "not_found" }],
    [
      "backfill a3",
      () => syncActions.backfill({ accountId: a3, ...range }),
      { anonymous: "unauthorized", viewer: "forbidden", manager: "not_found" },
    ],
    [
      "fetchMissing a1",
      () => syncActions.fetchMissing({ accountId: a1, ...range }),
      { anonymous: "unauthorized", viewer: "not_found" },
    ],
    [
      "createUser",
      () => userActions.createUser({ email: "x@t.test", role: "admin", password: "password-x" }),
      { anonymous: "unauthorized", viewer: "forbidden", manager: "forbidden" },
    ],
    [
      "updateUser (self-promote)",
      () => userActions.updateUser({ id: ids.viewerId, role: "admin" } as never),
      { anonymous: "unauthorized", viewer: "forbidden", manager: "forbidden" },
    ],
    [
      "updateUser (assign a3)",
      () => userActions.updateUser({ id: ids.managerId, accountIds: [a3] } as never),
      { anonymous: "unauthorized", viewer: "forbidden", manager: "forbidden" },
    ],
    [
      "deleteUser",
      () => userActions.deleteUser({ id: ids.adminId }),
      { anonymous: "unauthorized", viewer: "forbidden", manager: "forbidden" },
    ],
    [
      "unlockSignIn",
      () => userActions.unlockSignIn({ email: "a@t.test" }),
      { anonymous: "unauthorized", viewer: "forbidden", manager: "forbidden" },
    ],
  ];
};

describe("server actions refuse what the role may not do, and change nothing", () => {
  for (const who of ["anonymous", "viewer", "manager", "admin"] as const) {
    it(`as ${who}`, async () => {
      session.user = users()[who];
      const before = await snapshot();
      let denials = 0;
      for (const [name, call, expected] of cases()) {
        const outcome = expected[who];
        if (!outcome) continue;
        const result = await call();
        expect(result.ok, `${who}: ${name}`).toBe(false);
        expect(result.error?.code, `${who}: ${name}`).toBe(outcome);
        denials++;
      }
      expect(await snapshot()).toEqual(before);
      if (who !== "admin") expect(denials).toBeGreaterThan(5);
    });
  }

  it("bad input is refused with the field named, before anything runs", async () => {
    session.user = users().admin;
    const result = await syncActions.backfill({ accountId: ids.accounts[0]!, from: "2026-02-30", to: "2026-03-01" });
    expect(result).toMatchObject({ ok: false, error: { code: "invalid", fields: { from: expect.any(Array) } } });
    const noId = await accountActions.deleteAccount({ accountId: -4 });
    expect(noId).toMatchObject({ ok: false, error: { code: "invalid" } });
  });

  it("an allowed call goes through (the matrix is not refusing everything)", async () => {
    session.user = users().admin;
    const result = await userActions.updateUser({ id: ids.viewerId, name: "Renamed" } as never);
    expect(result.ok).toBe(true);
    const [row] = rowsOf(await database.db.execute(sql`select name from users where id = ${ids.viewerId}`));
    expect(row).toMatchObject({ name: "Renamed" });
  });
});
