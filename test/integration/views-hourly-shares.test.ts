import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { CHANNELS, TOTAL_USER_SOURCE } from "@/lib/analytics/channels";
import type { SessionUser } from "@/lib/auth/access";
import { addDaysIso, eachDay, type IsoDate } from "@/lib/dates";
import { headerText } from "@/lib/views/export-file";
import { hourlyView } from "@/lib/views/hourly";
import { VIEWS } from "@/lib/views/index";
import { sharesView } from "@/lib/views/shares";
import type { ExportTable } from "@/lib/views/types";

import { expectedHourlyAverage, expectedHourlyDay, expectedShares } from "../helpers/expected";
import { createHarness, type Harness } from "../helpers/harness";

/**
 * The hourly and shares data views, loaded through the data layer from a database synced the
 * way the demo is: the legacy interfaces up to the day before WeChat retired them (fetched on
 * LEGACY_TODAY), the new generation afterwards. Every number is checked against the simulator's
 * ground truth, through the views' `tables()` (what the export writes and the pages chart).
 */
const RETIRED_ON = "2026-07-01";
const LEGACY_TODAY = "2026-06-30";
const TODAY = "2026-07-20";
const LAST_LEGACY = "2026-06-29";

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
const hour = (h: number) => `${String(h).padStart(2, "0")}:00`;

