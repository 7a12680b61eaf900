import { describe, expect, it } from "vitest";

import { readTableState, sortedBy, sortRows } from "@/components/table-state";
import { sumPresent } from "@/lib/analytics/metrics";
import { exportTable, kpiFigures, kpiTable, screenColumns } from "@/lib/views/columns";
import { headerText } from "@/lib/views/export-file";
import {
  ARTICLE_FIGURES,
  ARTICLE_KPIS,
  type ArticleListRow,
  ARTICLES_TABLE,
  type ArticleSendDay,
  COMPARE_FIGURES,
} from "@/lib/views/tables/articles";
import { HOURLY_KPIS } from "@/lib/views/tables/hourly";
import { OVERVIEW_DAILY_TABLE, OVERVIEW_KPIS, overviewDailyTable } from "@/lib/views/tables/overview";

const en = (h: Parameters<typeof headerText>[0]) => headerText(h, "en");
const zh = (h: Parameters<typeof headerText>[0]) => headerText(h, "zh");

const row = (over: Partial<ArticleListRow>): ArticleListRow => ({
  accountId: 1,
  accountName: "晨读财经",
  percentile: 80,
  percentileDay: 6,
  msgid: "100_1",
  title: "A",
  sendDate: "2026-06-01",
  position: 1,
  generation: "both",
  delivered: 1000,
  readers: 100,
  sharers: 10,
  favourites: 5,
  readDeliveryRate: 0.05,
  readRate: 0.1,
  shareRate: 0.1,
  lastStatDate: "2026-06-07",
  ...over,
});

describe("one column list serves the page and the export", () => {
  it("the articles table: the page shows the title first and leaves out export-only columns", () => {
    expect(screenColumns(ARTICLES_TABLE.columns).map((c) => c.key)).toEqual([
      "title",
      "sendDate",
      "position",
      "accountName",
      "delivered",
      "readers",
      "readDeliveryRate",
      "readRate",
      "sharers",
      "shareRate",
      "favourites",
      "percentile",
    ]);
    // Every column the page shows is sortable; the export keeps its own order.
    expect(screenColumns(ARTICLES_TABLE.columns).every((c) => c.sort)).toBe(true);
    const table = exportTable(ARTICLES_TABLE, [row({})], en);
    expect(table.columns.map((c) => en(c.header))).toEqual([
      "Send date",
      "Position",
      "Title",
      "Account",
      "Interfaces",
      "Delivered",
      "Readers",
      "Delivery read rate (送达阅读率)",
      "Readers ÷ delivered",
      "Sharers",
      "Share rate",
      "Favourites",
      "Percentile",
      "Percentile at day",
      "Figures as of",
      "Article id (msgid)",
    ]);
    // Enumerations are written as their label in the export's language.
    expect(exportTable(ARTICLES_TABLE, [row({})], zh).rows[0]!.generation).toBe("新旧版");
    expect(table.rows[0]).toMatchObject({ readers: 100, readRate: 0.1, msgid: "100_1", accountName: "晨读财经" });
  });

  it("the overview's daily table has a column for every KPI, in the KPIs' order", () => {
    const keys = OVERVIEW_DAILY_TABLE.columns.map((c) => c.key);
    expect(keys.slice(2, 2 + OVERVIEW_KPIS.kpis.length)).toEqual(OVERVIEW_KPIS.kpis.map((k) => k.id));
    expect(keys.filter((k) => k.startsWith("source_"))).toHaveLength(7);
  });

  it("the overview's daily export names read sources as WeChat does for the range's generations", () => {
    const zhHeader = (generations: ("legacy" | "new")[]) =>
      (overviewDailyTable(generations).columns.find((c) => c.key === "source_session")!.header as { zh: string }).zh;
    expect(zhHeader(["legacy"])).toBe("阅读人数：公众号会话");
    expect(zhHeader(["new"])).toBe("阅读人数：公众号消息");
    expect(zhHeader(["legacy", "new"])).toBe("阅读人数：公众号会话 / 公众号消息");
  });

  it("the comparison ranks every figure of an article but the audience it was sent to", () => {
    expect(COMPARE_FIGURES.map((f) => f.key)).toEqual(
      ARTICLE_FIGURES.map((f) => f.key).filter((k) => k !== "delivered"),
    );
    expect(ARTICLE_FIGURES.filter((f) => f.newOnly).map((f) => f.key)).toEqual([
      "readDeliveryRate",
      "likes",
      "zaikan",
      "comments",
      "finishRate",
      "avgActiveMinutes",
    ]);
  });
});

