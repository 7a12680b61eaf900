import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { OptionError } from "@/simulator/options";
import { type RunningSimulator, type SimulatorOptions, startSimulator } from "@/simulator/server";

const TODAY = "2026-03-01";
const APPID = "wxsim0000000001";
const RID = / rid: [0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}$/;

interface Reply {
  status: number;
  contentType: string;
  text: string;
  json: Record<string, unknown> | undefined;
}

async function request(url: string, init?: RequestInit): Promise<Reply> {
  const res = await fetch(url, { ...init, signal: AbortSignal.timeout(5_000) });
  const text = await res.text();
  let json: Record<string, unknown> | undefined;
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch {
    json = undefined;
  }
  return { status: res.status, contentType: res.headers.get("content-type") ?? "", text, json };
}

const post = (url: string, body: unknown) =>
  request(url, { method: "POST", body: typeof body === "string" ? body : JSON.stringify(body) });

async function classicToken(sim: RunningSimulator, appid = APPID, secret = "simsecret1") {
  return request(`${sim.url}/cgi-bin/token?grant_type=client_credential&appid=${appid}&secret=${secret}`);
}

async function tokenOf(sim: RunningSimulator, appid = APPID): Promise<string> {
  const reply = await classicToken(sim, appid, `simsecret${Number(appid.slice(-3))}`);
  return reply.json?.access_token as string;
}

const datacube = (sim: RunningSimulator, endpoint: string, token: string | undefined, begin: string, end = begin) =>
  post(`${sim.url}/datacube/${endpoint}${token === undefined ? "" : `?access_token=${encodeURIComponent(token)}`}`, {
    begin_date: begin,
    end_date: end,
  });

const errcodeOf = (reply: Reply) => reply.json?.errcode;

async function withSimulator<T>(options: SimulatorOptions, run: (sim: RunningSimulator) => Promise<T>): Promise<T> {
  const sim = await startSimulator({ accounts: 2, today: TODAY, ...options });
  try {
    return await run(sim);
  } finally {
    await sim.close();
  }
}

