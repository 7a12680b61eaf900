import { describe, expect, it } from "vitest";

import { grainOf, groupRows, periodOf } from "@/lib/analytics/grouping";
import { eachDay } from "@/lib/dates";

describe("trend grouping", () => {
  it("is daily up to 90 days, weekly up to a year, monthly beyond", () => {
    expect(grainOf("2026-01-01", "2026-03-31")).toBe("day"); // 90 days
    expect(grainOf("2026-01-01", "2026-04-01")).toBe("week"); // 91
    expect(grainOf("2024-01-01", "2024-12-31")).toBe("week"); // 366 (leap year)
    expect(grainOf("2025-01-01", "2026-01-02")).toBe("month"); // 367
    expect(grainOf("2025-10-24", "2026-11-27")).toBe("month"); // 400
  });

  it("names ISO weeks by the year of their Thursday", () => {
    expect(periodOf("2026-03-02", "week")).toBe("2026-W10"); // a Monday
    expect(periodOf("2026-03-08", "week")).toBe("2026-W10"); // its Sunday
    expect(periodOf("2024-12-30", "week")).toBe("2025-W01");
    expect(periodOf("2021-01-03", "week")).toBe("2020-W53");
    expect(periodOf("2026-03-08", "month")).toBe("2026-03");
    expect(periodOf("2026-03-08", "day")).toBe("2026-03-08");
  });

  it("sums counts, keeps the last level and recomputes rates from the sums", () => {
    const days = eachDay("2026-02-27", "2026-03-03").map((date, i) => ({
      date,
      readers: i === 1 ? null : 10 * (i + 1),
      delivered: 100,
      rate: 0.99, // a daily rate: never averaged
      totalUsers: i === 4 ? null : 1000 + i,
      missing: null,
    }));
    const grouped = groupRows(days, "date", "month", {
      levels: ["totalUsers"],
      rates: { rate: { numerator: "readers", denominator: "delivered" } },
    });
    expect(grouped).toEqual([
      { date: "2026-02*", readers: 10, delivered: 200, rate: 0.05, totalUsers: 1001, missing: null },
      { date: "2026-03*", readers: 30 + 40 + 50, delivered: 300, rate: 0.4, totalUsers: 1003, missing: null },
    ]);
    // Weeks: 02-27..03-01 is Fri–Sun of W09, 03-02..03-03 start W10.
    expect(groupRows(days, "date", "week").map((r) => [r.date, r.readers])).toEqual([
      ["2026-W09*", 10 + 30],
      ["2026-W10*", 40 + 50],
    ]);
    expect(groupRows(days, "date", "day")).toEqual(days);
  });

  it("marks only the periods the range cuts at its start or end", () => {
    const rows = (from: string, to: string) => eachDay(from, to).map((date) => ({ date, readers: 1 }));
    // Monday 2026-03-02 .. Sunday 2026-03-29: four whole weeks.
    expect(groupRows(rows("2026-03-02", "2026-03-29"), "date", "week").map((r) => r.date)).toEqual([
      "2026-W10",
      "2026-W11",
      "2026-W12",
      "2026-W13",
    ]);
    expect(groupRows(rows("2026-03-03", "2026-03-28"), "date", "week").map((r) => [r.date, r.readers])).toEqual([
      ["2026-W10*", 6],
      ["2026-W11", 7],
      ["2026-W12", 7],
      ["2026-W13*", 6],
    ]);
    // Whole months, February of a leap year included.
    expect(groupRows(rows("2024-01-01", "2024-02-29"), "date", "month").map((r) => r.date)).toEqual([
      "2024-01",
      "2024-02",
    ]);
    expect(groupRows(rows("2024-01-01", "2024-02-28"), "date", "month").map((r) => r.date)).toEqual([
      "2024-01",
      "2024-02*",
    ]);
  });
});