describe("KPI sets", () => {
  const sendDay = (date: string, readers: number | null): ArticleSendDay => ({
    date,
    articles: readers === null ? null : 1,
    readers,
    sharers: readers === null ? null : 0,
    favourites: readers === null ? null : 0,
  });

  it("compare each figure with the previous period over the days with data in both", () => {
    const now = [row({ readers: 100 }), row({ readers: null }), row({ readers: 50 })];
    const before = [row({ readers: 100 })];
    const days = {
      current: [sendDay("2026-06-03", 100), sendDay("2026-06-04", 50)],
      previous: [sendDay("2026-06-01", 100), sendDay("2026-06-02", 80)],
    };
    const figures = kpiFigures(ARTICLE_KPIS, now, before, days);
    expect(figures.find((f) => f.metric === "readers")).toEqual({
      metric: "readers",
      value: 150,
      previous: 100,
      abs: -30,
      pct: -30 / 180,
      comparison: { kind: "delta", days: 2, current: 150, previous: 180, abs: -30, pct: -30 / 180 },
    });
    expect(figures.find((f) => f.metric === "articles")).toMatchObject({ value: 3, previous: 1 });
    expect(kpiFigures(ARTICLE_KPIS, [], null, days).find((f) => f.metric === "readers")!.value).toBeNull();
  });

  it("an incomplete previous period gives no change, and says why", () => {
    const days = {
      current: [sendDay("2026-06-03", 100), sendDay("2026-06-04", 50)],
      previous: [sendDay("2026-06-01", null), sendDay("2026-06-02", 80)],
    };
    const readers = kpiFigures(ARTICLE_KPIS, [row({ readers: 150 })], [row({ readers: 80 })], days).find(
      (f) => f.metric === "readers",
    )!;
    expect(readers).toMatchObject({ value: 150, previous: 80, abs: null, pct: null });
    expect(readers.comparison).toEqual({ kind: "incomplete", reason: "historyStarts", date: "2026-06-02" });
  });

  it("export as one row a KPI, with the days compared or why there is no change", () => {
    const none = { current: [sendDay("2026-06-02", null)], previous: [sendDay("2026-06-01", null)] };
    const articles = kpiTable(ARTICLE_KPIS, kpiFigures(ARTICLE_KPIS, [row({})], null, none), en);
    expect(articles.id).toBe("kpis");
    expect(articles.columns.map((c) => en(c.header))).toEqual([
      "Metric",
      "Value",
      "Previous period",
      "Change",
      "Days compared",
      "Why no change",
    ]);
    expect(articles.rows.map((r) => r.metric)).toEqual([
      "Articles sent",
      "Readers of these articles",
      "Sharers of these articles",
      "Favourites of these articles",
    ]);

    const day = (date: string, reads: number | null, readers: number | null) => ({ date, reads, readers });
    const hourly = kpiTable(
      HOURLY_KPIS,
      kpiFigures(
        HOURLY_KPIS,
        { days: 2, reads: 30, readers: 20 },
        { days: 2, reads: 10, readers: 8 },
        {
          current: [day("2026-06-03", 10, 5), day("2026-06-04", 20, 15)],
          previous: [day("2026-06-01", 4, 3), day("2026-06-02", 6, 5)],
        },
      ),
      zh,
    );
    expect(hourly.columns.map((c) => zh(c.header))).toEqual([
      "指标",
      "本期",
      "上期",
      "变化",
      "比较的天数",
      "不比较的原因",
    ]);
    expect(hourly.rows).toEqual([
      { metric: "阅读次数", value: 30, previous: 10, pct: 2, daysCompared: 2, comparison: null },
      { metric: "阅读人数（逐日相加）", value: 20, previous: 8, pct: 1.5, daysCompared: 2, comparison: null },
    ]);

    const retired = kpiTable(
      HOURLY_KPIS,
      kpiFigures(
        HOURLY_KPIS,
        { days: 1, reads: 10, readers: 5 },
        { days: 2, reads: 10, readers: 8 },
        {
          current: [day("2026-06-30", 10, 5), day("2026-07-01", null, null)],
          previous: [day("2026-06-28", 4, 3), day("2026-06-29", 6, 5)],
        },
      ),
      en,
    );
    expect(retired.rows[0]).toMatchObject({ pct: null, daysCompared: null, comparison: "the data ends on 2026-06-30" });
  });

  it("sum only the figures present", () => {
    expect(sumPresent([1, null, 2])).toBe(3);
    expect(sumPresent([null, undefined])).toBeNull();
    expect(sumPresent([])).toBeNull();
  });
});

