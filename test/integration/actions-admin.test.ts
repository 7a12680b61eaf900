import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import { accountTokenKey } from "@/db/accounts";
import type { Database } from "@/db/client";
import { createInProcessQueue, type JobQueue } from "@/db/job-queue";
import { markEndpoint } from "@/db/ledger";
import { accessTokens, accounts, fetchLedger, syncRuns, userAccounts, users } from "@/db/schema";
import { testConnection, testStoredConnection } from "@/lib/accounts/connection";
import { credentialsFor, databaseTokenStore, loadCredentials } from "@/lib/accounts/credentials";
import { createAccount, deleteAccount, updateCredentials } from "@/lib/accounts/manage";
import { AppError } from "@/lib/actions/errors";
import { AdminError } from "@/lib/admin/errors";
import type { SessionUser } from "@/lib/auth/access";
import { resetEnvCache } from "@/lib/env";
import type { MessageId } from "@/lib/i18n/messages";
import { createQueues } from "@/lib/jobs/queues";
import { runSyncJob, startSync } from "@/lib/jobs/sync-jobs";
import { createTokenManager, runSync, type SyncContext } from "@/lib/sync/runner";
import { syncNowRange } from "@/lib/sync/start";
import { loadSyncStatus, type SyncStatus } from "@/lib/sync/status";
import { createUser, deleteUser, updateUser } from "@/lib/users/manage";
import { loadCompleteness } from "@/lib/views/completeness";
import { ENDPOINT_NAMES } from "@/lib/wechat/endpoints";
import { type EndpointName, endpointsOf } from "@/lib/wechat/endpoints";
import { COMPONENT_APPID, COMPONENT_SECRET, startSimulator } from "@/simulator/server";

import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { createHarness, datacubeCalls, type Harness } from "../helpers/harness";

/**
 * The management side against the simulator: "test connection" with WeChat's own errors, sync
 * runs and their progress rows, completeness statuses, user rules, and the server actions'
 * guards (a denied call changes nothing). Actions need a session, so their bodies live in plain
 * functions (lib/accounts, lib/sync, lib/users) tested here; the guard test below calls the
 * real actions with a mocked session.
 */

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/lib/auth/session", () => ({
  currentUser: async () => session.user,
  requirePageUser: async () => session.user,
}));
vi.mock("@/lib/i18n/server", async () => {
  const { MESSAGES } = await import("@/lib/i18n/messages");
  const fill = (id: MessageId, v: Record<string, string | number> = {}) =>
    (MESSAGES.en[id] ?? id).replace(/\{(\w+)\}/g, (_, k: string) => String(v[k] ?? ""));
  return { getT: async () => fill, getLocale: async () => "en" };
});

const TODAY = "2026-03-01";
const APPID = "wxsim0000000001";
const SECRET = "simsecret1";

const until = async (check: () => Promise<boolean>, timeoutMs = 20_000) => {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 50));
  }
};

