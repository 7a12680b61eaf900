import { describe, expect, it } from "vitest";

import type { PositionArticle } from "@/db/analytics";
import { positionsByWeekday } from "@/lib/analytics/positions";
import { hasExplicitRange, historyRedirect, rangeEndingOn } from "@/lib/history-range";

const article = (msgid: string, weekday: number, readers: number | null, notified: number, delivered: number | null) =>
  ({
    msgid,
    sendDate: "2026-11-02",
    position: Number(msgid.split("_")[1]),
    weekday,
    readers,
    notificationReaders: delivered === null ? null : notified,
    delivered,
  }) satisfies PositionArticle;

describe("positions and weekdays", () => {
  const articles = [
    article("1_1", 1, 1000, 100, 1000), // Monday 头条: 10%
    article("1_2", 1, 300, 10, 1000), // Monday 次条: 1%
    article("1_3", 1, 200, 30, 1000), // Monday 次条 (position 3): 3%
    article("2_1", 1, 500, 50, 9000), // another Monday 头条: 50 / 9000
    article("3_1", 7, 800, 0, null), // Sunday 头条 published without notification
  ];
  const cells = positionsByWeekday(articles);
  const cell = (group: string, weekday: number | null) =>
    cells.find((c) => c.positionClass === group && c.weekday === weekday)!;

  it("has 头条, 次条 and all positions, each Monday … Sunday then every weekday", () => {
    expect(cells).toHaveLength(24);
    expect(cells.slice(0, 8).map((c) => c.weekday)).toEqual([1, 2, 3, 4, 5, 6, 7, null]);
    expect([...new Set(cells.map((c) => c.positionClass))]).toEqual(["lead", "other", "all"]);
  });

  it("sums readers and divides by the articles: readers per article", () => {
    expect(cell("lead", 1)).toMatchObject({ articles: 2, readers: 1500, readersPerArticle: 750 });
    expect(cell("other", 1)).toMatchObject({ articles: 2, readers: 500, readersPerArticle: 250 });
    expect(cell("all", null)).toMatchObject({ articles: 5, readers: 2800, readersPerArticle: 560 });
  });

  it("送达阅读率 is the summed notification readers over the summed delivered, not the mean of the rates", () => {
    // Mean of the articles' rates would be (10% + 0.56%) / 2 = 5.28%; from sums it is 150 / 10000.
    expect(cell("lead", 1).readDeliveryRate).toBeCloseTo(150 / 10000, 12);
    expect(cell("other", 1).readDeliveryRate).toBeCloseTo(40 / 2000, 12);
    expect(cell("all", 1)).toMatchObject({ notificationReaders: 190, delivered: 12000 });
  });

  it("an article without a delivered count counts for readers, not for 送达阅读率", () => {
    expect(cell("lead", 7)).toMatchObject({ articles: 1, readers: 800, delivered: null, readDeliveryRate: null });
    expect(cell("lead", null)).toMatchObject({ articles: 3, notificationReaders: 150, delivered: 10000 });
  });

  it("a weekday without articles has no figures rather than zeros", () => {
    expect(cell("other", 3)).toMatchObject({
      articles: 0,
      readers: null,
      readersPerArticle: null,
      readDeliveryRate: null,
    });
  });
});

describe("history pages' default range", () => {
  it("is the 30 days ending on the last legacy day", () => {
    expect(rangeEndingOn("2026-06-29")).toEqual({ from: "2026-05-31", to: "2026-06-29" });
  });

  it("a range in the URL (dates or a preset) is kept as given", () => {
    expect(hasExplicitRange({ account: "1" })).toBe(false);
    expect(hasExplicitRange({ from: "2026-01-01", to: "2026-01-05" })).toBe(true);
    expect(hasExplicitRange(new URLSearchParams("range=last7"))).toBe(true);
    expect(historyRedirect("/hourly", { range: "last7" }, 1, "2026-06-29")).toBeNull();
  });

  it("without one, goes to the legacy range and puts it in the URL, keeping the other parameters", () => {
    expect(historyRedirect("/shares", { sources: "session" }, 3, "2026-06-29")).toBe(
      "/shares?sources=session&account=3&range=custom&from=2026-05-31&to=2026-06-29",
    );
  });

  it("an account without legacy figures stays on the page's own default", () => {
    expect(historyRedirect("/hourly", {}, 3, null)).toBeNull();
  });
});
