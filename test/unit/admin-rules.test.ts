import { describe, expect, it } from "vitest";

import { completenessGrid, type LedgerRow } from "@/lib/sync/completeness";
import { dailyDecision, dayLockId } from "@/lib/sync/daily";
import { rangeProblems } from "@/lib/sync/start";

const at = (date: string, hour: number, minute = 0) =>
  new Date(`${date}T${String(hour).padStart(2, "0")}:${String(minute).padStart(2, "0")}:00+08:00`);

describe("daily sync decision", () => {
  it("waits for DAILY_SYNC_HOUR Beijing time, whatever the server's time zone", () => {
    expect(dailyDecision(at("2026-03-01", 7, 59), 8, null)).toEqual({
      day: "2026-03-01",
      due: false,
      why: "too-early",
    });
    expect(dailyDecision(at("2026-03-01", 8), 8, null)).toEqual({ day: "2026-03-01", due: true, why: "due" });
    // 23:30 UTC on Feb 28 is 07:30 on Mar 1 in Beijing: still too early for Mar 1.
    expect(dailyDecision(new Date("2026-02-28T23:30:00Z"), 8, null)).toMatchObject({ day: "2026-03-01", due: false });
    expect(dailyDecision(new Date("2026-03-01T00:30:00Z"), 8, null)).toMatchObject({ day: "2026-03-01", due: true });
  });

  it("runs once a day: a finished row means done, an unfinished one is resumed (the lock decides who)", () => {
    expect(dailyDecision(at("2026-03-01", 12), 8, { finishedAt: new Date() })).toMatchObject({
      due: false,
      why: "done",
    });
    expect(dailyDecision(at("2026-03-01", 12), 8, { finishedAt: null })).toMatchObject({
      due: true,
      why: "unfinished",
    });
    expect(dailyDecision(at("2026-03-01", 0), 0, null)).toMatchObject({ due: true });
  });

  it("locks per day with a small integer key", () => {
    expect(dayLockId("1970-01-02")).toBe(1);
    expect(dayLockId("2026-03-01") + 1).toBe(dayLockId("2026-03-02"));
    expect(dayLockId("2100-01-01")).toBeLessThan(2 ** 31);
  });
});

describe("backfill ranges", () => {
  it("accepts 2014-12-01 .. yesterday, at most 366 days", () => {
    expect(rangeProblems({ from: "2025-03-01", to: "2026-02-28" }, "2026-03-01")).toEqual({ from: [], to: [] });
    expect(rangeProblems({ from: "2014-11-30", to: "2014-12-02" }, "2026-03-01").from).toHaveLength(1);
    expect(rangeProblems({ from: "2026-02-01", to: "2026-03-01" }, "2026-03-01").to[0]).toMatch(
      /yesterday \(2026-02-28\)/,
    );
    expect(rangeProblems({ from: "2026-02-10", to: "2026-02-01" }, "2026-03-01").from[0]).toMatch(/not be after/);
    expect(rangeProblems({ from: "2025-02-27", to: "2026-02-28" }, "2026-03-01").to[0]).toMatch(/366 days/);
  });
});

describe("completeness grid rules", () => {
  const entry = (
    endpoint: string,
    beginDate: string,
    endDate: string,
    status: LedgerRow["status"],
    minute: number,
    errcode: number | null = null,
  ): LedgerRow => ({
    endpoint,
    beginDate,
    endDate,
    status,
    errcode,
    error: errcode ? `errcode ${errcode}` : null,
    fetchedAt: new Date(Date.UTC(2026, 2, 1, 0, minute)),
  });
  const grid = (ledger: LedgerRow[], extra: Partial<Parameters<typeof completenessGrid>[0]> = {}) =>
    completenessGrid({
      from: "2025-10-30",
      to: "2025-11-03",
      today: "2025-11-03",
      ledger,
      retired: new Set(),
      quotaBlockedOn: new Map(),
      ...extra,
    });
  const statuses = (rows: ReturnType<typeof grid>, endpoint: string) =>
    rows.find((r) => r.endpoint === endpoint)!.days.map((d) => d.status);

  it("rows are the twelve interfaces: the new generation first, then followers, then legacy", () => {
    const rows = grid([]);
    expect(rows.map((r) => r.generation)).toEqual([
      "new",
      "new",
      "new",
      "new",
      "user",
      "user",
      "legacy",
      "legacy",
      "legacy",
      "legacy",
      "legacy",
      "legacy",
    ]);
  });

  it("a newer entry overrides an older one day by day; a 3-day window covers three cells", () => {
    const rows = grid([
      entry("getuserread", "2025-10-30", "2025-11-01", "final", 1),
      entry("getuserread", "2025-11-01", "2025-11-01", "failed", 2, -1),
    ]);
    // Nov 2 is yesterday and never fetched; Nov 3 is today (not published).
    expect(statuses(rows, "getuserread")).toEqual(["final", "final", "failed", "missing", "unavailable"]);
    expect(rows.find((r) => r.endpoint === "getuserread")!.days[2]).toMatchObject({
      errcode: -1,
      hasEarlierData: true,
      reason: "failed",
    });
  });

  it("days before an interface's first date have nothing to fetch", () => {
    expect(statuses(grid([]), "getarticleread")).toEqual([
      "unavailable",
      "unavailable",
      "missing",
      "missing",
      "unavailable",
    ]);
    expect(grid([]).find((r) => r.endpoint === "getarticleread")!.days[0]!.reason).toBe("before-first-date");
  });

  it("quota today and retired interfaces explain the days never fetched", () => {
    const rows = grid([entry("getusershare", "2025-10-30", "2025-10-30", "final", 1)], {
      retired: new Set(["getusershare"]),
      quotaBlockedOn: new Map([
        ["getbizsummary", "2025-11-03"],
        ["getarticleshare", "2025-11-02"],
      ]),
    });
    expect(statuses(rows, "getusershare")).toEqual(["final", "retired", "retired", "retired", "unavailable"]);
    expect(statuses(rows, "getbizsummary").slice(2, 4)).toEqual(["quota", "quota"]);
    expect(rows.find((r) => r.endpoint === "getbizsummary")!.days[2]!.reason).toBe("quota-today");
    // Blocked yesterday: today it may be fetched again.
    expect(statuses(rows, "getarticleshare").slice(2, 4)).toEqual(["missing", "missing"]);
  });

  it("provisional figures say why: still growing, or flagged by WeChat", () => {
    const rows = grid([
      entry("getarticletotal", "2025-11-02", "2025-11-02", "provisional", 1),
      entry("getuserreadhour", "2025-11-02", "2025-11-02", "provisional", 1),
    ]);
    expect(rows.find((r) => r.endpoint === "getarticletotal")!.days[3]!.reason).toBe("provisional-mutable");
    expect(rows.find((r) => r.endpoint === "getuserreadhour")!.days[3]!.reason).toBe("provisional");
  });
});
