import { describe, expect, it } from "vitest";

import type { ComparedArticle, ComparedFigures } from "@/db/analytics";
import { exportTable } from "@/lib/views/columns";
import { COMPARE_FIGURES } from "@/lib/views/tables/articles";
import { compareTable, figuresAt, sameAgeDay } from "@/lib/views/tables/compare";

const figures = (readers: number): ComparedFigures => ({
  readers,
  sharers: readers / 10,
  favourites: null,
  readDeliveryRate: null,
  readRate: null,
  shareRate: 0.1,
  likes: null,
  zaikan: null,
  comments: null,
  finishRate: null,
  avgActiveMinutes: null,
});

/** An article with a curve from day 0 to `lastDay`, readers growing by 100 a day. */
function article(msgid: string, lastDay: number): ComparedArticle {
  const days = Array.from({ length: lastDay + 1 }, (_, day) => day);
  return {
    accountId: 1,
    msgid,
    title: msgid,
    sendDate: "2026-11-01",
    position: 1,
    delivered: 1000,
    notified: true,
    curve: days.map((day) => ({ day, readers: 100 * (day + 1), sharers: 0, favourites: 0, delivered: 1000 })),
    byDay: days.map((day) => ({ day, figures: figures(100 * (day + 1)) })),
    latest: figures(100 * (lastDay + 1)),
  };
}

describe("compare's metric table at the same age", () => {
  const old = article("21-days-old", 20);
  const young = article("1-day-old", 0);
  const readersRow = (table: ReturnType<typeof compareTable>) =>
    exportTable(table, COMPARE_FIGURES, (h) => (typeof h === "string" ? h : h.en)).rows.find(
      (r) => r.metric === "metric.readers",
    );

  it("defaults to the largest age every article has reached", () => {
    expect(sameAgeDay([old, young])).toBe(0);
    expect(sameAgeDay([old, article("a week old", 6)])).toBe(6);
    expect(sameAgeDay([old, { ...young, curve: [], byDay: [] }])).toBeNull();
  });

  it("a 21-day-old article is compared at day 0 against a 1-day-old one, not at its latest", () => {
    const table = compareTable([old, young]);
    expect(readersRow(table)).toMatchObject({ a0: 100, a1: 100 });
    expect(old.latest.readers).toBe(2100);
  });

  it("a chosen day the younger article has not reached leaves it blank", () => {
    expect(readersRow(compareTable([old, young], 20))).toMatchObject({ a0: 2100, a1: null });
    expect(figuresAt(young, 20)).toEqual({});
    expect(figuresAt(old, 3)).toMatchObject({ readers: 400 });
  });
});
