import { describe, expect, it } from "vitest";

import { mergeAgesWanted } from "@/db/analytics/aged-curves";

const entry = (accountId: number, day: number, from: string, to: string) => ({
  accountId,
  day,
  from: from,
  to: to,
});

describe("the points a ranking reads", () => {
  it("joins entries of one account and day whose send dates overlap or touch, and no others", () => {
    expect(
      mergeAgesWanted([
        entry(1, 29, "2026-03-01", "2026-05-30"),
        entry(2, 29, "2026-03-02", "2026-05-31"),
        entry(1, 29, "2026-03-02", "2026-05-31"),
        entry(1, 29, "2026-06-01", "2026-06-10"),
        entry(1, 29, "2026-06-12", "2026-06-20"),
        entry(1, 3, "2026-03-02", "2026-05-31"),
      ]),
    ).toEqual([
      entry(1, 3, "2026-03-02", "2026-05-31"),
      entry(1, 29, "2026-03-01", "2026-06-10"),
      entry(1, 29, "2026-06-12", "2026-06-20"),
      entry(2, 29, "2026-03-02", "2026-05-31"),
    ]);
  });

  it("keeps an entry inside another whole", () => {
    expect(mergeAgesWanted([entry(1, 6, "2026-01-01", "2026-03-01"), entry(1, 6, "2026-01-10", "2026-01-20")])).toEqual(
      [entry(1, 6, "2026-01-01", "2026-03-01")],
    );
  });
});
