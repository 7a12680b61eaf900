import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import { createAccount } from "@/db/accounts";
import { listAuditEntries } from "@/db/audit";
import type { Database } from "@/db/client";
import { createGroup } from "@/db/groups";
import type { SessionUser } from "@/lib/auth/access";
import { hashShareToken } from "@/lib/shares/token";
import { createUser } from "@/lib/users/manage";

import { createTestDatabase, type TestDatabase } from "../helpers/db";

/** Shared links: who may make them, what is stored, and which URLs they answer. */
const session = vi.hoisted(() => ({ user: null as SessionUser | null, database: null as unknown }));
vi.mock("@/lib/auth/session", () => ({ currentUser: async () => session.user }));
vi.mock("@/db/client", async (original) => ({
  ...(await original<typeof import("@/db/client")>()),
  getDatabase: async () => session.database,
}));
vi.mock("@/lib/i18n/server", () => ({ getT: async () => (id: string) => id, getLocale: async () => "en" }));

const actions = await import("@/lib/actions/shares");
const { resolveShare, listShares } = await import("@/lib/shares/manage");
const { sharedViewRoute } = await import("@/lib/shares/route");

let testDb: TestDatabase;
let database: Database;
const a: number[] = [];
let groupId = 0;
const who = {} as Record<"admin" | "manager" | "viewer", SessionUser>;
const range = { from: "2026-01-01", to: "2026-01-31" };
const rowsOf = (result: unknown) => (result as { rows: Record<string, unknown>[] }).rows;

beforeAll(async () => {
  testDb = await createTestDatabase();
  database = await testDb.open();
  session.database = database;
  for (const n of [1, 2, 3]) {
    const account = await createAccount(database, {
      authType: "classic",
      name: `Account ${n}`,
      appid: `wxshares0000000${n}`,
      secret: `secret-${n}`,
    });
    a.push(account.id);
  }
  groupId = (await createGroup(database, { name: "Client", accountIds: [a[0]!, a[1]!] })).id;
  const admin = await createUser(database, { email: "a@s.test", role: "admin", password: "password-a" });
  const manager = await createUser(database, {
    email: "m@s.test",
    role: "manager",
    password: "password-m",
    accountIds: [a[0]!],
  });
  const viewer = await createUser(database, {
    email: "v@s.test",
    role: "viewer",
    password: "password-v",
    accountIds: [a[0]!],
  });
  who.admin = { id: admin.id, email: "a@s.test", name: "", role: "admin", accountIds: [...a] };
  who.manager = { id: manager.id, email: "m@s.test", name: "", role: "manager", accountIds: [a[0]!] };
  who.viewer = { id: viewer.id, email: "v@s.test", name: "", role: "viewer", accountIds: [a[0]!] };
});

afterAll(async () => {
  await testDb?.drop();
});

/** The token and query of a created link's path. */
const parse = (path: string) => {
  const url = new URL(path, "http://x");
  const [, , token, view] = url.pathname.split("/");
  return { token: token!, view: view!, query: Object.fromEntries(url.searchParams) };
};