describe("test connection: WeChat's exact problem, never a secret or a token", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness({ today: TODAY });
  });
  afterAll(async () => h?.close());

  it("accepts the stored credentials, keeps the fresh token as the account's cached one", async () => {
    const result = await testStoredConnection(h.database, h.ctx.http, h.account.id, TODAY);
    expect(result).toEqual({ ok: true, expiresIn: 7200, note: null });
    const stored = await databaseTokenStore(h.database).load(accountTokenKey(h.account.id));
    expect(stored?.token).toBeTruthy();
    // The one datacube probe was made with it.
    expect(datacubeCalls((await h.stats()).calls)).toEqual({ getbizsummary: 1 });
    expect(JSON.stringify(result)).not.toContain(stored!.token);
  });

  it("wrong AppID: 40013", async () => {
    const result = await testConnection(
      h.ctx.http,
      { type: "classic", appid: "wxsim0000000999", secret: SECRET },
      TODAY,
    );
    expect(result).toMatchObject({ ok: false, code: 40013, kind: "credentials", step: "token", ip: null });
    if (!result.ok) expect(result.message).toMatch(/does not know this AppID \(40013\)/);
  });

  it("wrong AppSecret: 40125, and the typed secret appears nowhere in the answer", async () => {
    const typed = "my-secret-typed-by-mistake";
    const result = await testConnection(h.ctx.http, { type: "stable", appid: APPID, secret: typed }, TODAY);
    expect(result).toMatchObject({ ok: false, code: 40125, kind: "credentials", step: "token" });
    expect(JSON.stringify(result)).not.toContain(typed);
  });

  it("IP not whitelisted: 40164 with the IP to add", async () => {
    const sim = await startSimulator({ accounts: 1, today: TODAY, ipWhitelist: "203.0.113.7" });
    try {
      const result = await testConnection(
        { ...h.ctx.http, baseUrl: sim.url },
        { type: "classic", appid: APPID, secret: SECRET },
        TODAY,
      );
      expect(result).toMatchObject({ ok: false, code: 40164, kind: "credentials", ip: "127.0.0.1", step: "token" });
      if (!result.ok) expect(result.message).toMatch(/IP to add: 127\.0\.0\.1/);
    } finally {
      await sim.close();
    }
  });

  it("unverified account: a token is issued, the data call answers 48001", async () => {
    const sim = await startSimulator({ accounts: 1, today: TODAY, unverifiedAppids: APPID });
    try {
      const result = await testConnection(
        { ...h.ctx.http, baseUrl: sim.url },
        { type: "classic", appid: APPID, secret: SECRET },
        TODAY,
      );
      expect(result).toMatchObject({ ok: false, code: 48001, kind: "unauthorized", step: "datacube" });
    } finally {
      await sim.close();
    }
  });

  it("third-party platform credentials typed into the form, right and wrong", async () => {
    const component = {
      authType: "component" as const,
      componentAppid: COMPONENT_APPID,
      componentSecret: COMPONENT_SECRET,
      componentVerifyTicket: "ticket",
      authorizerRefreshToken: h.sim.truth.accounts[0]!.refreshToken,
    };
    expect(await testConnection(h.ctx.http, credentialsFor(APPID, component), TODAY)).toMatchObject({ ok: true });
    const wrong = await testConnection(
      h.ctx.http,
      credentialsFor(APPID, { ...component, authorizerRefreshToken: "stale" }),
      TODAY,
    );
    expect(wrong).toMatchObject({ ok: false, code: 61003 });
  });
});

