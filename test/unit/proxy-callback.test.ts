import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";

import { proxy } from "@/proxy";

const BASE = "http://127.0.0.1:3100";
const signin = (callbackUrl: string) =>
  proxy(
    new NextRequest(`${BASE}/api/auth/signin?callbackUrl=${encodeURIComponent(callbackUrl)}&x=1`, {
      headers: { host: "127.0.0.1:3100" },
    }),
  );

describe("proxy: next-auth's callbackUrl", () => {
  it("drops a callbackUrl next-auth cannot parse, keeping the client on its own host", async () => {
    const response = await signin("http://127.0.0.1:3100.evil.example/");
    expect(response.status).toBe(307);
    expect(response.headers.get("location")).toBe(`${BASE}/api/auth/signin?x=1`);
  });

  it("lets paths and parsable URLs through to next-auth's redirect callback", async () => {
    for (const url of [`${BASE}/accounts?x=1`, "/accounts", "https://evil.example/"]) {
      const response = await signin(url);
      expect(response.headers.get("location")).toBeNull();
      expect(response.headers.get("x-middleware-next")).toBe("1");
    }
  });
});
