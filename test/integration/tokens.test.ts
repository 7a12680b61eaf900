import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { accountTokenKey, createAccount } from "@/db/accounts";
import type { Database } from "@/db/client";
import { accessTokens } from "@/db/schema";
import { databaseTokenStore } from "@/lib/accounts/credentials";
import { createTokenManager, runSync } from "@/lib/sync/runner";
import { DatacubeClient } from "@/lib/wechat/client";
import { type WeChatError } from "@/lib/wechat/errors";
import type { HttpOptions } from "@/lib/wechat/http";
import { type Credentials, RENEW_BEFORE_MS, TokenManager } from "@/lib/wechat/tokens";
import { startSimulator } from "@/simulator/server";

import { createTestDatabase, type TestDatabase } from "../helpers/db";

const TODAY = "2026-03-01";
let sim: Awaited<ReturnType<typeof startSimulator>>;
let testDb: TestDatabase;
let database: Database;
let http: HttpOptions;

const stats = async () =>
  ((await (await fetch(`${sim.url}/__stats`)).json()) as { calls: Record<string, number> }).calls;
const reset = () => fetch(`${sim.url}/__stats/reset`, { method: "POST" });
const classic = (secret = "simsecret1"): Credentials => ({ type: "classic", appid: "wxsim0000000001", secret });

beforeAll(async () => {
  sim = await startSimulator({ accounts: 2, today: TODAY, tokenOverlapS: 300 });
  testDb = await createTestDatabase();
  database = await testDb.open();
  http = { baseUrl: sim.url, timeoutMs: 2000, maxAttempts: 3, minBackoffMs: 1 };
});
afterAll(async () => {
  await sim?.close();
  await testDb?.drop();
});

describe("access tokens", () => {
  it("reports wrong AppID and AppSecret as the operator's problem, without the secret", async () => {
    const tokens = createTokenManager(database, http);
    const wrongSecret = (await tokens.fetchFresh(classic("not-the-secret")).catch((e: unknown) => e)) as WeChatError;
    expect(wrongSecret.kind).toBe("credentials");
    expect(wrongSecret.code).toBe(40125);
    expect(wrongSecret.message).toMatch(/AppSecret is wrong/);
    expect(wrongSecret.message).not.toContain("not-the-secret");
    const wrongAppid = (await tokens
      .fetchFresh({ type: "classic", appid: "wxsim0000000999", secret: "x" })
      .catch((e: unknown) => e)) as WeChatError;
    expect(wrongAppid.code).toBe(40013);
  });

  it("shares one fetch among concurrent callers and keeps the token encrypted in the database", async () => {
    await reset();
    const tokens = createTokenManager(database, http);
    const source = tokens.source("account:shared-test", classic());
    const got = await Promise.all(Array.from({ length: 20 }, () => source.get()));
    expect(new Set(got).size).toBe(1);
    expect((await stats())["/cgi-bin/token"]).toBe(1);

    const [row] = await database.db.select().from(accessTokens).where(eq(accessTokens.cacheKey, "account:shared-test"));
    expect(row?.tokenEnc).toBeTruthy();
    expect(row?.tokenEnc).not.toContain(got[0]!);

    // Another process (a new manager on the same database) reuses it without calling WeChat.
    const again = await createTokenManager(database, http).source("account:shared-test", classic()).get();
    expect(again).toBe(got[0]);
    expect((await stats())["/cgi-bin/token"]).toBe(1);
  });

  it("renews a token shortly before it expires", async () => {
    await reset();
    let clock = Date.now();
    const tokens = new TokenManager(http, databaseTokenStore(database), () => clock);
    const source = tokens.source("account:renew-test", classic());
    const first = await source.get();
    clock += 7200_000 - RENEW_BEFORE_MS - 1000;
    expect(await source.get()).toBe(first);
    clock += 2000;
    expect(await source.get()).not.toBe(first);
    expect((await stats())["/cgi-bin/token"]).toBe(2);
  });

  it("recovers from a revoked token with one new token", async () => {
    const revoking = await startSimulator({ accounts: 1, today: TODAY, revokeTokenEvery: 3 });
    try {
      const h: HttpOptions = { ...http, baseUrl: revoking.url };
      const tokens = createTokenManager(database, h);
      const client = new DatacubeClient(h, tokens.source("account:revoke-test", classic()));
      for (let i = 0; i < 5; i++) await client.fetch("getuserread", "2026-02-01", "2026-02-03");
      const calls = ((await (await fetch(`${revoking.url}/__stats`)).json()) as { calls: Record<string, number> })
        .calls;
      expect(calls["/cgi-bin/token"]).toBeGreaterThanOrEqual(2);
      expect(calls.getuserread).toBeGreaterThan(5);
    } finally {
      await revoking.close();
    }
  });

  it("syncs with stable tokens and with third-party authorizer tokens", async () => {
    await reset();
    const stable = await createAccount(database, {
      authType: "stable",
      name: "Stable",
      appid: "wxsim0000000001",
      secret: "simsecret1",
    });
    const component = await createAccount(database, {
      authType: "component",
      name: "Authorized",
      appid: "wxsim0000000002",
      componentAppid: "wxsimcomponent01",
      componentSecret: "simcomponentsecret",
      componentVerifyTicket: "ticket@@@sim",
      authorizerRefreshToken: "simrefresh2",
    });
    const ctx = {
      database,
      http,
      tokens: createTokenManager(database, http),
      now: () => new Date(`${TODAY}T12:00:00+08:00`),
    };
    for (const account of [stable, component]) {
      const summary = await runSync(ctx, {
        accountId: account.id,
        from: "2026-02-20",
        to: "2026-02-22",
        concurrency: 2,
        endpoints: ["getarticleread"],
      });
      expect(summary.errors, account.authType).toEqual([]);
      expect(summary.calls.getarticleread).toBe(3);
    }
    const calls = await stats();
    expect(calls["/cgi-bin/stable_token"]).toBe(1);
    expect(calls["/cgi-bin/component/api_component_token"]).toBe(1);
    expect(calls["/cgi-bin/component/api_authorizer_token"]).toBe(1);
    expect(calls["/cgi-bin/token"]).toBeUndefined();
    expect(await databaseTokenStore(database).load(accountTokenKey(component.id))).not.toBeNull();
  });

  it("stops a sync at once on wrong credentials and says why", async () => {
    await reset();
    const account = await createAccount(database, {
      authType: "classic",
      name: "Unknown",
      appid: "wxsim0000000099",
      secret: "wrong",
    });
    const ctx = {
      database,
      http,
      tokens: createTokenManager(database, http),
      now: () => new Date(`${TODAY}T12:00:00+08:00`),
    };
    const summary = await runSync(ctx, { accountId: account.id, from: "2026-02-01", to: "2026-02-28", concurrency: 4 });
    expect(summary.fatal).toMatch(/does not know this AppID \(40013\)/);
    const calls = await stats();
    expect(Object.keys(calls).filter((k) => !k.startsWith("/"))).toEqual([]);
  });
});
