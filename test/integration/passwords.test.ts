import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import { createAccount } from "@/db/accounts";
import { listAuditEntries } from "@/db/audit";
import type { Database } from "@/db/client";
import { findUser } from "@/db/users";
import { attemptSignIn } from "@/lib/auth/sign-in";
import type { Locale } from "@/lib/i18n/locales";

import { createTestDatabase, type TestDatabase } from "../helpers/db";

/**
 * The password policy through the real session check: the signed-in user is loaded from the
 * database from a cookie's id and session version (lib/auth/session loadSessionUser), as on every
 * request, so the must-change flag and a bumped session version take effect as they would live.
 */
const state = vi.hoisted(() => ({
  database: null as unknown,
  cookie: undefined as { id: string; sv: number } | undefined,
  locale: "en" as Locale,
}));
vi.mock("@/lib/auth/session", async (original) => {
  const real = await original<typeof import("@/lib/auth/session")>();
  return { ...real, currentUser: async () => real.loadSessionUser(state.database as Database, state.cookie) };
});
vi.mock("@/db/client", async (original) => ({
  ...(await original<typeof import("@/db/client")>()),
  getDatabase: async () => state.database,
}));
vi.mock("@/lib/i18n/server", () => ({ getLocale: async () => state.locale }));

const userActions = await import("@/lib/actions/users");
const { changeMyPassword } = await import("@/lib/actions/password");
const syncActions = await import("@/lib/actions/sync");
const { exportRoute, viewRoute } = await import("@/lib/views/routes");
const { createUser } = await import("@/lib/users/manage");

let testDb: TestDatabase;
let database: Database;
const ids = { account: 0, admin: 0 };

/** Signs in with the password (as the sign-in form does) and keeps the cookie's claims. */
async function signIn(email: string, password: string) {
  const result = await attemptSignIn(database, { email, password, ip: "10.9.0.1" });
  if (!result.ok) throw new Error(`sign-in refused: ${result.reason}`);
  state.cookie = { id: String(result.userId), sv: result.sessionVersion };
  return state.cookie;
}

const overview = () =>
  viewRoute(
    new Request(`http://readout.test/api/views/overview?account=${ids.account}&from=2026-02-01&to=2026-02-07`),
    {
      params: Promise.resolve({ view: "overview" }),
    },
  );
const overviewExport = () =>
  exportRoute(
    new Request(
      `http://readout.test/api/export/overview?account=${ids.account}&from=2026-02-01&to=2026-02-07&format=csv`,
    ),
    {
      params: Promise.resolve({ view: "overview" }),
    },
  );

beforeAll(async () => {
  testDb = await createTestDatabase();
  database = await testDb.open();
  state.database = database;
  ids.account = (
    await createAccount(database, { authType: "classic", name: "Account", appid: "wxpasswd000000001", secret: "s" })
  ).id;
  ids.admin = (await createUser(database, { email: "boss@t.test", role: "admin", password: "boss-password" })).id;
});
afterAll(async () => {
  await testDb?.drop();
});

describe("must set their own password at first sign-in", () => {
  it("the admin's flag keeps the user out of every view, export and action until they change it", async () => {
    await signIn("boss@t.test", "boss-password");
    const created = await userActions.createUser({
      email: "new@t.test",
      role: "manager",
      password: "given-by-admin-1",
      mustChangePassword: true,
      accountIds: [ids.account],
    });
    expect(created).toMatchObject({ ok: true, data: { mustChangePassword: true } });

    await signIn("new@t.test", "given-by-admin-1");
    for (const response of [await overview(), await overviewExport()]) {
      expect(response.status).toBe(403);
      expect(await response.json()).toEqual({
        ok: false,
        error: { code: "forbidden", message: "Set your own password first." },
      });
    }
    expect(await syncActions.syncNow({ accountId: ids.account })).toEqual({
      ok: false,
      error: { code: "forbidden", message: "Set your own password first." },
    });
    state.locale = "zh";
    expect(await syncActions.syncNow({ accountId: ids.account })).toMatchObject({
      error: { message: "请先设置你自己的密码。" },
    });
    state.locale = "en";

    const change = {
      currentPassword: "given-by-admin-1",
      newPassword: "my-own-pass-7",
      confirmPassword: "my-own-pass-7",
    };
    expect(await changeMyPassword(change)).toEqual({ ok: true, data: { changed: true } });
    // This cookie ended with the change, like every other session of the user.
    expect((await overview()).status).toBe(401);

    await signIn("new@t.test", "my-own-pass-7");
    expect((await overview()).status).toBe(200);
    const id = Number(state.cookie!.id);
    expect(await findUser(database, id)).toMatchObject({ mustChangePassword: false });
  });

  it("an admin's password reset can flag the user again; without the flag it is cleared", async () => {
    await signIn("boss@t.test", "boss-password");
    const other = await userActions.createUser({ email: "reset@t.test", role: "viewer", password: "first-secret-1" });
    if (!other.ok) throw new Error(other.error.message);
    expect(other.data.mustChangePassword).toBe(false);
    await userActions.updateUser({ id: other.data.id, password: "second-secret-2", mustChangePassword: true });
    expect(await findUser(database, other.data.id)).toMatchObject({ mustChangePassword: true });
    await userActions.updateUser({ id: other.data.id, password: "third-secret-3" });
    expect(await findUser(database, other.data.id)).toMatchObject({ mustChangePassword: false });
  });
});

