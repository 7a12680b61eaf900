import { describe, expect, it } from "vitest";

import { comparePeriods, type DayValue } from "@/lib/analytics/comparison";
import { addDaysIso } from "@/lib/dates";

/** A period of consecutive days from `from`, one value a day (null: no data). */
const period = (from: string, values: (number | null)[]): DayValue[] =>
  values.map((value, i) => ({ date: addDaysIso(from, i), value }));

describe("fair period comparisons", () => {
  it("compares complete periods over every day", () => {
    expect(comparePeriods(period("2026-11-04", [10, 20, 30]), period("2026-11-01", [10, 10, 10]))).toEqual({
      kind: "delta",
      days: 3,
      current: 60,
      previous: 30,
      abs: 30,
      pct: 1,
    });
  });

  it("leaves out a day missing inside the history, on both sides, and counts the days compared", () => {
    // Day 2 of the current period was not fetched: its pair in the previous period is left out too.
    const c = comparePeriods(period("2026-11-04", [10, null, 30]), period("2026-11-01", [20, 1000, 20]));
    expect(c).toEqual({ kind: "delta", days: 2, current: 40, previous: 40, abs: 0, pct: 0 });
  });

  it("is incomplete, not ▼, when the history starts inside the previous period", () => {
    const c = comparePeriods(period("2026-11-04", [10, 10, 10]), period("2026-11-01", [null, null, 10]));
    expect(c).toEqual({ kind: "incomplete", reason: "historyStarts", date: "2026-11-03" });
  });

  it("is incomplete when the history starts in the current period (the previous one has nothing)", () => {
    const c = comparePeriods(period("2026-11-04", [null, 5, 10]), period("2026-11-01", [null, null, null]));
    expect(c).toEqual({ kind: "incomplete", reason: "historyStarts", date: "2026-11-05" });
  });

  it("is incomplete when the data ends before the current period does (an interface retired)", () => {
    const c = comparePeriods(period("2026-07-01", [10, null, null]), period("2026-06-28", [10, 10, 10]));
    expect(c).toEqual({ kind: "incomplete", reason: "dataEnds", date: "2026-07-01" });
  });

  it("is incomplete when no day has data in both periods", () => {
    const c = comparePeriods(period("2026-11-05", [null, 1, null, 1]), period("2026-11-01", [1, null, 1, null]));
    expect(c).toEqual({ kind: "incomplete", reason: "noCommonDays" });
  });

  it("has nothing to say when neither period has the figure", () => {
    expect(comparePeriods(period("2026-11-04", [null, null]), period("2026-11-02", [null, null]))).toEqual({
      kind: "none",
    });
  });

  it("compares a total (followers) by its value on the last day both periods have", () => {
    const c = comparePeriods(period("2026-11-04", [110, null, 130]), period("2026-11-01", [90, 95, 100]), "last");
    expect(c).toEqual({ kind: "delta", days: 2, current: 130, previous: 100, abs: 30, pct: 0.3 });
  });

  it("a change from zero has no percentage", () => {
    const c = comparePeriods(period("2026-11-02", [5]), period("2026-11-01", [0]));
    expect(c).toMatchObject({ kind: "delta", days: 1, abs: 5, pct: null });
  });

  it("refuses periods of different lengths", () => {
    expect(() => comparePeriods(period("2026-11-04", [1]), period("2026-11-01", [1, 2]))).toThrow(RangeError);
  });
});