describe("accounts: add, replace credentials, delete", () => {
  let testDb: TestDatabase;
  let database: Database;
  beforeAll(async () => {
    testDb = await createTestDatabase();
    database = await testDb.open();
  });
  afterAll(async () => testDb?.drop());

  it("refuses a second account with the same AppID with a clear conflict", async () => {
    const first = await createAccount(database, {
      authType: "classic",
      name: "One",
      appid: "wxabcdefabcdef0001",
      secret: "s1",
    });
    expect(first).not.toHaveProperty("secretEnc");
    const again = await createAccount(database, {
      authType: "classic",
      name: "Two",
      appid: "wxabcdefabcdef0001",
      secret: "s2",
    }).catch((e: unknown) => e);
    expect(again).toBeInstanceOf(AdminError);
    expect((again as AdminError).code).toBe("conflict");
    expect((again as AdminError).message).toBe("An account with AppID wxabcdefabcdef0001 already exists.");
  });

  it("replaces the secrets whole, drops the cached token, returns no secret", async () => {
    const a = await createAccount(database, {
      authType: "classic",
      name: "Three",
      appid: "wxabcdefabcdef0003",
      secret: "old",
    });
    await databaseTokenStore(database).save(accountTokenKey(a.id), {
      token: "cached",
      expiresAt: new Date(Date.now() + 3_600_000),
    });
    const row = await updateCredentials(database, a.id, {
      credentials: {
        authType: "component",
        componentAppid: COMPONENT_APPID,
        componentSecret: "cs",
        componentVerifyTicket: "t",
        authorizerRefreshToken: "r",
      },
    });
    expect(Object.keys(row).sort()).toEqual(["appid", "authType", "componentAppid", "createdAt", "id", "name"]);
    expect(await loadCredentials(database, a.id)).toEqual({
      type: "component",
      componentAppid: COMPONENT_APPID,
      componentSecret: "cs",
      componentVerifyTicket: "t",
      authorizerAppid: "wxabcdefabcdef0003",
      authorizerRefreshToken: "r",
    });
    const [raw] = await database.db.select().from(accounts).where(eq(accounts.id, a.id));
    expect(raw?.secretEnc).toBeNull();
    expect(raw?.componentSecretEnc).not.toContain("cs");
    expect(
      await database.db
        .select()
        .from(accessTokens)
        .where(eq(accessTokens.cacheKey, accountTokenKey(a.id))),
    ).toEqual([]);
    await updateCredentials(database, a.id, { name: "Renamed", credentials: { authType: "stable", secret: "new" } });
    expect(await loadCredentials(database, a.id)).toEqual({
      type: "stable",
      appid: "wxabcdefabcdef0003",
      secret: "new",
    });
  });

  it("deletes an account, but not while a sync of it holds its lock", async () => {
    const a = await createAccount(database, {
      authType: "classic",
      name: "Four",
      appid: "wxabcdefabcdef0004",
      secret: "s",
    });
    let release!: () => void;
    const held = database.tryWithLock("sync-account", a.id, () => new Promise<void>((r) => (release = r)));
    await new Promise((r) => setTimeout(r, 20));
    const busy = await deleteAccount(database, a.id).catch((e: unknown) => e);
    expect((busy as AdminError).code).toBe("conflict");
    release();
    await held;
    await deleteAccount(database, a.id);
    expect(await database.db.select().from(accounts).where(eq(accounts.id, a.id))).toEqual([]);
  });
});