describe("shared links", () => {
  it("anonymous users and viewers cannot create one; managers only on their own accounts", async () => {
    session.user = null;
    expect(
      await actions.createShare({ account: a[0]!, view: "overview", ...range, expiresInMinutes: 10080 }),
    ).toMatchObject({
      error: { code: "unauthorized" },
    });
    session.user = who.viewer;
    expect(
      await actions.createShare({ account: a[0]!, view: "overview", ...range, expiresInMinutes: 10080 }),
    ).toMatchObject({
      error: { code: "forbidden" },
    });
    session.user = who.manager;
    expect(
      await actions.createShare({ account: a[1]!, view: "overview", ...range, expiresInMinutes: 10080 }),
    ).toMatchObject({
      error: { code: "not_found" },
    });
    // A group only on the articles page.
    expect(
      await actions.createShare({ group: groupId, view: "overview", ...range, expiresInMinutes: 10080 }),
    ).toMatchObject({
      error: { code: "invalid" },
    });
    expect(rowsOf(await database.db.execute(sql`select count(*)::int as n from shared_links`))[0]!.n).toBe(0);
  });

  it("stores only the SHA-256 of a random 256-bit token and answers exactly the scope it was made for", async () => {
    session.user = who.manager;
    const made = await actions.createShare({ account: a[0]!, view: "articles", ...range, expiresInMinutes: 10080 });
    expect(made.ok).toBe(true);
    const { token, view, query } = parse(made.ok ? made.data.path : "");
    expect(view).toBe("articles");
    expect(query).toEqual({ account: String(a[0]), ...range });
    expect(Buffer.from(token, "base64url")).toHaveLength(32);
    const stored = rowsOf(await database.db.execute(sql`select token_hash from shared_links`));
    expect(stored).toEqual([{ token_hash: hashShareToken(token) }]);
    expect(JSON.stringify(stored)).not.toContain(token);

    const ok = await resolveShare(database, token, { view, ...query }, { count: true });
    expect(ok.viewer.accountIds).toEqual([a[0]]);
    expect(ok.accounts.map((x) => x.id)).toEqual([a[0]]);
    for (const changed of [
      { view: "overview", ...query },
      { view, ...query, account: String(a[1]) },
      { view, ...query, from: "2025-12-31" },
      { view, ...query, to: "2026-02-01" },
      { view, ...query, group: String(groupId) },
    ])
      await expect(resolveShare(database, token, changed, { count: true })).rejects.toMatchObject({
        code: "forbidden",
      });
    await expect(
      resolveShare(
        database,
        `${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`,
        { view, ...query },
        { count: true },
      ),
    ).rejects.toMatchObject({ code: "not_found" });

    // The data route: the same checks, no session needed.
    const get = (path: string, t = token, v = view) =>
      sharedViewRoute(new Request(`http://x/api/shared/${t}/${v}?${path}`), {
        params: Promise.resolve({ token: t, view: v }),
      });
    session.user = null;
    const answer = await get(new URLSearchParams({ account: String(a[0]), ...range }).toString());
    expect(answer.status).toBe(200);
    expect(((await answer.json()) as { data: { accountIds: number[] } }).data.accountIds).toEqual([a[0]]);
    expect((await get(new URLSearchParams({ account: String(a[1]), ...range }).toString())).status).toBe(403);
    expect((await get(new URLSearchParams({ group: "all", ...range }).toString())).status).toBe(403);
    expect(
      (await get(new URLSearchParams({ account: String(a[0]), ...range }).toString(), token, "overview")).status,
    ).toBe(403);

    // Counted: one opening above (the refused ones and the data calls do not count).
    session.user = who.manager;
    const [listed] = await listShares(database, who.manager);
    expect(listed).toMatchObject({ opens: 1, status: "active", view: "articles", accountName: "Account 1" });
  });

  it("a revoked or expired link is refused; only its creator or an admin revokes it", async () => {
    session.user = who.manager;
    const made = await actions.createShare({ account: a[0]!, view: "overview", ...range, expiresInMinutes: 1440 });
    const { token, view, query } = parse(made.ok ? made.data.path : "");
    const id = made.ok ? made.data.id : 0;
    await expect(resolveShare(database, token, { view, ...query }, { count: false })).resolves.toBeTruthy();

    session.user = who.viewer;
    expect(await actions.revokeShare({ id })).toMatchObject({ error: { code: "not_found" } });
    session.user = who.manager;
    expect((await actions.revokeShare({ id })).ok).toBe(true);
    await expect(resolveShare(database, token, { view, ...query }, { count: false })).rejects.toMatchObject({
      code: "not_found",
    });
    // Both recorded in the audit log, by whom; the refused revoke is not.
    const audited = await listAuditEntries(database, { limit: 10, offset: 0, search: `share-link:${id}` });
    expect(audited.map((e) => [e.action, e.actorEmail]).reverse()).toEqual([
      ["share-link.create", who.manager.email],
      ["share-link.revoke", who.manager.email],
    ]);

    const second = await actions.createShare({ account: a[0]!, view: "overview", ...range, expiresInMinutes: 1440 });
    const s = parse(second.ok ? second.data.path : "");
    await database.db.execute(
      sql`update shared_links set expires_at = now() - interval '1 second' where id = ${second.ok ? second.data.id : 0}`,
    );
    await expect(resolveShare(database, s.token, { view: s.view, ...s.query }, { count: false })).rejects.toMatchObject(
      { code: "not_found" },
    );
    expect((await listShares(database, who.admin)).map((l) => l.status).sort()).toEqual([
      "active",
      "expired",
      "revoked",
    ]);
  });

  it("a group link shows the creator's accounts of the group, on the articles page only", async () => {
    session.user = who.admin;
    const made = await actions.createShare({ group: groupId, view: "articles", ...range, expiresInMinutes: 10080 });
    const { token, view, query } = parse(made.ok ? made.data.path : "");
    expect(query).toEqual({ group: String(groupId), ...range });
    const shared = await resolveShare(database, token, { view, ...query }, { count: false });
    expect(shared.viewer.accountIds).toEqual([a[0], a[1]]);
    expect(shared.group).toMatchObject({ id: groupId, name: "Client" });
  });
});