describe("simulator server: tokens", () => {
  let sim: RunningSimulator;
  beforeAll(async () => {
    sim = await startSimulator({ accounts: 2, today: TODAY });
  });
  afterAll(() => sim.close());

  it("issues classic tokens and rejects a wrong appid, secret or grant_type", async () => {
    const ok = await classicToken(sim);
    expect(ok.status).toBe(200);
    expect(ok.json?.expires_in).toBe(7200);
    expect(String(ok.json?.access_token).length).toBeGreaterThanOrEqual(64);
    expect(errcodeOf(await classicToken(sim, "wxsim0000000999", "x"))).toBe(40013);
    const wrongSecret = await classicToken(sim, APPID, "nope");
    expect(errcodeOf(wrongSecret)).toBe(40125);
    expect(String(wrongSecret.json?.errmsg)).toMatch(RID);
    expect(
      errcodeOf(await request(`${sim.url}/cgi-bin/token?grant_type=password&appid=${APPID}&secret=simsecret1`)),
    ).toBe(40002);
  });

  it("keeps stable tokens independent; force_refresh gives a new one", async () => {
    const body = { grant_type: "client_credential", appid: APPID, secret: "simsecret1", force_refresh: false };
    const first = (await post(`${sim.url}/cgi-bin/stable_token`, body)).json?.access_token as string;
    const again = (await post(`${sim.url}/cgi-bin/stable_token`, body)).json?.access_token as string;
    const forced = (await post(`${sim.url}/cgi-bin/stable_token`, { ...body, force_refresh: true })).json
      ?.access_token as string;
    expect(again).toBe(first);
    expect(forced).not.toBe(first);
    const classic = await tokenOf(sim);
    for (const token of [first, forced, classic])
      expect(errcodeOf(await datacube(sim, "getuserread", token, "2026-02-01"))).toBeUndefined();
    expect(errcodeOf(await post(`${sim.url}/cgi-bin/stable_token`, { ...body, secret: "bad" }))).toBe(40125);
    expect(errcodeOf(await post(`${sim.url}/cgi-bin/stable_token`, "not json"))).toBe(47001);
  });

  it("serves third-party authorizer tokens for the account that authorized the platform", async () => {
    const component = await post(`${sim.url}/cgi-bin/component/api_component_token`, {
      component_appid: "wxsimcomponent01",
      component_appsecret: "simcomponentsecret",
      component_verify_ticket: "ticket@@@anything",
    });
    const componentToken = component.json?.component_access_token as string;
    expect(componentToken.length).toBeGreaterThanOrEqual(64);
    expect(component.json?.expires_in).toBe(7200);
    const authorize = (body: Record<string, string>, token = componentToken) =>
      post(`${sim.url}/cgi-bin/component/api_authorizer_token?component_access_token=${token}`, {
        component_appid: "wxsimcomponent01",
        authorizer_appid: "wxsim0000000002",
        authorizer_refresh_token: "simrefresh2",
        ...body,
      });
    const granted = await authorize({});
    expect(granted.json).toMatchObject({ expires_in: 7200, authorizer_refresh_token: "simrefresh2" });
    const token = granted.json?.authorizer_access_token as string;
    const rows = await datacube(sim, "getarticleread", token, "2026-02-01");
    const truth = sim.truth.rows("wxsim0000000002", "getarticleread", "2026-02-01", "2026-02-01", { today: TODAY });
    expect(truth.list.length).toBeGreaterThan(0);
    expect(rows.json).toEqual({ list: truth.list, is_delay: false });

    expect(errcodeOf(await authorize({ authorizer_refresh_token: "simrefresh1" }))).toBe(61003);
    expect(errcodeOf(await authorize({ authorizer_appid: "wxsim0000000999" }))).toBe(61003);
    expect(errcodeOf(await authorize({ component_appid: "wxother" }))).toBe(40013);
    expect(errcodeOf(await authorize({}, "not-a-token"))).toBe(40001);
    // The component token itself is no key to an account's data.
    expect(errcodeOf(await datacube(sim, "getuserread", componentToken, "2026-02-01"))).toBe(40001);
  });

  it("retires a superseded token after the overlap and expires tokens after their lifetime", async () => {
    await withSimulator({ tokenOverlapS: 0, tokenTtlS: 1 }, async (s) => {
      const old = await tokenOf(s);
      const current = await tokenOf(s);
      expect(errcodeOf(await datacube(s, "getuserread", old, "2026-02-01"))).toBe(40001);
      expect(errcodeOf(await datacube(s, "getuserread", current, "2026-02-01"))).toBeUndefined();
      await new Promise((resolve) => setTimeout(resolve, 1_100));
      expect(errcodeOf(await datacube(s, "getuserread", current, "2026-02-01"))).toBe(42001);
    });
    const old = await tokenOf(sim);
    await tokenOf(sim);
    // Default overlap (300 s): both work for now.
    expect(errcodeOf(await datacube(sim, "getuserread", old, "2026-02-01"))).toBeUndefined();
  });
});