describe("hourly and shares views on both generations", () => {
  let h: Harness;
  let user: SessionUser;

  beforeAll(async () => {
    h = await createHarness({ today: LEGACY_TODAY, legacyRetiredOn: RETIRED_ON });
    const legacy = await h.sync("2026-05-01", LAST_LEGACY);
    expect(legacy.errors).toEqual([]);
    h.setToday(TODAY);
    const fresh = await h.sync("2026-06-20", addDaysIso(TODAY, -1));
    expect(fresh.fatal).toBeNull();
    expect(fresh.retired).toContain("getuserreadhour");
    user = { id: 1, email: "admin@test", name: "Admin", role: "admin", accountIds: [h.account.id] };
  });
  afterAll(async () => h?.close());

  const load = async <V extends typeof hourlyView | typeof sharesView>(
    view: V,
    from: IsoDate,
    to: IsoDate,
    lang: "en" | "zh" = "en",
  ) => {
    const input = view.schema.parse({ account: String(h.account.id), from, to });
    const data = await view.load(h.database, input, user);
    const tables = (
      view.tables as (d: unknown, i: unknown, l: (x: Parameters<typeof headerText>[0]) => string) => ExportTable[]
    )(data, input, (x) => headerText(x, lang));
    return { data: data as Awaited<ReturnType<V["load"]>>, table: (id: string) => tables.find((t) => t.id === id)! };
  };
  /** The truth's all-sources getuserreadhour rows: the exact totals of the hourly figures. */
  const hourlyTruthTotals = (from: IsoDate, to: IsoDate) => {
    const rows = (
      h.sim.truth.rows(h.appid, "getuserreadhour", from, to, { today: LEGACY_TODAY }).list as unknown as {
        user_source: number;
        int_page_read_user: number;
        int_page_read_count: number;
      }[]
    ).filter((r) => r.user_source === TOTAL_USER_SOURCE);
    return { reads: sum(rows.map((r) => r.int_page_read_count)), readers: sum(rows.map((r) => r.int_page_read_user)) };
  };

  it("registers both views", () => {
    expect(VIEWS.hourly).toBe(hourlyView);
    expect(VIEWS.shares).toBe(sharesView);
  });

  describe("hourly", () => {
    it("one day: the 24 hours by source and the totals with their delta equal getuserreadhour", async () => {
      const date = "2026-06-01";
      const { data, table } = await load(hourlyView, date, date);
      const expected = expectedHourlyDay(h.sim.truth, h.appid, date, LEGACY_TODAY);
      expect(data.daysWithData).toBe(1);
      expect(data.lastDateWithData).toBe(LAST_LEGACY);

      const hours = table("hours");
      expect(hours.rows).toHaveLength(24);
      for (const e of expected) {
        const row = hours.rows[e.hour]!;
        expect(row.hour).toBe(hour(e.hour));
        expect(row.reads_total).toBe(e.totalReads);
        expect(row.readers_total).toBe(e.totalReaders);
        for (const c of CHANNELS) {
          expect(row[`reads_${c}`], `${e.hour} ${c}`).toBe(e.reads[c] ?? null);
          expect(row[`readers_${c}`], `${e.hour} ${c}`).toBe(e.readers[c] ?? null);
        }
      }
      expect(hours.columns.find((c) => c.key === "reads_session")!.header).toEqual({
        en: "Reads: Account messages",
        zh: "阅读次数：公众号会话",
      });

      const totals = hourlyTruthTotals(date, date);
      const previous = hourlyTruthTotals("2026-05-31", "2026-05-31");
      expect(totals.reads).toBe(sum(expected.map((e) => e.totalReads)));
      const kpis = table("kpis");
      expect(kpis.rows).toEqual([
        {
          metric: "Reads",
          value: totals.reads,
          previous: previous.reads,
          pct: (totals.reads - previous.reads) / previous.reads,
          daysCompared: 1,
          comparison: null,
        },
        {
          metric: "Readers, summed per day",
          value: totals.readers,
          previous: previous.readers,
          pct: (totals.readers - previous.readers) / previous.readers,
          daysCompared: 1,
          comparison: null,
        },
      ]);

      // 2026-06-01 is a Monday: one heatmap row with the day's reads, the other six empty.
      const heat = table("heatmap");
      expect(heat.rows.map((r) => r.weekday)).toEqual([
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
      ]);
      expect(heat.rows[0]).toEqual({
        weekday: "Monday",
        ...Object.fromEntries(expected.map((e) => [`h${e.hour}`, e.totalReads])),
      });
      expect(Object.values(heat.rows[1]!).filter((v) => v !== null)).toEqual(["Tuesday"]);
    });

    it("a range: averages per day with data, the weekday × hour heatmap and the exact totals", async () => {
      const from = "2026-06-01";
      const to = LAST_LEGACY;
      const { data, table } = await load(hourlyView, from, to, "zh");
      const expected = expectedHourlyAverage(h.sim.truth, h.appid, from, to, LEGACY_TODAY);
      expect(data.daysWithData).toBe(29);
      const hours = table("hours");
      expect(hours.rows.map((r) => r.days)).toEqual(Array(24).fill(29));
      expect(hours.rows.map((r) => r.reads_total)).toEqual(expected.hours.map((e) => e.totalReads));
      expect(hours.rows.map((r) => r.readers_friends)).toEqual(expected.hours.map((e) => e.readers.friends ?? null));
      expect(hours.rows.map((r) => r.reads_search)).toEqual(expected.hours.map((e) => e.reads.search ?? null));

      const heat = table("heatmap");
      expect(heat.rows.map((r) => r.weekday)).toEqual(["周一", "周二", "周三", "周四", "周五", "周六", "周日"]);
      for (const cell of expected.heatmap)
        expect(heat.rows[cell.weekday - 1]![`h${cell.hour}`], `${cell.weekday}:${cell.hour}`).toBe(cell.reads);
      expect(heat.columns.map((c) => c.key)).toEqual(["weekday", ...Array.from({ length: 24 }, (_, i) => `h${i}`)]);

      const totals = hourlyTruthTotals(from, to);
      const previous = hourlyTruthTotals(addDaysIso(from, -29), addDaysIso(from, -1));
      // Both periods have hourly figures on all 29 days: the change covers them all.
      expect(table("kpis").rows.map((r) => [r.value, r.previous, r.daysCompared, r.comparison])).toEqual([
        [totals.reads, previous.reads, 29, null],
        [totals.readers, previous.readers, 29, null],
      ]);
    });

    it("after the retirement: no hourly figures, where they end, and the 30 days that have them", async () => {
      const { data, table } = await load(hourlyView, "2026-07-01", "2026-07-19");
      expect(data).toMatchObject({
        daysWithData: 0,
        lastDateWithData: LAST_LEGACY,
        heatmap: [],
        rangeWithData: { from: "2026-05-31", to: LAST_LEGACY },
      });
      expect(table("hours").rows).toEqual([]);
      expect(table("heatmap").rows).toEqual([]);
      // The previous 19 days had hourly figures up to 06-29: the previous totals are theirs, and
      // no change is shown, with why.
      const previous = hourlyTruthTotals("2026-06-12", LAST_LEGACY);
      const why = `the data ends on ${LAST_LEGACY}`;
      expect(table("kpis").rows.map((r) => [r.value, r.previous, r.pct, r.daysCompared, r.comparison])).toEqual([
        [null, previous.reads, null, null, why],
        [null, previous.readers, null, null, why],
      ]);
    });

    it("a range across the retirement averages and totals only the days with hourly figures", async () => {
      const { data, table } = await load(hourlyView, "2026-06-20", "2026-07-05");
      const expected = expectedHourlyAverage(h.sim.truth, h.appid, "2026-06-20", LAST_LEGACY, LEGACY_TODAY);
      expect(data.daysWithData).toBe(10);
      expect(table("hours").rows.map((r) => r.reads_total)).toEqual(expected.hours.map((e) => e.totalReads));
      // The period outlives the hourly figures: no change against the previous one.
      expect(table("kpis").rows[0]).toMatchObject({
        value: hourlyTruthTotals("2026-06-20", LAST_LEGACY).reads,
        pct: null,
        comparison: `the data ends on ${LAST_LEGACY}`,
      });
    });
  });

  describe("shares", () => {
    it("a June week: daily and hourly shares by scene, totals and sharers with their deltas", async () => {
      const from = "2026-06-08";
      const to = "2026-06-14";
      const { data, table } = await load(sharesView, from, to, "zh");
      const expected = expectedShares(h.sim.truth, h.appid, from, to, LEGACY_TODAY);
      const fresh = expectedShares(h.sim.truth, h.appid, from, to, TODAY);
      expect(data.scenes).toEqual([1, 2, 255]);

      const daily = table("daily");
      expect(daily.rows.map((r) => r.date)).toEqual(eachDay(from, to));
      for (const row of daily.rows) {
        const day = expected.byDay[row.date as string]!;
        for (const scene of data.scenes) {
          expect(row[`count_${scene}`], `${row.date} ${scene}`).toBe(day[scene]?.shareCount ?? null);
          expect(row[`people_${scene}`], `${row.date} ${scene}`).toBe(day[scene]?.shareUser ?? null);
        }
      }
      expect(daily.columns.map((c) => headerText(c.header, "zh"))).toEqual([
        "日期（北京时间）",
        "分享次数：好友转发",
        "分享人数：好友转发",
        "分享次数：朋友圈",
        "分享人数：朋友圈",
        "分享次数：其他",
        "分享人数：其他",
      ]);

      const hourly = table("hourly");
      expect(hourly.rows.map((r) => r.hour)).toEqual(Array.from({ length: 24 }, (_, i) => hour(i)));
      expect(hourly.rows.map((r) => r.days)).toEqual(Array(24).fill(expected.hourDays));
      expect(hourly.rows.map((r) => r.count_1)).toEqual(expected.hours.map((x) => x[1]?.shareCount ?? null));
      expect(hourly.rows.map((r) => r.people_2)).toEqual(expected.hours.map((x) => x[2]?.shareUser ?? null));

      const previous = expectedShares(h.sim.truth, h.appid, "2026-06-01", "2026-06-07", LEGACY_TODAY);
      const shares = sum(Object.values(expected.totals).map((t) => t.shareCount));
      const previousShares = sum(Object.values(previous.totals).map((t) => t.shareCount));
      // Sharers: the new generation's per day (it covers June); they equal the legacy scenes' sum.
      const sharers = sum(Object.values(fresh.newSharers));
      expect(sharers).toBe(sum(Object.values(expected.totals).map((t) => t.shareUser)));
      const previousSharers = sum(Object.values(previous.totals).map((t) => t.shareUser));
      expect(table("kpis").rows).toEqual([
        {
          metric: "分享次数",
          value: shares,
          previous: previousShares,
          pct: (shares - previousShares) / previousShares,
          daysCompared: 7,
          comparison: null,
        },
        {
          metric: "分享人数（逐日相加）",
          value: sharers,
          previous: previousSharers,
          pct: (sharers - previousSharers) / previousSharers,
          daysCompared: 7,
          comparison: null,
        },
      ]);
      expect(table("newSharers").rows).toEqual(
        eachDay(from, to).map((date) => ({ date, sharers: fresh.newSharers[date] })),
      );
      expect(data.newOnlyDays).toBe(0);
    });

    it("after the retirement: the new generation's sharers only, no scenes, no hours", async () => {
      const from = "2026-07-01";
      const to = "2026-07-19";
      const { data, table } = await load(sharesView, from, to);
      const fresh = expectedShares(h.sim.truth, h.appid, from, to, TODAY);
      expect(data).toMatchObject({
        daysWithData: 0,
        hourlyDaysWithData: 0,
        sceneDays: [],
        newOnlyDays: 19,
        newDays: 19,
        lastDateWithData: LAST_LEGACY,
      });
      expect(table("daily").rows).toEqual([]);
      expect(table("hourly").rows).toEqual([]);
      expect(table("newSharers").rows).toEqual(
        eachDay(from, to).map((date) => ({ date, sharers: fresh.newSharers[date] })),
      );
      const [shares, sharers] = table("kpis").rows;
      expect(shares).toMatchObject({ value: null, pct: null, comparison: `the data ends on ${LAST_LEGACY}` });
      expect(sharers).toMatchObject({ value: sum(Object.values(fresh.newSharers)), daysCompared: 19 });
    });

    it("a range across the retirement has scenes up to the last legacy day and new sharers for all of it", async () => {
      const from = "2026-06-25";
      const to = "2026-07-04";
      const { data, table } = await load(sharesView, from, to);
      const legacy = expectedShares(h.sim.truth, h.appid, from, LAST_LEGACY, LEGACY_TODAY);
      const fresh = expectedShares(h.sim.truth, h.appid, from, to, TODAY);
      expect(data.sceneDays.map((d) => d.date)).toEqual(eachDay(from, LAST_LEGACY));
      expect(data.newOnlyDays).toBe(5);
      expect(table("daily").rows.map((r) => r.count_2)).toEqual(
        eachDay(from, LAST_LEGACY).map((d) => legacy.byDay[d]![2]!.shareCount),
      );
      expect(table("hourly").rows[20]!.count_1).toBe(legacy.hours[20]![1]!.shareCount);
      expect(table("newSharers").rows).toHaveLength(10);
      // Shares (legacy only) end inside the period: no change; sharers run through both periods.
      expect(table("kpis").rows.map((r) => [r.value, r.daysCompared, r.comparison])).toEqual([
        [sum(Object.values(legacy.totals).map((t) => t.shareCount)), null, `the data ends on ${LAST_LEGACY}`],
        [sum(Object.values(fresh.newSharers)), 10, null],
      ]);
    });
  });
});