describe("sorting by a column", () => {
  const rows = [
    row({ msgid: "1_1", title: "乙", readers: 5 }),
    row({ msgid: "2_1", title: "甲", readers: null }),
    row({ msgid: "3_1", title: "丙", readers: 9 }),
    row({ msgid: "4_1", title: "丁", readers: 5 }),
  ];
  const sorted = (sort: string, dir: "asc" | "desc") =>
    sortRows(rows, ARTICLES_TABLE.columns, { sort, dir }).map((r) => r.msgid);

  it("puts rows without the figure last either way and keeps ties in order", () => {
    expect(sorted("readers", "desc")).toEqual(["3_1", "1_1", "4_1", "2_1"]);
    expect(sorted("readers", "asc")).toEqual(["1_1", "4_1", "3_1", "2_1"]);
    // Titles in pinyin order: 丙 bǐng, 丁 dīng, 甲 jiǎ, 乙 yǐ.
    expect(sorted("title", "asc")).toEqual(["3_1", "4_1", "2_1", "1_1"]);
  });

  it("reads the URL: a column's first direction is its own, an unknown column falls back", () => {
    const state = (qs: string) => readTableState(new URLSearchParams(qs), ARTICLES_TABLE.columns, "sendDate");
    expect(state("")).toEqual({ sort: "sendDate", dir: "desc", q: "", page: 1 });
    expect(state("sort=title")).toMatchObject({ sort: "title", dir: "asc" });
    expect(state("sort=position")).toMatchObject({ sort: "position", dir: "asc" });
    expect(state("sort=readers&dir=asc&page=3&q=x")).toEqual({ sort: "readers", dir: "asc", q: "x", page: 3 });
    // Export-only columns are not sortable on the page.
    expect(state("sort=msgid")).toMatchObject({ sort: "sendDate", dir: "desc" });
    expect(state("page=-2").page).toBe(1);
    const readers = ARTICLES_TABLE.columns.find((c) => c.key === "readers")!;
    expect(sortedBy({ sort: "title", dir: "asc" }, readers)).toEqual({ sort: "readers", dir: "desc" });
    expect(sortedBy({ sort: "readers", dir: "desc" }, readers)).toEqual({ sort: "readers", dir: "asc" });
  });
});

describe("phone columns", () => {
  it("the articles table keeps the title and exactly two figures on a phone: readers and WeChat's 送达阅读率", () => {
    const shown = screenColumns(ARTICLES_TABLE.columns);
    expect(shown.filter((c) => c.lead).map((c) => c.key)).toEqual(["title"]);
    expect(shown.filter((c) => c.phone).map((c) => c.key)).toEqual(["readers", "readDeliveryRate"]);
  });
});