describe("simulator server: datacube", () => {
  let sim: RunningSimulator;
  let token: string;
  beforeAll(async () => {
    sim = await startSimulator({ accounts: 2, today: TODAY, legacyRetiredOn: "2026-07-01" });
    token = await tokenOf(sim);
  });
  afterAll(() => sim.close());

  it("answers exactly the ground truth: legacy without is_delay, new generation with it", async () => {
    const legacy = await datacube(sim, "getuserread", token, "2026-02-01", "2026-02-03");
    expect(legacy.status).toBe(200);
    expect(legacy.contentType).toMatch(/^application\/json/);
    expect(legacy.json).toEqual({
      list: sim.truth.rows(APPID, "getuserread", "2026-02-01", "2026-02-03", { today: TODAY }).list,
    });
    expect(legacy.json?.list).toHaveLength(24);
    const fresh = await datacube(sim, "getbizsummary", token, "2026-01-29", "2026-02-27");
    expect(fresh.json).toEqual({
      list: sim.truth.rows(APPID, "getbizsummary", "2026-01-29", "2026-02-27", { today: TODAY }).list,
      is_delay: false,
    });
    expect(fresh.json?.list).toHaveLength(30);
    // Before a generation's first day: an empty list, not an error.
    expect((await datacube(sim, "getarticleread", token, "2025-10-31")).json).toEqual({ list: [], is_delay: false });
    expect((await datacube(sim, "getuserreadhour", token, "2014-11-30")).json).toEqual({ list: [] });
  });

  it("validates like WeChat: 41001, 40001, 47001, 61500, 61501", async () => {
    const url = `${sim.url}/datacube/getuserread?access_token=${token}`;
    expect(errcodeOf(await datacube(sim, "getuserread", undefined, "2026-02-01"))).toBe(41001);
    expect(errcodeOf(await datacube(sim, "getuserread", "made-up", "2026-02-01"))).toBe(40001);
    expect(errcodeOf(await post(url, "begin_date=2026-02-01"))).toBe(47001);
    expect(errcodeOf(await post(url, "[]"))).toBe(47001);
    expect(errcodeOf(await post(url, { begin_date: "2026-2-1", end_date: "2026-02-01" }))).toBe(61500);
    expect(errcodeOf(await post(url, { begin_date: "2026-02-01" }))).toBe(61500);
    expect(errcodeOf(await post(url, { begin_date: "2026-02-30", end_date: "2026-02-30" }))).toBe(61500);
    expect(errcodeOf(await post(url, { begin_date: 20260201, end_date: "2026-02-01" }))).toBe(61500);
    const range = await post(url, { begin_date: "2026-02-03", end_date: "2026-02-01" });
    expect(errcodeOf(range)).toBe(61501);
    expect(range.json?.errmsg).toMatch(/^date range error rid: /);
    // getuserread spans at most 3 days, getbizsummary 30; end_date must be before today.
    expect(errcodeOf(await datacube(sim, "getuserread", token, "2026-02-01", "2026-02-04"))).toBe(61501);
    expect(errcodeOf(await datacube(sim, "getuserread", token, "2026-02-01", "2026-02-03"))).toBeUndefined();
    expect(errcodeOf(await datacube(sim, "getbizsummary", token, "2026-01-01", "2026-01-31"))).toBe(61501);
    expect(errcodeOf(await datacube(sim, "getarticlesummary", token, "2026-02-01", "2026-02-02"))).toBe(61501);
    expect(errcodeOf(await datacube(sim, "getarticlesummary", token, TODAY))).toBe(61501);
    expect(errcodeOf(await datacube(sim, "getarticlesummary", token, "2026-02-28"))).toBeUndefined();
  });

  it("answers 404 for /cgi-bin/datacube/... and unknown paths, 43002 for GET", async () => {
    const wrongPrefix = await post(`${sim.url}/cgi-bin/datacube/getuserread?access_token=${token}`, {
      begin_date: "2026-02-01",
      end_date: "2026-02-01",
    });
    expect(wrongPrefix.status).toBe(404);
    expect((await post(`${sim.url}/datacube/getnothing?access_token=${token}`, {})).status).toBe(404);
    expect((await request(`${sim.url}/elsewhere`)).status).toBe(404);
    expect(errcodeOf(await request(`${sim.url}/datacube/getuserread?access_token=${token}`))).toBe(43002);
  });

  it("retires the legacy six with 47009 from legacyRetiredOn, by the simulator's clock", async () => {
    sim.setToday("2026-06-30");
    expect(errcodeOf(await datacube(sim, "getarticlesummary", token, "2026-06-29"))).toBeUndefined();
    sim.setToday("2026-07-01");
    for (const endpoint of [
      "getarticlesummary",
      "getarticletotal",
      "getuserread",
      "getuserreadhour",
      "getusershare",
      "getusersharehour",
    ]) {
      const reply = await datacube(sim, endpoint, token, "2026-06-29");
      expect(errcodeOf(reply), endpoint).toBe(47009);
      expect(reply.json?.errmsg).toMatch(/^this api is offline, please use the new api rid: /);
    }
    expect(errcodeOf(await datacube(sim, "getarticleread", token, "2026-06-29"))).toBeUndefined();
    sim.setToday(TODAY);
    await withSimulator({ today: "2027-01-01", legacyRetiredOn: "never" }, async (s) => {
      expect(errcodeOf(await datacube(s, "getuserread", await tokenOf(s), "2026-12-01"))).toBeUndefined();
    });
  });

  it("counts every served call by endpoint or path, and resets", async () => {
    await post(`${sim.url}/__stats/reset`, "");
    await datacube(sim, "getuserread", token, "2026-02-01");
    await datacube(sim, "getuserread", "bad", "2026-02-01");
    await datacube(sim, "getarticleread", token, "2026-02-01");
    await classicToken(sim, APPID, "wrong");
    await request(`${sim.url}/nowhere`);
    const stats = (await request(`${sim.url}/__stats`)).json;
    expect(stats).toEqual({
      calls: { getuserread: 2, getarticleread: 1, "/cgi-bin/token": 1, "/nowhere": 1 },
      total: 5,
    });
    expect(sim.stats()).toEqual(stats);
    await post(`${sim.url}/__stats/reset`, "");
    expect((await request(`${sim.url}/__stats`)).json).toEqual({ calls: {}, total: 0 });
  });
});