describe("changing one's own password", () => {
  it("ends every session (the session version moves on) and is recorded in the audit log", async () => {
    const id = (await createUser(database, { email: "self@t.test", role: "viewer", password: "self-start-1" })).id;
    const laptop = await signIn("self@t.test", "self-start-1");
    const phone = await signIn("self@t.test", "self-start-1");
    const before = (await findUser(database, id))!.sessionVersion;

    const result = await changeMyPassword({
      currentPassword: "self-start-1",
      newPassword: "self-second-2",
      confirmPassword: "self-second-2",
    });
    expect(result.ok).toBe(true);
    expect((await findUser(database, id))!.sessionVersion).toBe(before + 1);
    for (const cookie of [laptop, phone]) {
      state.cookie = cookie;
      expect(await changeMyPassword({ currentPassword: "x", newPassword: "y", confirmPassword: "y" })).toMatchObject({
        ok: false,
        error: { code: "unauthorized" },
      });
    }
    expect(await attemptSignIn(database, { email: "self@t.test", password: "self-start-1", ip: "10.9.0.2" })).toEqual({
      ok: false,
      reason: "invalid",
    });
    await signIn("self@t.test", "self-second-2");

    const [entry] = await listAuditEntries(database, {
      action: "password.change",
      search: "self@t.test",
      limit: 5,
      offset: 0,
    });
    expect(entry).toMatchObject({
      actorId: id,
      actorEmail: "self@t.test",
      target: `user:${id}`,
      detail: { own: true, firstSignIn: false },
    });
  });

  it("a wrong current password, a common or short new one and a mistyped repeat are refused", async () => {
    const id = (await createUser(database, { email: "careful@t.test", role: "viewer", password: "careful-one-1" })).id;
    await signIn("careful@t.test", "careful-one-1");
    const version = (await findUser(database, id))!.sessionVersion;

    expect(
      await changeMyPassword({
        currentPassword: "not-it-at-all",
        newPassword: "careful-two-2",
        confirmPassword: "careful-two-2",
      }),
    ).toEqual({
      ok: false,
      error: { code: "invalid", message: "The current password is wrong.", fields: { currentPassword: ["wrong"] } },
    });
    state.locale = "zh";
    const common = await changeMyPassword({
      currentPassword: "careful-one-1",
      newPassword: "Basketball",
      confirmPassword: "Basketball",
    });
    expect(common).toMatchObject({
      ok: false,
      error: { code: "invalid", fields: { newPassword: ["是最常见的密码之一，请换一个"] } },
    });
    const short = await changeMyPassword({
      currentPassword: "careful-one-1",
      newPassword: "zq7",
      confirmPassword: "zq7",
    });
    expect(short).toMatchObject({ ok: false, error: { fields: { newPassword: ["至少 10 个字符"] } } });
    state.locale = "en";
    const typo = await changeMyPassword({
      currentPassword: "careful-one-1",
      newPassword: "careful-two-2",
      confirmPassword: "careful-two-3",
    });
    expect(typo).toMatchObject({ ok: false, error: { fields: { confirmPassword: ["the two new passwords differ"] } } });
    const same = await changeMyPassword({
      currentPassword: "careful-one-1",
      newPassword: "careful-one-1",
      confirmPassword: "careful-one-1",
    });
    expect(same).toMatchObject({ ok: false, error: { message: "The new password must differ from the current one." } });

    expect((await findUser(database, id))!.sessionVersion).toBe(version);
    expect(
      await listAuditEntries(database, { action: "password.change", search: "careful@t.test", limit: 5, offset: 0 }),
    ).toEqual([]);
  });

  it("wrong current passwords count towards the sign-in back-off of the email", async () => {
    await createUser(database, { email: "guess@t.test", role: "viewer", password: "guess-right-1" });
    await signIn("guess@t.test", "guess-right-1");
    const wrong = (n: number) =>
      changeMyPassword({ currentPassword: `guess-${n}`, newPassword: "guess-new-22", confirmPassword: "guess-new-22" });
    for (let n = 0; n < 6; n++) await wrong(n);
    expect(
      await changeMyPassword({
        currentPassword: "guess-right-1",
        newPassword: "guess-new-22",
        confirmPassword: "guess-new-22",
      }),
    ).toMatchObject({ ok: false, error: { code: "forbidden" } });
  });
});
