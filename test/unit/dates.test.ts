import { describe, expect, it } from "vitest";

import { addDaysIso, beijingDateOf, beijingHourOf, daysBetween, eachDay, isIsoDate, weekdayIso } from "@/lib/dates";

describe("Beijing calendar dates", () => {
  it("converts instants to the Beijing date and hour whatever the server's zone", () => {
    expect(beijingDateOf(new Date("2026-01-01T15:59:59Z"))).toBe("2026-01-01");
    expect(beijingDateOf(new Date("2026-01-01T16:00:00Z"))).toBe("2026-01-02");
    expect(beijingHourOf(new Date("2026-03-08T23:30:00Z"))).toBe(7);
  });

  it("does calendar arithmetic across month, year, leap day and DST dates", () => {
    expect(addDaysIso("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDaysIso("2025-12-31", 1)).toBe("2026-01-01");
    expect(addDaysIso("2026-03-08", 1)).toBe("2026-03-09");
    expect(addDaysIso("2026-11-01", -365)).toBe("2025-11-01");
    expect(daysBetween("2025-11-01", "2026-10-31")).toBe(364);
    expect(eachDay("2026-10-30", "2026-11-02")).toEqual(["2026-10-30", "2026-10-31", "2026-11-01", "2026-11-02"]);
    expect(eachDay("2026-11-02", "2026-11-01")).toEqual([]);
    expect(weekdayIso("2026-11-23")).toBe(0);
    expect(weekdayIso("2026-11-22")).toBe(6);
  });

  it("rejects strings that are not real dates", () => {
    for (const bad of ["2026-02-30", "2026-13-01", "20260101", "2026-1-1", "", "yesterday"]) {
      expect(isIsoDate(bad)).toBe(false);
      expect(() => addDaysIso(bad, 1)).toThrow(/Not a calendar date/);
    }
    expect(isIsoDate("2024-02-29")).toBe(true);
  });
});
