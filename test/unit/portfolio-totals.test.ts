import { describe, expect, it } from "vitest";

import { type PortfolioRow, portfolioTotals } from "@/lib/views/tables/portfolio";

const row = (over: Partial<PortfolioRow>): PortfolioRow => ({
  accountId: 1,
  accountName: "a",
  readers: null,
  readersAvg7: null,
  readersChange: null,
  deliveryReadRate: null,
  notificationReaders: null,
  delivered: null,
  netFollowers: null,
  articlesSent: 0,
  bestMsgid: null,
  bestAccountId: null,
  bestTitle: null,
  bestReaders: null,
  bestPercentile: null,
  spark: [],
  finalThrough: null,
  syncErrors: null,
  stopped: [],
  ...over,
});

describe("portfolioTotals", () => {
  const big = row({
    accountId: 1,
    readers: 9000,
    readersAvg7: 10000,
    notificationReaders: 1000,
    delivered: 100_000,
    deliveryReadRate: 0.01,
    netFollowers: 50,
    articlesSent: 3,
    bestMsgid: "1_1",
    bestAccountId: 1,
    bestReaders: 4000,
    spark: [1, null, 3],
    finalThrough: "2026-11-20",
    syncErrors: 0,
    stopped: ["getuserread"],
  });
  const small = row({
    accountId: 2,
    readers: 300,
    readersAvg7: 100,
    notificationReaders: 50,
    delivered: 100,
    deliveryReadRate: 0.5,
    netFollowers: -5,
    articlesSent: 1,
    bestMsgid: "2_1",
    bestAccountId: 2,
    bestReaders: 200,
    spark: [2, null, null],
    finalThrough: "2026-11-18",
    syncErrors: 2,
  });

  it("recomputes rates from the sums instead of averaging the accounts' rates", () => {
    const t = portfolioTotals([big, small]);
    expect(t.deliveryReadRate).toBeCloseTo(1050 / 100_100, 12);
    expect(t.deliveryReadRate).not.toBeCloseTo((0.01 + 0.5) / 2, 3);
    expect(t.readersChange).toBeCloseTo(9300 / 10100 - 1, 12);
  });

  it("sums counts, keeps the best article, the oldest final day and every stopped interface", () => {
    const t = portfolioTotals([big, small]);
    expect(t).toMatchObject({
      accountId: null,
      readers: 9300,
      netFollowers: 45,
      articlesSent: 4,
      bestMsgid: "1_1",
      bestReaders: 4000,
      finalThrough: "2026-11-18",
      syncErrors: 2,
      stopped: ["getuserread"],
    });
    expect(t.spark).toEqual([3, null, 3]);
  });

  it("leaves an account without a figure out of that figure's rate", () => {
    const t = portfolioTotals([big, row({ accountId: 3, readers: 500 })]);
    expect(t.readers).toBe(9500);
    // The account without a 7-day mean is not in the change; without a headline, not in the rate.
    expect(t.readersChange).toBeCloseTo(9000 / 10000 - 1, 12);
    expect(t.deliveryReadRate).toBeCloseTo(0.01, 12);
    expect(portfolioTotals([]).readers).toBeNull();
  });
});