describe("sync runs started from the app", () => {
  let h: Harness;
  let queue: JobQueue;
  beforeAll(async () => {
    h = await createHarness({ today: TODAY, legacyRetiredOn: "never", latencyMs: 40 });
    // The app's job queue on PGlite (the in-process runner), with this process as its worker.
    queue = createInProcessQueue();
    await createQueues(queue);
    await queue.work("sync", 2, (data) => runSyncJob(h.ctx, data, 4));
  });
  afterAll(async () => {
    await queue?.stop();
    await h?.close();
  });
  const runRow = async (runId: number) =>
    (await h.database.db.select().from(syncRuns).where(eq(syncRuns.id, runId)))[0]!;

  it("returns the run id at once, writes progress rows while running, and refuses a second start", async () => {
    await h.resetStats();
    const started = await startSync(h.ctx, queue, {
      accountId: h.account.id,
      from: "2026-02-01",
      to: "2026-02-20",
    });
    await until(async () => (await runRow(started.runId)).status === "running");
    const row = await runRow(started.runId);
    expect(row).toMatchObject({ status: "running", fromDate: "2026-02-01", toDate: "2026-02-20" });
    // 20 days: seven 1-day interfaces, getuserread (3-day windows), getusershare (7), getbizsummary (30),
    // getusersummary and getusercumulate (7 each).
    const expectedWindows = 20 * 7 + Math.ceil(20 / 3) + 3 * Math.ceil(20 / 7) + 1;
    expect(row.windowsTotal).toBe(expectedWindows);

    const second = await startSync(h.ctx, queue, {
      accountId: h.account.id,
      from: "2026-02-01",
      to: "2026-02-05",
    }).catch((e: unknown) => e);
    expect(second).toBeInstanceOf(AppError);
    expect((second as AppError).code).toBe("conflict");
    expect((second as AppError).message).toMatch(/already running/);

    // What the page polls: the run as sync_runs holds it.
    const seen: SyncStatus[] = [];
    await until(async () => {
      const status = await loadSyncStatus(h.database, h.account.id);
      seen.push(status);
      return status.run?.status !== "running";
    });
    const summary = (await runRow(started.runId)).summary as { totalCalls: number } | null;
    const runs = seen.map((s) => s.run!);
    expect(runs.every((r) => r.id === started.runId)).toBe(true);
    const partial = runs.filter((r) => r.status === "running" && r.windowsDone > 0 && r.windowsDone < r.windowsTotal);
    expect(partial.length).toBeGreaterThan(0);
    const done = runs.map((r) => r.windowsDone);
    expect(done).toEqual([...done].sort((a, b) => a - b));
    const last = runs[runs.length - 1]!;
    expect(last).toMatchObject({
      status: "done",
      windowsDone: expectedWindows,
      windowsTotal: expectedWindows,
      errors: 0,
      fatal: null,
    });
    const calls = Object.values(datacubeCalls((await h.stats()).calls)).reduce((a, b) => a + b, 0);
    expect(last.calls).toBe(calls);
    expect(summary?.totalCalls).toBe(calls);
  });

  it("sync now starts the day after the newest final day, across the interfaces still answering", async () => {
    // getarticletotaldetail has nothing final yet (its figures change for 30 days): 30 days back.
    expect(await syncNowRange(h.database, h.account.id, TODAY)).toEqual({ from: "2026-01-30", to: "2026-02-28" });
    const old = await startSync(h.ctx, queue, {
      accountId: h.account.id,
      from: "2026-01-20",
      to: "2026-01-25",
      endpoints: ["getarticletotaldetail"],
    });
    await until(async () => (await runRow(old.runId)).status === "done");
    // Now every interface has final days: the earliest "day after the newest final day" wins.
    expect(await syncNowRange(h.database, h.account.id, TODAY)).toEqual({ from: "2026-01-26", to: "2026-02-28" });
    // Retired interfaces no longer hold it back.
    for (const e of endpointsOf("new")) await markEndpoint(h.database.db, h.account.id, e, { retiredAt: new Date() });
    expect(await syncNowRange(h.database, h.account.id, TODAY)).toEqual({ from: "2026-02-21", to: "2026-02-28" });
    // A new account: 30 days back.
    const fresh = await createAccount(h.database, {
      authType: "classic",
      name: "New",
      appid: "wxsim0000000077",
      secret: "x",
    });
    expect(await syncNowRange(h.database, fresh.id, TODAY)).toEqual({ from: "2026-01-30", to: "2026-02-28" });
  });
});

