import { encode } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import type { Database } from "@/db/client";
import { updateUser } from "@/db/users";
import { deleteUser as deleteUserService, updateUser as updateUserService } from "@/lib/users/manage";

import { createTestDatabase, type TestDatabase } from "../helpers/db";

/**
 * Revocable sessions through next-auth's own callbacks: a cookie's token is valid only while its
 * session version is the user's. `GET /api/auth/session` and every page call the jwt callback.
 */
const state = vi.hoisted(() => ({ database: null as unknown, cookies: {} as Record<string, string> }));
vi.mock("next/headers", () => ({
  cookies: async () => ({ getAll: () => Object.entries(state.cookies).map(([name, value]) => ({ name, value })) }),
}));
vi.mock("@/db/client", async (original) => ({
  ...(await original<typeof import("@/db/client")>()),
  getDatabase: async () => state.database,
}));
vi.mock("@/lib/auth/secret", () => ({ resolveAuthSecret: () => "test-secret-test-secret-test-secret" }));

const { authOptions } = await import("@/lib/auth/options");
const { createUser } = await import("@/lib/users/manage");
const { currentUser } = await import("@/lib/auth/session");
const { createAccount } = await import("@/lib/accounts/manage");

let testDb: TestDatabase;
let database: Database;
let adminId = 0;

beforeAll(async () => {
  testDb = await createTestDatabase();
  database = await testDb.open();
  state.database = database;
  adminId = (await createUser(database, { email: "root@t.test", role: "admin", password: "root-password" })).id;
});
afterAll(async () => {
  await testDb?.drop();
});

type Token = Record<string, unknown>;
const options = () => authOptions();

/** What next-auth does with a cookie on every request: decode, then the jwt callback. */
async function replay(token: Token): Promise<Token> {
  return (await options().callbacks!.jwt!({ token, user: undefined as never, account: null })) as Token;
}

async function signInAs(email: string, password: string): Promise<Token> {
  const provider = options().providers[0] as unknown as {
    options: { authorize: (c: unknown, r: unknown) => Promise<{ id: string; sv: number } | null> };
  };
  const user = await provider.options.authorize({ email, password }, { headers: {} });
  expect(user).not.toBeNull();
  return (await options().callbacks!.jwt!({ token: {}, user: user!, account: null })) as Token;
}

const signOut = (token: Token) => options().events!.signOut!({ token, session: undefined as never });

describe("revocable sessions", () => {
  it("a cookie replayed after sign-out is refused, and so is every other session of the user", async () => {
    const id = (await createUser(database, { email: "s1@t.test", role: "viewer", password: "password-s1" })).id;
    const laptop = await signInAs("s1@t.test", "password-s1");
    const phone = await signInAs("s1@t.test", "password-s1");
    expect(await replay(laptop)).toMatchObject({ sub: String(id) });
    await signOut(laptop);
    expect((await replay(laptop)).sub).toBeUndefined();
    expect((await replay(phone)).sub).toBeUndefined();
    // A new sign-in works again.
    expect(await replay(await signInAs("s1@t.test", "password-s1"))).toMatchObject({ sub: String(id) });
  });

  it("a password change, a role change and deletion end the user's sessions; a name change does not", async () => {
    const id = (await createUser(database, { email: "s2@t.test", role: "viewer", password: "password-s2" })).id;
    let token = await signInAs("s2@t.test", "password-s2");
    await updateUserService(database, { id, name: "Renamed" });
    expect(await replay(token)).toMatchObject({ sub: String(id) });

    await updateUserService(database, { id, password: "password-s2-new" });
    expect((await replay(token)).sub).toBeUndefined();

    token = await signInAs("s2@t.test", "password-s2-new");
    await updateUserService(database, { id, role: "manager" });
    expect((await replay(token)).sub).toBeUndefined();

    token = await signInAs("s2@t.test", "password-s2-new");
    await deleteUserService(database, id, adminId);
    expect((await replay(token)).sub).toBeUndefined();
  });

  it("a forged or stale version is refused", async () => {
    const id = (await createUser(database, { email: "s3@t.test", role: "viewer", password: "password-s3" })).id;
    const token = await signInAs("s3@t.test", "password-s3");
    expect((await replay({ ...token, sv: (token.sv as number) + 1 })).sub).toBeUndefined();
    expect((await replay({ sub: String(id) })).sub).toBeUndefined();
    await updateUser(database, id, { passwordHash: "x" });
    expect((await replay(token)).sub).toBeUndefined();
  });
});

describe("the signed-in user of a request (currentUser)", () => {
  const SECRET = "test-secret-test-secret-test-secret";
  const asCookie = async (token: Token, maxAge?: number) => {
    state.cookies = { "next-auth.session-token": await encode({ token, secret: SECRET, maxAge }) };
  };

  it("reads the session cookie, and loads the user with the accounts they may see", async () => {
    const one = await createAccount(database, {
      authType: "classic",
      name: "A",
      appid: "wxsession000000001",
      secret: "s",
    });
    const two = await createAccount(database, {
      authType: "classic",
      name: "B",
      appid: "wxsession000000002",
      secret: "s",
    });
    const id = (
      await createUser(database, { email: "c1@t.test", role: "manager", password: "password-c1", accountIds: [two.id] })
    ).id;
    await asCookie(await signInAs("c1@t.test", "password-c1"));
    expect(await currentUser()).toMatchObject({ id, email: "c1@t.test", role: "manager", accountIds: [two.id] });

    await asCookie(await signInAs("root@t.test", "root-password"));
    const admin = await currentUser();
    expect(admin).toMatchObject({ id: adminId, role: "admin" });
    expect(admin!.accountIds).toEqual(expect.arrayContaining([one.id, two.id]));
  });

  it("nobody is signed in without a cookie, with a forged, expired or signed-out one", async () => {
    state.cookies = {};
    expect(await currentUser()).toBeNull();
    state.cookies = { "next-auth.session-token": "not-a-token" };
    expect(await currentUser()).toBeNull();

    await createUser(database, { email: "c2@t.test", role: "viewer", password: "password-c2" });
    const token = await signInAs("c2@t.test", "password-c2");
    await asCookie(token, -60);
    expect(await currentUser()).toBeNull();
    await asCookie(token);
    expect(await currentUser()).not.toBeNull();
    state.cookies = { "next-auth.session-token": await encode({ token, secret: "another-secret-another-secret" }) };
    expect(await currentUser()).toBeNull();
    await asCookie(token);
    await signOut(token);
    expect(await currentUser()).toBeNull();
  });
});
