import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import { createAccount } from "@/db/accounts";
import type { Database } from "@/db/client";
import { listGroups } from "@/db/groups";
import type { SessionUser } from "@/lib/auth/access";
import { groupAccountIds, visibleGroups } from "@/lib/groups/manage";
import { createUser } from "@/lib/users/manage";
import { articlesView } from "@/lib/views/articles";

import { createTestDatabase, type TestDatabase } from "../helpers/db";

/** Client groups: only admins change them; managers and viewers see only their own accounts inside one. */
const session = vi.hoisted(() => ({ user: null as SessionUser | null, database: null as unknown }));
vi.mock("@/lib/auth/session", () => ({ currentUser: async () => session.user }));
vi.mock("@/db/client", async (original) => ({
  ...(await original<typeof import("@/db/client")>()),
  getDatabase: async () => session.database,
}));
vi.mock("@/lib/i18n/server", () => ({ getT: async () => (id: string) => id, getLocale: async () => "en" }));

const actions = await import("@/lib/actions/groups");

let testDb: TestDatabase;
let database: Database;
const a: number[] = [];
const who = {} as Record<"admin" | "manager" | "viewer", SessionUser>;

beforeAll(async () => {
  testDb = await createTestDatabase();
  database = await testDb.open();
  session.database = database;
  for (const n of [1, 2, 3, 4]) {
    const account = await createAccount(database, {
      authType: "classic",
      name: `Account ${n}`,
      appid: `wxgroups0000000${n}`,
      secret: `secret-${n}`,
    });
    a.push(account.id);
  }
  const admin = await createUser(database, { email: "a@g.test", role: "admin", password: "password-a" });
  const manager = await createUser(database, {
    email: "m@g.test",
    role: "manager",
    password: "password-m",
    accountIds: [a[0]!, a[2]!],
  });
  const viewer = await createUser(database, {
    email: "v@g.test",
    role: "viewer",
    password: "password-v",
    accountIds: [a[3]!],
  });
  who.admin = { id: admin.id, email: "a@g.test", name: "", role: "admin", accountIds: [...a] };
  who.manager = { id: manager.id, email: "m@g.test", name: "", role: "manager", accountIds: [a[0]!, a[2]!] };
  who.viewer = { id: viewer.id, email: "v@g.test", name: "", role: "viewer", accountIds: [a[3]!] };
});

afterAll(async () => {
  await testDb?.drop();
});

describe("client groups", () => {
  it("only admins create, change and delete groups; every refusal changes nothing", async () => {
    session.user = null;
    expect(await actions.createGroup({ name: "Client A", accountIds: [a[0]!] })).toMatchObject({
      ok: false,
      error: { code: "unauthorized" },
    });
    for (const role of ["manager", "viewer"] as const) {
      session.user = who[role];
      expect(await actions.createGroup({ name: "Client A", accountIds: [a[0]!] })).toMatchObject({
        ok: false,
        error: { code: "forbidden" },
      });
    }
    expect(await listGroups(database)).toEqual([]);

    session.user = who.admin;
    const created = await actions.createGroup({ name: "Client A", accountIds: [a[0]!, a[1]!] });
    expect(created.ok).toBe(true);
    const id = created.ok ? created.data.id : 0;
    // An account may be in several groups.
    expect((await actions.createGroup({ name: "North", accountIds: [a[1]!, a[3]!] })).ok).toBe(true);
    expect(await actions.createGroup({ name: "Client A", accountIds: [] })).toMatchObject({
      ok: false,
      error: { code: "conflict" },
    });
    expect(await actions.createGroup({ name: "Ghosts", accountIds: [99999] })).toMatchObject({
      ok: false,
      error: { code: "invalid" },
    });

    for (const role of ["manager", "viewer"] as const) {
      session.user = who[role];
      expect(await actions.updateGroup({ id, accountIds: [a[2]!] })).toMatchObject({ error: { code: "forbidden" } });
      expect(await actions.deleteGroup({ id })).toMatchObject({ error: { code: "forbidden" } });
    }
    session.user = who.admin;
    expect((await actions.updateGroup({ id, accountIds: [a[0]!, a[1]!, a[2]!] })).ok).toBe(true);
    expect((await listGroups(database)).map((g) => [g.name, g.accountIds])).toEqual([
      ["Client A", [a[0], a[1], a[2]]],
      ["North", [a[1], a[3]]],
    ]);
    expect(await actions.deleteGroup({ id: 99999 })).toMatchObject({ error: { code: "not_found" } });
  });

  it("managers and viewers see a group only through the accounts assigned to them", async () => {
    const byName = async (user: SessionUser) =>
      Object.fromEntries((await visibleGroups(database, user)).map((g) => [g.name, g.accountIds]));
    expect(await byName(who.admin)).toEqual({ "Client A": [a[0], a[1], a[2]], North: [a[1], a[3]] });
    expect(await byName(who.manager)).toEqual({ "Client A": [a[0], a[2]] });
    expect(await byName(who.viewer)).toEqual({ North: [a[3]] });

    const [clientA, north] = await listGroups(database);
    expect(await groupAccountIds(database, who.manager, clientA!.id)).toEqual([a[0], a[2]]);
    expect(await groupAccountIds(database, who.manager, "all")).toEqual([a[0], a[2]]);
    // A group without any of the user's accounts answers like one that does not exist.
    await expect(groupAccountIds(database, who.manager, north!.id)).rejects.toMatchObject({ code: "not_found" });
    await expect(groupAccountIds(database, who.viewer, clientA!.id)).rejects.toMatchObject({ code: "not_found" });
    await expect(groupAccountIds(database, who.admin, 99999)).rejects.toMatchObject({ code: "not_found" });
  });

  it("the articles list of a group covers only the user's accounts in it", async () => {
    const [clientA] = await listGroups(database);
    const input = articlesView.schema.parse({ group: String(clientA!.id), from: "2026-01-01", to: "2026-01-31" });
    expect((await articlesView.load(database, input, who.admin)).accountIds).toEqual([a[0], a[1], a[2]]);
    expect((await articlesView.load(database, input, who.manager)).accountIds).toEqual([a[0], a[2]]);
    await expect(articlesView.load(database, input, who.viewer)).rejects.toMatchObject({ code: "not_found" });
    // Neither an account nor a group: refused by the schema.
    expect(articlesView.schema.safeParse({ from: "2026-01-01", to: "2026-01-31" }).success).toBe(false);
  });
});