describe("completeness: final, provisional, missing, failed, quota, retired", () => {
  it("shows legacy days as final before WeChat retired the interfaces and retired after", async () => {
    const h = await createHarness({ today: "2026-06-20", legacyRetiredOn: "2026-06-25" });
    try {
      await h.sync("2026-06-10", "2026-06-19");
      h.setToday("2026-06-28");
      const summary = await h.sync("2026-06-10", "2026-06-27");
      expect(summary.retired.sort()).toEqual([...endpointsOf("legacy")].sort());
      const grid = await loadCompleteness(h.database, h.account.id, "2026-06-08", "2026-06-28", "2026-06-28");
      const row = (e: EndpointName) => grid.rows.find((r) => r.endpoint === e)!;
      const statusOn = (e: EndpointName, d: string) => row(e).days.find((c) => c.date === d)!;

      const summaryRow = row("getarticlesummary");
      expect(summaryRow.retired).toBe(true);
      expect(summaryRow.days.filter((c) => c.status === "final").map((c) => c.date)).toEqual(
        ["10", "11", "12", "13", "14", "15", "16", "17", "18", "19"].map((d) => `2026-06-${d}`),
      );
      // Never fetched before the range: 06-08 and 06-09 cannot be fetched any more either.
      expect(summaryRow.counts).toMatchObject({ final: 10, retired: 10, unavailable: 1 });
      expect(statusOn("getarticlesummary", "2026-06-28")).toMatchObject({
        status: "unavailable",
        reason: "not-published",
      });
      const firstRetired = summaryRow.days.find((c) => c.errcode === 47009)!;
      expect(firstRetired).toMatchObject({ status: "retired", reason: "retired" });
      expect(firstRetired.error).toMatch(/retired this interface \(47009\)/);

      // getarticletotal: the last 7 days before the retirement were provisional and stay so.
      const total = row("getarticletotal");
      expect(total.days.filter((c) => c.status === "final").map((c) => c.date)).toEqual([
        "2026-06-10",
        "2026-06-11",
        "2026-06-12",
      ]);
      const kept = total.days.filter((c) => c.reason === "provisional-retired");
      const overwritten = total.days.filter((c) => c.hasEarlierData);
      expect(kept.length + overwritten.length).toBe(7);
      expect(overwritten.every((c) => c.status === "retired")).toBe(true);

      // The new generation carries on: final except its 30 mutable days.
      const read = row("getarticleread");
      expect(read.counts).toMatchObject({ final: 18, missing: 2, unavailable: 1 });
      expect(row("getarticletotaldetail").counts).toMatchObject({ provisional: 18, missing: 2, unavailable: 1 });
      expect(statusOn("getarticletotaldetail", "2026-06-12")).toMatchObject({
        status: "provisional",
        reason: "provisional-mutable",
      });
      expect(statusOn("getarticletotaldetail", "2026-06-08")).toMatchObject({ status: "missing", reason: "missing" });
    } finally {
      await h.close();
    }
  });

  it("marks quota days (45009), and fetching what is missing the next day completes the interface", async () => {
    const h = await createHarness({ today: TODAY, quota: 3, legacyRetiredOn: "never" });
    try {
      await h.sync("2026-02-01", "2026-02-10");
      let grid = await loadCompleteness(h.database, h.account.id, "2026-02-01", "2026-02-10", TODAY);
      const row = (e: EndpointName) => grid.rows.find((r) => r.endpoint === e)!;
      for (const e of ["getarticlesummary", "getuserreadhour", "getarticleread", "getarticleshare"] as const) {
        expect(row(e).counts, e).toMatchObject({ final: 3, quota: 7, missing: 0 });
        expect(row(e).quotaBlockedToday).toBe(true);
      }
      const quotaCells = row("getarticlesummary").days.filter((c) => c.status === "quota");
      expect(quotaCells.some((c) => c.reason === "quota" && c.errcode === 45009)).toBe(true);
      // getusershare fits in two 7-day windows, getbizsummary in one: within the quota.
      expect(row("getusershare").counts).toMatchObject({ final: 10 });
      expect(row("getbizsummary").counts).toMatchObject({ final: 10 });
      expect(row("getarticletotaldetail").counts).toMatchObject({ provisional: 3, quota: 7 });

      // Next day, "fetch missing" on one row.
      h.setToday("2026-03-02");
      // One call at a time: three answered, the fourth hits 45009 and stops the interface.
      const summary = await runSync(h.ctx, {
        accountId: h.account.id,
        from: "2026-02-01",
        to: "2026-02-10",
        concurrency: 1,
        endpoints: ["getarticlesummary"],
      });
      expect(summary?.calls).toEqual({ getarticlesummary: 4 });
      grid = await loadCompleteness(h.database, h.account.id, "2026-02-01", "2026-02-10", "2026-03-02");
      // Within today's new quota of 3: three more days, the rest waits for tomorrow.
      expect(row("getarticlesummary").counts).toMatchObject({ final: 6, quota: 4 });
      // Other interfaces were not touched; yesterday's quota block is over, so their untried days are missing.
      expect(row("getuserreadhour").quotaBlockedToday).toBe(false);
      expect(row("getuserreadhour").counts.final).toBe(3);
    } finally {
      await h.close();
    }
  });

  it("shows failed windows with WeChat's errcode and message", async () => {
    const h = await createHarness({ today: TODAY, unverifiedAppids: APPID, legacyRetiredOn: "never" });
    try {
      const summary = await h.sync("2026-02-01", "2026-02-02");
      expect(summary.fatal).toMatch(/48001/);
      const grid = await loadCompleteness(h.database, h.account.id, "2026-02-01", "2026-02-02", TODAY);
      const failed = grid.rows.flatMap((r) => r.days).filter((c) => c.status === "failed");
      expect(failed.length).toBeGreaterThan(0);
      expect(failed.every((c) => c.errcode === 48001 && /48001/.test(c.error ?? ""))).toBe(true);
      expect(grid.totals.failed + grid.totals.missing).toBe(2 * ENDPOINT_NAMES.length);
    } finally {
      await h.close();
    }
  });
});

