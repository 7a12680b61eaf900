import { describe, expect, it } from "vitest";

import {
  type AgedCurve,
  bands,
  MIN_PEERS,
  peersOf,
  percentileRank,
  quantile,
  rankAgainstPeers,
  valuesAt,
  verdictOf,
} from "@/lib/analytics/percentiles";

const curve = (msgid: string, sendDate: string, readersByDay: (number | null)[], accountId = 1): AgedCurve => ({
  accountId,
  msgid,
  sendDate,
  position: Number(msgid.split("_")[1]),
  points: readersByDay.flatMap((readers, day) =>
    readers === null ? [] : [{ day, readers, sharers: readers / 10, favourites: readers / 20 }],
  ),
});

describe("percentile math", () => {
  it("quantiles interpolate between ranks like R type 7 / numpy's default", () => {
    const v = [10, 20, 30, 40, 50];
    expect(quantile(v, 0)).toBe(10);
    expect(quantile(v, 0.5)).toBe(30);
    expect(quantile(v, 0.25)).toBe(20);
    expect(quantile(v, 0.1)).toBeCloseTo(14, 12);
    expect(quantile(v, 0.9)).toBeCloseTo(46, 12);
    expect(quantile([7], 0.9)).toBe(7);
    expect(() => quantile([], 0.5)).toThrow();
  });

  it("a percentile rank is the share of the population below, ties counting half", () => {
    const pop = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(percentileRank(11, pop)).toBe(100);
    expect(percentileRank(0, pop)).toBe(0);
    expect(percentileRank(5, pop)).toBe(45);
    expect(percentileRank(5.5, pop)).toBe(50);
    expect(percentileRank(3, [3, 3, 3, 3])).toBe(50);
  });

  it("peers: same account, same position class, sent in the 90 days before (not the same day)", () => {
    const article = curve("900_1", "2026-06-01", [100]);
    const candidates = [
      curve("1_1", "2026-03-03", [1]), // 90 days before: in
      curve("2_1", "2026-03-02", [1]), // 91 days before: out
      curve("3_1", "2026-05-31", [1]), // the day before: in
      curve("4_1", "2026-06-01", [1]), // same day: out
      curve("5_2", "2026-05-20", [1]), // 次条: out for a 头条
      curve("6_1", "2026-05-20", [1], 2), // another account: out
      curve("7_1", "2026-06-02", [1]), // after: out
    ];
    expect(peersOf(article, candidates).map((c) => c.msgid)).toEqual(["1_1", "3_1"]);
    // 次条 of any index are one class.
    expect(peersOf(curve("900_3", "2026-06-01", [1]), candidates).map((c) => c.msgid)).toEqual(["5_2"]);
  });

  it("compares at the same day and leaves out peers missing that day", () => {
    const peers = [
      curve("1_1", "2026-05-01", [10, 20, 30]),
      curve("2_1", "2026-05-02", [11, null, 31]),
      curve("3_1", "2026-05-03", [12, 22]),
    ];
    expect(valuesAt(peers, "readers", 1)).toEqual([20, 22]);
    expect(valuesAt(peers, "readers", 2)).toEqual([30, 31]);
    expect(valuesAt(peers, "sharers", 0)).toEqual([1, 1.1, 1.2]);
  });

  it("bands: median, 25–75% and 10–90% per day; days with too few peers are left out", () => {
    const peers = Array.from({ length: 10 }, (_, i) =>
      curve(`${i}_1`, "2026-05-01", i < MIN_PEERS ? [i + 1, 10 * (i + 1), 100] : [i + 1, 10 * (i + 1)]),
    );
    const b = bands(peers, "readers", 2);
    expect(b.map((x) => x.day)).toEqual([0, 1, 2]);
    expect(b[0]).toMatchObject({ n: 10, p50: 5.5, p25: 3.25, p75: 7.75 });
    expect(b[0]!.p10).toBeCloseTo(1.9, 12);
    expect(b[0]!.p90).toBeCloseTo(9.1, 12);
    expect(b[2]).toMatchObject({ n: MIN_PEERS, p10: 100, p90: 100 });
    const fewer = peers.slice(0, MIN_PEERS - 1);
    expect(bands(fewer, "readers", 2)).toEqual([]);
  });

  it("ranks the article at its latest day and says it in plain words", () => {
    const peers = Array.from({ length: 20 }, (_, i) => curve(`${i}_1`, "2026-05-01", [1, 2, (i + 1) * 10]));
    const top = rankAgainstPeers(curve("900_1", "2026-06-01", [1, 2, 195]), peers, "readers")!;
    expect(top).toMatchObject({ day: 2, value: 195, peers: 20, percentile: 95 });
    expect(verdictOf(top.percentile)).toEqual({ kind: "top", pct: 5 });
    const low = rankAgainstPeers(curve("901_1", "2026-06-01", [1, 2, 25]), peers, "readers")!;
    expect(low.percentile).toBe(10);
    expect(verdictOf(low.percentile)).toEqual({ kind: "bottom", pct: 10 });
    expect(verdictOf(50)).toEqual({ kind: "middle" });
    expect(verdictOf(100)).toEqual({ kind: "top", pct: 1 });
    // Peers that have not reached the article's age do not count: too few, no ranking.
    const young = peers.map((p) => ({ ...p, points: p.points.slice(0, 2) }));
    expect(rankAgainstPeers(curve("902_1", "2026-06-01", [1, 2, 50]), young, "readers")).toBeNull();
  });
});
