import { describe, expect, it } from "vitest";

import { canManageAccount, canSeeAccount, type SessionUser } from "@/lib/auth/access";
import { addDaysIso, daysBetween, isIsoDate } from "@/lib/dates";
import { localeFromAcceptLanguage } from "@/lib/i18n/locales";
import {
  dateRangeSchema,
  EARLIEST_DATE,
  MAX_RANGE_DAYS,
  previousRange,
  readReportState,
  resolveRange,
} from "@/lib/report-params";
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
  it("a refused custom range is kept as typed and flagged, never replaced by another range", () => {
    expect(readReportState({ range: "custom", from: "2025-06-01", to: "2026-11-29" }, today)).toEqual({
      account: null,
      preset: "custom",
      from: "2025-06-01",
      to: "2026-11-29",
      rangeValid: false,
    });
    expect(readReportState({ range: "custom", from: "2026-02-10", to: "2026-02-01" }, today)).toMatchObject({
      from: "2026-02-10",
      to: "2026-02-01",
      rangeValid: false,
    });
    expect(readReportState({ range: "custom", from: "2026-02-30", to: "x" }, today)).toMatchObject({
      from: "2026-02-30",
      to: "x",
      rangeValid: false,
    });
    expect(readReportState({ range: "custom" }, today)).toMatchObject({ rangeValid: false });
    expect(readReportState({ range: "last90" }, today)).toMatchObject({ rangeValid: true });
  });
  it("reads account and range from the URL", () => {
    const state = readReportState(new URLSearchParams("account=3&from=2026-01-05&to=2026-01-09"), today);
    expect(state).toEqual({ account: 3, preset: "custom", from: "2026-01-05", to: "2026-01-09", rangeValid: true });
    expect(readReportState({ account: "-1", range: "nope" }, today)).toMatchObject({ account: null, preset: "last30" });
  });
});

describe("the one date rule", () => {
  const issues = (from: string, to: string) =>
    dateRangeSchema.safeParse({ from, to }).error?.issues.map((i) => [i.path[0], i.message]) ?? [];
  it("accepts real dates from 2014-12-01 and ranges of up to 400 days", () => {
    expect(issues("2014-12-01", "2014-12-01")).toEqual([]);
    expect(issues("2025-10-24", "2026-11-27")).toEqual([]); // 400 days
    expect(issues("2024-02-29", "2024-03-01")).toEqual([]);
  });
  it("refuses impossible dates, dates before WeChat's datacube, reversed and over-long ranges", () => {
    expect(issues("2026-02-29", "2026-03-01")).toEqual([["from", "must be a date written YYYY-MM-DD"]]);
    expect(issues("2026-1-1", "2026-03-01")).toEqual([["from", "must be a date written YYYY-MM-DD"]]);
    expect(issues("2014-11-30", "2014-12-05")).toEqual([["from", "WeChat has no data before 2014-12-01"]]);
    expect(issues("0100-01-01", "0100-12-31")).toEqual([
      ["from", "WeChat has no data before 2014-12-01"],
      ["to", "WeChat has no data before 2014-12-01"],
    ]);
    expect(issues("2026-03-01", "2026-02-01")).toEqual([["from", "the start date must not be after the end date"]]);
    expect(issues("2025-10-23", "2026-11-27")).toEqual([["to", "a range may span at most 400 days"]]);
    expect(MAX_RANGE_DAYS).toBe(400);
    expect(EARLIEST_DATE).toBe("2014-12-01");
  });
  it("date arithmetic is right in every year, 0001–0099 included (no 1900s mapping)", () => {
    expect(addDaysIso("0100-01-01", -1)).toBe("0099-12-31");
    expect(daysBetween("0099-01-01", "0100-01-01")).toBe(365);
    expect(isIsoDate("0099-02-29")).toBe(false);
    expect(isIsoDate("0096-02-29")).toBe(true);
    expect(previousRange({ from: "2014-12-01", to: "2014-12-31" })).toEqual({ from: "2014-10-31", to: "2014-11-30" });
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