describe("users: roles, unique emails, the last admin", () => {
  let testDb: TestDatabase;
  let database: Database;
  beforeAll(async () => {
    testDb = await createTestDatabase();
    database = await testDb.open();
    await createAccount(database, { authType: "classic", name: "A", appid: "wxabcdefabcdef0001", secret: "s" });
  });
  afterAll(async () => testDb?.drop());

  it("creates users, refuses a taken email (any case) and unknown accounts", async () => {
    const u = await createUser(database, { email: "Boss@Example.com", password: "long-enough", role: "admin" });
    expect(u).toMatchObject({ email: "boss@example.com", role: "admin" });
    expect(u).not.toHaveProperty("passwordHash");
    const dup = (await createUser(database, {
      email: "boss@example.COM",
      password: "long-enough",
      role: "viewer",
    }).catch((e: unknown) => e)) as AdminError;
    expect(dup.code).toBe("conflict");
    expect(dup.message).toBe("A user with the email boss@example.com already exists.");
    const unknown = (await createUser(database, {
      email: "v@example.com",
      password: "long-enough",
      role: "viewer",
      accountIds: [99],
    }).catch((e: unknown) => e)) as AdminError;
    expect(unknown.code).toBe("invalid");
    expect(await database.db.select().from(users).where(eq(users.email, "v@example.com"))).toEqual([]);
  });

  it("never demotes or deletes the last admin; with a second admin it may", async () => {
    const [boss] = await database.db.select().from(users).where(eq(users.email, "boss@example.com"));
    const demote = (await updateUser(database, { id: boss!.id, role: "manager" }).catch(
      (e: unknown) => e,
    )) as AdminError;
    expect(demote.code).toBe("conflict");
    expect(demote.message).toMatch(/last admin/);
    const del = (await deleteUser(database, boss!.id, -1).catch((e: unknown) => e)) as AdminError;
    expect(del.code).toBe("conflict");
    const self = (await deleteUser(database, boss!.id, boss!.id).catch((e: unknown) => e)) as AdminError;
    expect(self.message).toBe("You cannot delete your own user.");
    expect((await database.db.select().from(users).where(eq(users.id, boss!.id)))[0]?.role).toBe("admin");

    const second = await createUser(database, { email: "second@example.com", password: "long-enough", role: "admin" });
    const changed = await updateUser(database, { id: boss!.id, role: "manager", accountIds: [1] });
    expect(changed.role).toBe("manager");
    expect(await database.db.select().from(userAccounts).where(eq(userAccounts.userId, boss!.id))).toEqual([
      { userId: boss!.id, accountId: 1 },
    ]);
    // Now "second" is the last admin.
    expect(((await deleteUser(database, second.id, boss!.id).catch((e: unknown) => e)) as AdminError).code).toBe(
      "conflict",
    );
    // Making someone admin clears their account list (admins see everything).
    await updateUser(database, { id: boss!.id, role: "admin" });
    expect(await database.db.select().from(userAccounts).where(eq(userAccounts.userId, boss!.id))).toEqual([]);
    await deleteUser(database, second.id, boss!.id);
  });
});