describe("simulator server: quota, revocation, error content type, delay", () => {
  it("answers 45009 past the daily quota per account and interface, and resets on a new simulator day", async () => {
    await withSimulator({ quota: 3 }, async (sim) => {
      const token = await tokenOf(sim);
      const other = await tokenOf(sim, "wxsim0000000002");
      const codes = [];
      for (let i = 0; i < 5; i++) codes.push(errcodeOf(await datacube(sim, "getarticleread", token, "2026-02-01")));
      expect(codes).toEqual([undefined, undefined, undefined, 45009, 45009]);
      expect((await datacube(sim, "getarticleread", token, "2026-02-01")).json?.errmsg).toMatch(
        /^reach max api daily quota limit rid: /,
      );
      expect(errcodeOf(await datacube(sim, "getarticleshare", token, "2026-02-01"))).toBeUndefined();
      expect(errcodeOf(await datacube(sim, "getarticleread", other, "2026-02-01"))).toBeUndefined();
      const quota = await post(`${sim.url}/cgi-bin/openapi/quota/get?access_token=${token}`, {
        cgi_path: "/datacube/getarticleread",
      });
      expect(quota.json).toEqual({ errcode: 0, errmsg: "ok", quota: { daily_limit: 3, used: 3, remain: 0 } });
      expect(
        errcodeOf(
          await post(`${sim.url}/cgi-bin/openapi/quota/get?access_token=${token}`, { cgi_path: "/datacube/nothing" }),
        ),
      ).toBe(76021);

      const clock = await post(`${sim.url}/__clock`, { today: "2026-03-02" });
      expect(clock.json).toEqual({ today: "2026-03-02" });
      expect(errcodeOf(await datacube(sim, "getarticleread", token, "2026-02-01"))).toBeUndefined();
      expect((await post(`${sim.url}/__clock`, { today: "tomorrow" })).status).toBe(400);
    });
  });

  it("revokes the token of every Nth datacube call (40001 or 42001), and it stays revoked", async () => {
    await withSimulator({ revokeTokenEvery: 3 }, async (sim) => {
      const token = await tokenOf(sim);
      const codes = [];
      for (let i = 0; i < 4; i++) codes.push(errcodeOf(await datacube(sim, "getuserread", token, "2026-02-01")));
      expect(codes.slice(0, 2)).toEqual([undefined, undefined]);
      expect([40001, 42001]).toContain(codes[2]);
      expect(codes[3]).toBe(40001);
      const fresh = await tokenOf(sim);
      expect(errcodeOf(await datacube(sim, "getuserread", fresh, "2026-02-01"))).toBeUndefined();
      expect(errcodeOf(await datacube(sim, "getuserread", fresh, "2026-02-01"))).toBe(40001);
    });
  });

  it("serves error bodies as text/plain when told to, successes stay JSON", async () => {
    await withSimulator({ textPlainErrors: true }, async (sim) => {
      const token = await tokenOf(sim);
      const failed = await datacube(sim, "getuserread", token, "2026-02-01", "2026-02-09");
      expect(failed.contentType).toMatch(/^text\/plain/);
      expect(errcodeOf(failed)).toBe(61501);
      expect(failed.contentType).not.toMatch(/json/);
      expect((await classicToken(sim, APPID, "wrong")).contentType).toMatch(/^text\/plain/);
      expect((await datacube(sim, "getuserread", token, "2026-02-01")).contentType).toMatch(/^application\/json/);
    });
  });

  it("marks recent new-generation days is_delay with partial figures", async () => {
    await withSimulator({ delayDays: 2 }, async (sim) => {
      const token = await tokenOf(sim);
      const recent = await datacube(sim, "getbizsummary", token, "2026-02-20", "2026-02-28");
      expect(recent.json?.is_delay).toBe(true);
      expect(recent.json?.list).toEqual(
        sim.truth.rows(APPID, "getbizsummary", "2026-02-20", "2026-02-28", { today: TODAY, delayDays: 2 }).list,
      );
      const final = sim.truth.rows(APPID, "getbizsummary", "2026-02-28", "2026-02-28", { today: TODAY }).list[0] as {
        detail: { read_user: number };
      };
      const last = (recent.json?.list as { detail: { read_user: number } }[]).at(-1)!;
      expect(last.detail.read_user).toBe(Math.floor(final.detail.read_user * 0.7));
      expect((await datacube(sim, "getbizsummary", token, "2026-02-01", "2026-02-10")).json?.is_delay).toBe(false);
    });
  });
});

