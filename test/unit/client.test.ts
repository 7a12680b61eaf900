import { describe, expect, it } from "vitest";

import { DatacubeClient } from "@/lib/wechat/client";
import { errorFromCode, redact, WeChatError } from "@/lib/wechat/errors";
import type { HttpOptions } from "@/lib/wechat/http";
import type { TokenSource } from "@/lib/wechat/tokens";
import type { Transport } from "@/lib/wechat/transport";

type Answer = { status?: number; body: string; contentType?: string } | "network-error";

/** A transport that answers from a script and records every URL and body it was given. */
function scriptedFetch(answers: Answer[]) {
  const seen: { url: string; body: string | undefined }[] = [];
  const impl: Transport = async ({ url, body }) => {
    seen.push({ url: String(url), body });
    const next = answers.shift();
    if (!next) throw new Error("script exhausted");
    if (next === "network-error") throw Object.assign(new Error("socket hang up"), { code: "ECONNRESET" });
    return { status: next.status ?? 200, body: next.body };
  };
  return { impl, seen };
}

function tokens(initial = "TOKEN-1"): TokenSource & { invalidated: string[] } {
  let current = initial;
  let n = 1;
  const invalidated: string[] = [];
  return {
    invalidated,
    get: async () => current,
    invalidate: async (t) => {
      invalidated.push(t);
      current = `TOKEN-${++n}`;
    },
  };
}

const http = (transport: Transport): HttpOptions => ({
  baseUrl: "http://wechat.test",
  timeoutMs: 1000,
  maxAttempts: 4,
  minBackoffMs: 1,
  transport,
});
const ok = (list: unknown[], extra: object = {}) => ({ body: JSON.stringify({ list, ...extra }) });
const err = (errcode: number, errmsg = "x rid: 1-2-3") => ({ body: JSON.stringify({ errcode, errmsg }) });
const shareRow = { ref_date: "2026-01-05", share_scene: 1, share_count: 10, share_user: 7 };