describe("server actions: a denied call gets 403/404 and changes nothing", () => {
  let h: Harness;
  let actions: {
    accounts: typeof import("@/lib/actions/accounts");
    sync: typeof import("@/lib/actions/sync");
    users: typeof import("@/lib/actions/users");
  };
  const shared = globalThis as { __readoutDatabase?: Promise<Database>; __readoutSyncContext?: Promise<SyncContext> };
  let other: number;
  let ids: { admin: number; manager: number; viewer: number };
  beforeAll(async () => {
    h = await createHarness({ today: TODAY, legacyRetiredOn: "never", latencyMs: 20 });
    process.env.READOUT_TODAY = TODAY;
    process.env.WECHAT_API_BASE = h.sim.url;
    resetEnvCache();
    // The actions use the process-wide database and sync context: point them at the test ones.
    shared.__readoutDatabase = Promise.resolve(h.database);
    const appContext = { ...h.ctx, tokens: createTokenManager(h.database, h.ctx.http) };
    shared.__readoutSyncContext = Promise.resolve(appContext);
    // ... and the process-wide job queue at an in-process one with a worker, as the server runs.
    const appQueue = createInProcessQueue();
    await createQueues(appQueue);
    await appQueue.work("sync", 2, (data) => runSyncJob(appContext, data, 4));
    (globalThis as { __readoutJobQueue?: Promise<JobQueue> }).__readoutJobQueue = Promise.resolve(appQueue);
    other = (
      await createAccount(h.database, {
        authType: "classic",
        name: "Other",
        appid: "wxsim0000000002",
        secret: "simsecret2",
      })
    ).id;
    const make = async (role: "admin" | "manager" | "viewer", accountIds: number[]) =>
      (await createUser(h.database, { email: `${role}@t.example`, password: "long-enough", role, accountIds })).id;
    ids = {
      admin: await make("admin", []),
      manager: await make("manager", [h.account.id]),
      viewer: await make("viewer", [h.account.id]),
    };
    actions = {
      accounts: await import("@/lib/actions/accounts"),
      sync: await import("@/lib/actions/sync"),
      users: await import("@/lib/actions/users"),
    };
  });
  afterAll(async () => {
    shared.__readoutDatabase = undefined;
    shared.__readoutSyncContext = undefined;
    (globalThis as { __readoutJobQueue?: Promise<JobQueue> }).__readoutJobQueue = undefined;
    delete process.env.READOUT_TODAY;
    delete process.env.WECHAT_API_BASE;
    resetEnvCache();
    await h?.close();
  });
  const as = (role: "admin" | "manager" | "viewer" | null) => {
    session.user = role
      ? {
          id: ids[role],
          email: `${role}@t.example`,
          name: "",
          role,
          accountIds: role === "admin" ? [] : [h.account.id],
        }
      : null;
  };
  const runCount = async () => (await h.database.db.select().from(syncRuns)).length;

  it("checks session, role and account right before anything runs", async () => {
    const before = { runs: await runCount(), secret: await loadCredentials(h.database, h.account.id) };
    as(null);
    expect(await actions.sync.syncNow({ accountId: h.account.id })).toMatchObject({
      ok: false,
      error: { code: "unauthorized" },
    });
    as("viewer");
    expect(await actions.sync.syncNow({ accountId: h.account.id })).toMatchObject({
      ok: false,
      error: { code: "forbidden" },
    });
    expect(
      await actions.sync.backfill({ accountId: h.account.id, from: "2026-02-01", to: "2026-02-02" }),
    ).toMatchObject({ ok: false, error: { code: "forbidden" } });
    expect(
      await actions.accounts.updateCredentials({
        accountId: h.account.id,
        credentials: { authType: "classic", secret: "hijack" },
      }),
    ).toMatchObject({
      ok: false,
      error: { code: "forbidden" },
    });
    expect(await actions.accounts.testConnection({ accountId: h.account.id })).toMatchObject({
      ok: false,
      error: { code: "forbidden" },
    });
    as("manager");
    // Not assigned: looks like it does not exist.
    expect(await actions.sync.fetchMissing({ accountId: other, from: "2026-02-01", to: "2026-02-02" })).toMatchObject({
      ok: false,
      error: { code: "not_found" },
    });
    expect(await actions.accounts.deleteAccount({ accountId: h.account.id })).toMatchObject({
      ok: false,
      error: { code: "forbidden" },
    });
    expect(
      await actions.accounts.testNewConnection({
        authType: "classic",
        name: "x",
        appid: "wxsim0000000003",
        secret: "simsecret3",
      }),
    ).toMatchObject({
      ok: false,
      error: { code: "forbidden" },
    });
    expect(await actions.users.updateUser({ id: ids.manager, role: "admin" })).toMatchObject({
      ok: false,
      error: { code: "forbidden" },
    });
    expect(
      await actions.users.createUser({ email: "x@t.example", password: "long-enough", role: "admin" }),
    ).toMatchObject({ ok: false, error: { code: "forbidden" } });

    expect(await runCount()).toBe(before.runs);
    expect(await loadCredentials(h.database, h.account.id)).toEqual(before.secret);
    expect((await h.database.db.select().from(users).where(eq(users.id, ids.manager)))[0]?.role).toBe("manager");
    expect(await h.database.db.select().from(users).where(eq(users.email, "x@t.example"))).toEqual([]);
  });

  it("validates ranges: not before 2014-12-01, not after yesterday, at most 366 days", async () => {
    as("manager");
    const early = await actions.sync.backfill({ accountId: h.account.id, from: "2014-11-30", to: "2014-12-05" });
    expect(early).toMatchObject({
      ok: false,
      error: { code: "invalid", fields: { from: [expect.stringMatching(/2014-12-01/)] } },
    });
    const future = await actions.sync.backfill({ accountId: h.account.id, from: "2026-02-20", to: TODAY });
    expect(future).toMatchObject({
      ok: false,
      error: { code: "invalid", fields: { to: [expect.stringMatching(/2026-02-28/)] } },
    });
    const long = await actions.sync.backfill({ accountId: h.account.id, from: "2025-01-01", to: "2026-02-01" });
    expect(long).toMatchObject({
      ok: false,
      error: { code: "invalid", fields: { to: [expect.stringMatching(/366 days/)] } },
    });
  });

  it("lets a manager sync and test their account; a second click while running is a conflict", async () => {
    as("manager");
    const first = await actions.sync.backfill({ accountId: h.account.id, from: "2026-02-01", to: "2026-02-14" });
    expect(first.ok).toBe(true);
    const second = await actions.sync.syncNow({ accountId: h.account.id });
    expect(second).toMatchObject({
      ok: false,
      error: { code: "conflict", message: expect.stringMatching(/already running/) },
    });
    const runId = first.ok ? first.data.runId : 0;
    await until(
      async () =>
        (
          await h.database.db
            .select()
            .from(syncRuns)
            .where(and(eq(syncRuns.id, runId), eq(syncRuns.status, "done")))
        ).length === 1,
    );
    expect(
      await h.database.db.select().from(fetchLedger).where(eq(fetchLedger.accountId, h.account.id)),
    ).not.toHaveLength(0);

    const tested = await actions.accounts.testConnection({
      accountId: h.account.id,
      credentials: { authType: "classic", secret: "wrong" },
    });
    expect(tested).toMatchObject({ ok: true, data: { ok: false, code: 40125 } });
    expect(JSON.stringify(tested)).not.toContain("simsecret1");
  });

  it("admins manage users: the last-admin rule in the reader's words", async () => {
    as("admin");
    const demote = await actions.users.updateUser({ id: ids.admin, role: "viewer" });
    expect(demote).toMatchObject({
      ok: false,
      error: { code: "conflict", message: "This is the last admin. Make another user an admin first." },
    });
    const created = await actions.users.createUser({
      email: "new@t.example",
      password: "long-enough",
      role: "viewer",
      accountIds: [other],
    });
    expect(created).toMatchObject({ ok: true, data: { email: "new@t.example", role: "viewer" } });
    expect(JSON.stringify(created)).not.toMatch(/argon2|passwordHash/);
  });
});