describe("simulator server: faults", () => {
  type Outcome = "system-error" | "http-5xx" | "dropped" | "truncated" | "ok";

  async function outcomes(sim: RunningSimulator, count: number) {
    const token = await tokenOf(sim);
    const real = JSON.stringify({
      list: sim.truth.rows(APPID, "getuserread", "2026-02-01", "2026-02-01", { today: TODAY }).list,
    });
    const kinds: Outcome[] = [];
    const truncated: string[] = [];
    for (let i = 0; i < count; i++) {
      try {
        const reply = await datacube(sim, "getuserread", token, "2026-02-01");
        if (reply.status >= 500) kinds.push("http-5xx");
        else if (reply.json === undefined) {
          kinds.push("truncated");
          truncated.push(reply.text);
        } else kinds.push(errcodeOf(reply) === -1 ? "system-error" : "ok");
      } catch {
        kinds.push("dropped");
      }
    }
    return { kinds, truncated, real };
  }

  it("fails every call at faultRate 1 with a seeded mix: -1, 5xx, timeouts and truncated JSON", async () => {
    const options = { faultRate: 1, timeoutFaultMs: 30, seed: 5 };
    const first = await withSimulator(options, (sim) => outcomes(sim, 40));
    expect(new Set(first.kinds)).toEqual(new Set(["system-error", "http-5xx", "dropped", "truncated"]));
    expect(first.truncated.length).toBeGreaterThan(0);
    for (const text of first.truncated) {
      expect(text.length).toBeLessThan(first.real.length);
      expect(first.real.startsWith(text)).toBe(true);
    }
    // Same seed, same sequence of faults.
    const again = await withSimulator(options, (sim) => outcomes(sim, 40));
    expect(again.kinds).toEqual(first.kinds);
  });

  it("faults only some calls at a lower rate", async () => {
    const { kinds } = await withSimulator({ faultRate: 0.3, timeoutFaultMs: 30 }, (sim) => outcomes(sim, 60));
    const ok = kinds.filter((k) => k === "ok").length;
    expect(ok).toBeGreaterThan(25);
    expect(ok).toBeLessThan(58);
  });

  it("rejects bad options with the option's name", async () => {
    await expect(startSimulator({ faultRate: 2 })).rejects.toThrow(OptionError);
    await expect(startSimulator({ legacyRetiredOn: "soon" })).rejects.toThrow(/legacyRetiredOn/);
    await expect(startSimulator({ accounts: 0 })).rejects.toThrow(/accounts/);
  });
});

describe("simulator server: IP whitelist and unverified accounts", () => {
  it("answers 40164 naming the caller's IP when it is not whitelisted, and serves it once it is", async () => {
    await withSimulator({ ipWhitelist: "203.0.113.7" }, async (sim) => {
      const classic = await classicToken(sim);
      expect(errcodeOf(classic)).toBe(40164);
      expect(classic.json?.errmsg).toMatch(/^invalid ip 127\.0\.0\.1 ipv6 ::ffff:127\.0\.0\.1, not in whitelist rid: /);
      const stable = await post(`${sim.url}/cgi-bin/stable_token`, {
        grant_type: "client_credential",
        appid: APPID,
        secret: "simsecret1",
      });
      expect(errcodeOf(stable)).toBe(40164);
      // A wrong secret is still reported as such: WeChat checks the credentials first.
      expect(errcodeOf(await classicToken(sim, APPID, "wrong"))).toBe(40125);
    });
    await withSimulator({ ipWhitelist: "203.0.113.7, 127.0.0.1" }, async (sim) => {
      expect(typeof (await classicToken(sim)).json?.access_token).toBe("string");
    });
  });

  it("answers 48001 to the datacube calls of unverified accounts only", async () => {
    await withSimulator({ unverifiedAppids: "wxsim0000000002" }, async (sim) => {
      const token2 = await tokenOf(sim, "wxsim0000000002");
      expect(typeof token2).toBe("string");
      expect(errcodeOf(await datacube(sim, "getbizsummary", token2, "2026-02-01"))).toBe(48001);
      expect(errcodeOf(await datacube(sim, "getbizsummary", await tokenOf(sim), "2026-02-01"))).toBeUndefined();
    });
  });

  it("rejects malformed lists", async () => {
    await expect(startSimulator({ ipWhitelist: "not an ip" })).rejects.toThrow(/ipWhitelist/);
    await expect(startSimulator({ unverifiedAppids: "abc" })).rejects.toThrow(/unverifiedAppids/);
  });
});