describe("DatacubeClient", () => {
  it("posts the window to /datacube/<name> with the token and returns validated rows, unknown keys kept", async () => {
    const f = scriptedFetch([ok([{ ...shareRow, user_source: 0, brand_new: { x: 1 } }])]);
    const answer = await new DatacubeClient(http(f.impl), tokens()).fetch("getusershare", "2026-01-05", "2026-01-11");
    expect(f.seen[0]?.url).toBe("http://wechat.test/datacube/getusershare?access_token=TOKEN-1");
    expect(JSON.parse(f.seen[0]!.body!)).toEqual({ begin_date: "2026-01-05", end_date: "2026-01-11" });
    expect(answer.rows).toEqual([{ ...shareRow, user_source: 0, brand_new: { x: 1 } }]);
  });

  it("reads is_delay as a boolean or a string", async () => {
    const row = { ref_date: "2026-01-05", msgid: "1_1", detail: { share_user: 3 } };
    const f = scriptedFetch([ok([row], { is_delay: "true" }), ok([row], { is_delay: false })]);
    const client = new DatacubeClient(http(f.impl), tokens());
    expect((await client.fetch("getarticleshare", "2026-01-05", "2026-01-05")).isDelay).toBe(true);
    expect((await client.fetch("getarticleshare", "2026-01-05", "2026-01-05")).isDelay).toBe(false);
  });

  it("retries -1, 45011, HTTP 5xx, network errors and cut-off JSON, then succeeds", async () => {
    const f = scriptedFetch([
      err(-1),
      { status: 503, body: "<html>busy</html>" },
      "network-error",
      { body: '{"list":[{"ref_da' },
      ok([shareRow]),
    ]);
    const client = new DatacubeClient({ ...http(f.impl), maxAttempts: 5 }, tokens());
    const answer = await client.fetch("getusershare", "2026-01-05", "2026-01-05");
    expect(answer.rows).toHaveLength(1);
    expect(f.seen).toHaveLength(5);
  });

  it("gives up after maxAttempts with a transient error", async () => {
    const f = scriptedFetch([err(-1), err(45011), err(-1), err(-1), ok([])]);
    const error = await new DatacubeClient(http(f.impl), tokens())
      .fetch("getusershare", "2026-01-05", "2026-01-05")
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WeChatError);
    expect((error as WeChatError).kind).toBe("transient");
    expect(f.seen).toHaveLength(4);
  });

  it("drops a rejected token, fetches a new one and repeats the call once", async () => {
    const t = tokens();
    const f = scriptedFetch([err(42001), ok([shareRow])]);
    await new DatacubeClient(http(f.impl), t).fetch("getusershare", "2026-01-05", "2026-01-05");
    expect(t.invalidated).toEqual(["TOKEN-1"]);
    expect(f.seen[1]?.url).toContain("access_token=TOKEN-2");
  });

  it("does not retry errors that asking again cannot fix, and types each one", async () => {
    const cases: [number, string][] = [
      [45009, "quota"],
      [47009, "retired"],
      [48001, "unauthorized"],
      [40125, "credentials"],
      [40164, "credentials"],
      [61500, "request"],
      [61501, "request"],
      [41001, "request"],
    ];
    for (const [code, kind] of cases) {
      const f = scriptedFetch([{ ...err(code), contentType: "text/plain" }, ok([])]);
      const error = (await new DatacubeClient(http(f.impl), tokens())
        .fetch("getusershare", "2026-01-05", "2026-01-05")
        .catch((e: unknown) => e)) as WeChatError;
      expect(error.kind, String(code)).toBe(kind);
      expect(error.code).toBe(code);
      expect(f.seen, String(code)).toHaveLength(1);
    }
  });

  it("rejects rows that are not the documented shape, naming the row and field", async () => {
    const f = scriptedFetch([ok([shareRow, { ...shareRow, share_count: "many" }])]);
    const error = (await new DatacubeClient(http(f.impl), tokens())
      .fetch("getusershare", "2026-01-05", "2026-01-05")
      .catch((e: unknown) => e)) as WeChatError;
    expect(error.kind).toBe("invalid_response");
    expect(error.message).toMatch(/list\[1\] share_count/);
  });

  it("rejects an answer without a list and a bad ref_hour", async () => {
    const f = scriptedFetch([
      { body: '{"data":[]}' },
      ok([{ ref_date: "2026-01-05", ref_hour: 7, share_scene: 1, share_count: 1, share_user: 1 }]),
    ]);
    const client = new DatacubeClient(http(f.impl), tokens());
    await expect(client.fetch("getusershare", "2026-01-05", "2026-01-05")).rejects.toThrow(/no "list" array/);
    await expect(client.fetch("getusersharehour", "2026-01-05", "2026-01-05")).rejects.toThrow(/HHMM/);
  });

  it("never puts the token into an error message", async () => {
    const f = scriptedFetch(["network-error", "network-error", "network-error", "network-error"]);
    const error = (await new DatacubeClient(http(f.impl), tokens("SEKRIT-TOKEN"))
      .fetch("getusershare", "2026-01-05", "2026-01-05")
      .catch((e: unknown) => e)) as Error;
    expect(error.message).not.toContain("SEKRIT-TOKEN");
  });
});

describe("errors", () => {
  it("explains 40164 with the IP to whitelist", () => {
    const e = errorFromCode(
      40164,
      "invalid ip 218.58.124.130 ipv6 ::ffff:218.58.124.130, not in whitelist rid: 6117",
      "token",
      200,
    );
    expect(e.ip).toBe("218.58.124.130");
    expect(e.message).toContain("IP to add: 218.58.124.130");
  });

  it("redacts tokens and secrets in URLs and JSON", () => {
    const text = redact('GET /cgi-bin/token?appid=wx1&secret=abc123&access_token=t0k {"component_appsecret":"s3"}');
    expect(text).not.toMatch(/abc123|t0k|s3"/);
    expect(text).toContain("appid=wx1");
  });
});
