import { describe, expect, it } from "vitest";

import { safeNextPath, safeRedirectUrl } from "@/lib/auth/redirects";

describe("safeNextPath", () => {
  it.each([
    ["/accounts/1?from=2026-11-01#x", "/accounts/1?from=2026-11-01#x"],
    ["/", "/"],
    ["/\\evil.example", "/"],
    ["/\t/evil.example", "/"],
    ["\\\\evil.example", "/"],
    ["//evil.example", "/"],
    ["/.//evil.example", "/"],
    ["/\r\nSet-Cookie: x=1", "/"],
    ["https://evil.example/", "/"],
    ["javascript:alert(1)", "/"],
    ["evil.example", "/"],
    ["", "/"],
    [undefined, "/"],
    [["/a", "/b"], "/"],
    ["/%2F%2Fevil.example", "/%2F%2Fevil.example"],
  ])("%j → %j", (next, expected) => {
    expect(safeNextPath(next)).toBe(expected);
  });
});

describe("safeRedirectUrl (next-auth's redirect callback)", () => {
  const base = "http://127.0.0.1:3301";
  it.each([
    ["/accounts", `${base}/accounts`],
    [`${base}/shares?account=1`, `${base}/shares?account=1`],
    ["http://127.0.0.1:3301.evil.example/", base],
    ["http://evil.example/", base],
    ["//evil.example/x", base],
    ["http://[::1", base],
    ["/\\evil.example", base],
  ])("%j → %j", (url, expected) => {
    expect(safeRedirectUrl(url, base)).toBe(expected);
  });
});
