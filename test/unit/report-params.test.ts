import { describe, expect, it } from "vitest";

import { canManageAccount, canSeeAccount, type SessionUser } from "@/lib/auth/access";
import { localeFromAcceptLanguage } from "@/lib/i18n/locales";
import { readReportState, resolveRange } from "@/lib/report-params";
import { accountRangeSchema } from "@/lib/views/params";

const today = "2026-03-01";

describe("date range presets", () => {
  it("end yesterday and span the named number of days", () => {
    expect(resolveRange("yesterday", today)).toEqual({ from: "2026-02-28", to: "2026-02-28" });
    expect(resolveRange("last7", today)).toEqual({ from: "2026-02-22", to: "2026-02-28" });
    expect(resolveRange("last30", today)).toEqual({ from: "2026-01-30", to: "2026-02-28" });
    expect(resolveRange("last90", today)).toEqual({ from: "2025-12-01", to: "2026-02-28" });
  });
  it("this month is yesterday's month (on the 1st, the month just ended)", () => {
    expect(resolveRange("month", today)).toEqual({ from: "2026-02-01", to: "2026-02-28" });
    expect(resolveRange("month", "2026-03-15")).toEqual({ from: "2026-03-01", to: "2026-03-14" });
  });
  it("a malformed custom range falls back to the default instead of failing the page", () => {
    expect(resolveRange("custom", today, { from: "2026-02-10", to: "2026-02-01" })).toEqual(
      resolveRange("last30", today),
    );
    expect(readReportState({ range: "custom", from: "2026-02-30", to: "x" }, today)).toMatchObject(
      resolveRange("last30", today),
    );
  });
  it("reads account and range from the URL", () => {
    const state = readReportState(new URLSearchParams("account=3&from=2026-01-05&to=2026-01-09"), today);
    expect(state).toEqual({ account: 3, preset: "custom", from: "2026-01-05", to: "2026-01-09" });
    expect(readReportState({ account: "-1", range: "nope" }, today)).toMatchObject({ account: null, preset: "last30" });
  });
});

describe("data view parameters", () => {
  it("reject impossible dates, reversed and over-long ranges with a message naming the field", () => {
    const bad = (q: object) => accountRangeSchema.safeParse({ account: "1", ...q }).error?.issues[0];
    expect(bad({ from: "2026-02-30", to: "2026-03-01" })).toMatchObject({
      path: ["from"],
      message: expect.stringMatching(/YYYY-MM-DD/),
    });
    expect(bad({ from: "2026-03-01", to: "2026-02-01" })).toMatchObject({ path: ["from"] });
    expect(bad({ from: "2024-01-01", to: "2026-02-01" })).toMatchObject({ path: ["to"] });
    expect(accountRangeSchema.safeParse({ account: "abc", from: "2026-01-01", to: "2026-01-02" }).success).toBe(false);
    expect(accountRangeSchema.parse({ account: "2", from: "2026-01-01", to: "2026-01-02" })).toEqual({
      account: 2,
      from: "2026-01-01",
      to: "2026-01-02",
    });
  });
});

describe("account rights", () => {
  const user = (role: SessionUser["role"], accountIds: number[]): SessionUser => ({
    id: 1,
    email: "a@b.c",
    name: "",
    role,
    accountIds,
  });
  it("admins see and manage every existing account", () => {
    expect(canSeeAccount(user("admin", [7]), 7)).toBe(true);
    expect(canManageAccount(user("admin", [7]), 7)).toBe(true);
    // The session lists every existing account for an admin: unknown ids are not visible.
    expect(canSeeAccount(user("admin", [7]), 99)).toBe(false);
  });
  it("managers manage only their accounts; viewers only see theirs", () => {
    expect(canManageAccount(user("manager", [1, 2]), 2)).toBe(true);
    expect(canSeeAccount(user("manager", [1, 2]), 3)).toBe(false);
    expect(canSeeAccount(user("viewer", [3]), 3)).toBe(true);
    expect(canManageAccount(user("viewer", [3]), 3)).toBe(false);
  });
});

describe("language", () => {
  it("follows the browser's first language we speak", () => {
    expect(localeFromAcceptLanguage("zh-CN,zh;q=0.9,en;q=0.8")).toBe("zh");
    expect(localeFromAcceptLanguage("fr-FR,en-US;q=0.8,zh;q=0.5")).toBe("en");
    expect(localeFromAcceptLanguage("de")).toBe("en");
    expect(localeFromAcceptLanguage(null)).toBe("en");
  });
});
