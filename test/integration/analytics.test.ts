import { and, between, eq } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import {
  articleDailyReads,
  articleDetail,
  articles,
  compareArticles,
  dayArticles,
  followers,
  hourlyReads,
  overview,
  shares,
} from "@/db/analytics";
import { bizSummary, legacyUserRead } from "@/db/schema";
import {
  type ChannelCounts,
  channelOfUserSource,
  channelsFromScenes,
  TOTAL_USER_SOURCE,
} from "@/lib/analytics/channels";
import { addDaysIso, eachDay } from "@/lib/dates";

import {
  expectedArticle,
  expectedArticles,
  expectedFollowers,
  expectedHourlyAverage,
  expectedHourlyDay,
  expectedOverviewDays,
  expectedOverviewTotals,
  expectedShares,
  sceneCounts,
} from "../helpers/expected";
import { createHarness, type Harness } from "../helpers/harness";

const TODAY = "2026-07-10";
// Both generations served; a few days across the new generation's first date (2025-11-01) too.
const FROM = "2026-05-20";
const TO = "2026-06-12";
const EARLY_FROM = "2025-10-29";
const EARLY_TO = "2025-11-02";

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

describe("analytics queries on both generations", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness({ today: TODAY, legacyRetiredOn: "never" });
    for (const [from, to] of [
      [EARLY_FROM, EARLY_TO],
      [FROM, TO],
    ] as const) {
      const summary = await h.sync(from, to);
      expect(summary.errors).toEqual([]);
    }
  });
  afterAll(async () => h?.close());

  const truthList = <T>(endpoint: Parameters<Harness["sim"]["truth"]["rows"]>[1], from = FROM, to = TO) =>
    h.sim.truth.rows(h.appid, endpoint, from, to, { today: TODAY }).list as unknown as T[];

  describe("overview", () => {
    it("sums the new generation's days and takes reads from the legacy one", async () => {
      const result = await overview(h.database, { accountId: h.account.id, from: FROM, to: TO });
      expect(result.days.map((d) => d.date)).toEqual(eachDay(FROM, TO));
      expect(result.days.every((d) => d.generation === "new")).toBe(true);
      expect(result.generations).toEqual(["new"]);
      expect(result.days).toEqual(expectedOverviewDays(h.sim.truth, h.appid, FROM, TO, TODAY));

      const biz = truthList<{ detail: { read_user: number; like_user: number } }>("getbizsummary");
      const legacyAll = truthList<{ user_source: number; int_page_read_count: number }>("getuserread").filter(
        (r) => r.user_source === TOTAL_USER_SOURCE,
      );
      expect(result.totals.readers).toBe(sum(biz.map((r) => r.detail.read_user)));
      expect(result.totals.likes).toBe(sum(biz.map((r) => r.detail.like_user)));
      expect(result.totals.reads).toBe(sum(legacyAll.map((r) => r.int_page_read_count)));
      const { bySource, ...totals } = result.totals;
      expect(totals).toEqual(expectedOverviewTotals(h.sim.truth, h.appid, FROM, TO, TODAY));
      expect(sum(Object.values(bySource))).toBe(result.totals.readers);
    });

    it("falls back to the legacy generation before 2025-11-01, where likes, 在看 and comments do not exist", async () => {
      const result = await overview(h.database, { accountId: h.account.id, from: EARLY_FROM, to: EARLY_TO });
      expect(result.days.map((d) => d.generation)).toEqual(["legacy", "legacy", "legacy", "new", "new"]);
      expect(result.generations).toEqual(["legacy", "new"]);
      expect(result.days).toEqual(expectedOverviewDays(h.sim.truth, h.appid, EARLY_FROM, EARLY_TO, TODAY));
      expect(result.days[0]).toMatchObject({ likes: null, zaikan: null, comments: null });
      expect(result.days[0]!.readers).toBeGreaterThan(0);
      expect(result.totals.likes).toBe(sum(result.days.slice(3).map((d) => d.likes!)));
    });

    it("gives every day of a range without data, with null metrics", async () => {
      const result = await overview(h.database, { accountId: h.account.id, from: "2024-02-27", to: "2024-03-01" });
      expect(result.days.map((d) => d.date)).toEqual(["2024-02-27", "2024-02-28", "2024-02-29", "2024-03-01"]);
      for (const day of result.days)
        expect(day).toMatchObject({ generation: null, readers: null, reads: null, likes: null, bySource: {} });
      expect(result.totals).toEqual({
        readers: null,
        reads: null,
        sharers: null,
        favourites: null,
        likes: null,
        zaikan: null,
        comments: null,
        netFollowers: null,
        bySource: {},
      });
      expect(result.generations).toEqual([]);
    });

    it("stored generations agree on overlapping days, channel by channel", async () => {
      const range = (col: PgColumn) => between(col, FROM, TO);
      const fresh = await h.database.db
        .select()
        .from(bizSummary)
        .where(and(eq(bizSummary.accountId, h.account.id), range(bizSummary.refDate)));
      const legacy = await h.database.db
        .select()
        .from(legacyUserRead)
        .where(and(eq(legacyUserRead.accountId, h.account.id), range(legacyUserRead.refDate)));
      expect(fresh).toHaveLength(24);
      for (const day of fresh) {
        const rows = legacy.filter((r) => r.refDate === day.refDate);
        const all = rows.find((r) => r.userSource === TOTAL_USER_SOURCE)!;
        expect([all.intPageReadUser, all.shareUser, all.addToFavUser, all.oriPageReadUser], day.refDate).toEqual([
          day.readUser,
          day.shareUser,
          day.collectionUser,
          day.redirectOriPageUser,
        ]);
        const legacyChannels: ChannelCounts = {};
        for (const r of rows) {
          const channel = channelOfUserSource(r.userSource);
          if (channel) legacyChannels[channel] = (legacyChannels[channel] ?? 0) + r.intPageReadUser;
        }
        expect(channelsFromScenes(day.readUserSource).bySource).toEqual(legacyChannels);
      }
    });
  });

  describe("followers", () => {
    it("gives new, cancelled, net and total followers per day, by follow source, next to articles sent", async () => {
      const result = await followers(h.database, { accountId: h.account.id, from: FROM, to: TO });
      const expected = expectedFollowers(h.sim.truth, h.appid, FROM, TO, TODAY);
      expect(result.days).toEqual(expected.days.map((d) => ({ ...d, articlesSent: expect.any(Number) as number })));
      expect(result.totals).toEqual(expected.totals);
      expect(result.bySource).toEqual(expected.bySource);
      expect(Object.keys(result.bySource)).toContain("57");
      for (const day of result.days)
        expect(day.articlesSent, day.date).toBe(h.sim.truth.sendOn(h.appid, day.date)?.articles.length ?? 0);
      expect(result.days.some((d) => d.articlesSent > 0)).toBe(true);
      // The net change agrees with the running total, day by day.
      for (const [i, day] of result.days.entries())
        if (i > 0) expect(day.netUsers).toBe(day.totalUsers! - result.days[i - 1]!.totalUsers!);
    });

    it("leaves days that were never fetched empty rather than zero", async () => {
      const result = await followers(h.database, { accountId: h.account.id, from: "2026-06-10", to: "2026-06-16" });
      expect(result.days.map((d) => d.netUsers === null)).toEqual([false, false, false, true, true, true, true]);
      expect(result.totals.days).toBe(3);
      const overviewResult = await overview(h.database, {
        accountId: h.account.id,
        from: "2026-06-10",
        to: "2026-06-16",
      });
      expect(overviewResult.totals.netFollowers).toBe(result.totals.netUsers);
    });
  });

  describe("a day's articles (yesterday first)", () => {
    interface Detail {
      stat_date: string;
      read_user: number;
      share_user: number;
      like_user: number;
      read_delivery_rate: number;
      read_finish_rate: number;
    }
    it("lists the articles sent that day with WeChat's 送达阅读率 and 完读率, ranked by readers", async () => {
      const date = eachDay(FROM, TO).find((d) => (h.sim.truth.sendOn(h.appid, d)?.articles.length ?? 0) > 1)!;
      const result = await dayArticles(h.database, h.account.id, date);
      const truth = truthList<{ msgid: string; title: string; detail_list: Detail[] }>(
        "getarticletotaldetail",
        date,
        date,
      );
      const expected = truth
        .map((a) => ({ msgid: a.msgid, title: a.title, d: a.detail_list.find((x) => x.stat_date === date)! }))
        .sort((a, b) => b.d.read_user - a.d.read_user || a.msgid.localeCompare(b.msgid));
      expect(
        result.sent.map((a) => [a.msgid, a.title, a.readers, a.deliveryReadRate, a.finishRate, a.likes, a.sharers]),
      ).toEqual(
        expected.map((e) => [
          e.msgid,
          e.title,
          e.d.read_user,
          e.d.read_delivery_rate,
          e.d.read_finish_rate,
          e.d.like_user,
          e.d.share_user,
        ]),
      );
      expect(result.sent.some((a) => a.position === 1)).toBe(true);
    });

    it("lists every article read that day, of any age, from getarticleread with getarticleshare's sharers", async () => {
      const date = TO;
      const result = await dayArticles(h.database, h.account.id, date);
      expect(result.readFrom).toBe("getarticleread");
      const read = truthList<{ msgid: string; detail: { read_user: number } }>("getarticleread", date, date);
      const shared = new Map(
        truthList<{ msgid: string; detail: { share_user: number } }>("getarticleshare", date, date).map((r) => [
          r.msgid,
          r.detail.share_user,
        ]),
      );
      expect(new Map(result.read.map((r) => [r.msgid, [r.readers, r.sharers]]))).toEqual(
        new Map(read.map((r) => [r.msgid, [r.detail.read_user, shared.get(r.msgid) ?? 0]])),
      );
      // Old articles keep being read: some were sent before the day, and those synced carry their send date.
      expect(result.read.some((r) => r.sendDate !== null && r.sendDate < addDaysIso(date, -3))).toBe(true);
      expect(result.read.every((r) => r.sendDate === null || (r.title ?? "").length > 0)).toBe(true);
    });

    it("gives an article's daily readers on every day it was read, beyond its curve (the long tail)", async () => {
      const read = truthList<{ msgid: string; ref_date: string; detail: { read_user: number } }>(
        "getarticleread",
        FROM,
        TO,
      );
      // The article read on the most days of the range (its curve is stored only for what was sent in the range).
      const counts = new Map<string, number>();
      for (const r of read) counts.set(r.msgid, (counts.get(r.msgid) ?? 0) + 1);
      const [msgid] = [...counts].sort((a, b) => b[1] - a[1])[0]!;
      const first = { msgid };
      const days = read.filter((r) => r.msgid === first.msgid);
      const result = await articleDailyReads(h.database, h.account.id, first.msgid);
      expect(result.map((d) => [d.date, d.readers])).toEqual(days.map((r) => [r.ref_date, r.detail.read_user]));
      expect(result.length).toBeGreaterThan(7);
    });

    it("takes the read list from getarticlesummary before the new generation", async () => {
      const result = await dayArticles(h.database, h.account.id, EARLY_FROM);
      expect(result.readFrom).toBe("getarticlesummary");
      const summary = truthList<{ msgid: string; int_page_read_user: number; share_user: number }>(
        "getarticlesummary",
        EARLY_FROM,
        EARLY_FROM,
      );
      expect(new Map(result.read.map((r) => [r.msgid, [r.readers, r.sharers]]))).toEqual(
        new Map(summary.map((r) => [r.msgid, [r.int_page_read_user, r.share_user]])),
      );
    });
  });

  describe("hourly reads", () => {
    it("a single day is that day's getuserreadhour figures", async () => {
      const date = "2026-06-03";
      const result = await hourlyReads(h.database, { accountId: h.account.id, from: date, to: date });
      expect(result.daysWithData).toBe(1);
      expect(result.lastDateWithData).toBe(TO);
      expect(result.hours).toEqual(expectedHourlyDay(h.sim.truth, h.appid, date, TODAY));
      const daily = truthList<{ user_source: number; int_page_read_count: number }>("getuserread", date, date).find(
        (r) => r.user_source === TOTAL_USER_SOURCE,
      )!;
      expect(sum(result.hours.map((x) => x.totalReads))).toBe(daily.int_page_read_count);
      expect(sum(result.hours.map((x) => sum(Object.values(x.reads))))).toBe(daily.int_page_read_count);
      // ISO weekday: 2026-06-03 is a Wednesday.
      expect(new Set(result.heatmap.map((c) => c.weekday))).toEqual(new Set([3]));
    });

    it("averages a range per day with data, and builds the weekday × hour heatmap", async () => {
      const result = await hourlyReads(h.database, { accountId: h.account.id, from: FROM, to: TO });
      const expected = expectedHourlyAverage(h.sim.truth, h.appid, FROM, TO, TODAY);
      expect(result.daysWithData).toBe(24);
      expect(result.hours).toEqual(expected.hours);
      expect(result.heatmap).toHaveLength(7 * 24);
      expect(result.heatmap).toEqual(expected.heatmap);
    });

    it("an empty range has no data but still says where hourly data ends", async () => {
      const result = await hourlyReads(h.database, { accountId: h.account.id, from: "2026-06-20", to: "2026-06-30" });
      expect(result).toMatchObject({ daysWithData: 0, lastDateWithData: TO, heatmap: [] });
      expect(result.hours).toHaveLength(24);
      expect(result.hours.every((x) => x.totalReads === 0 && Object.keys(x.reads).length === 0)).toBe(true);
    });
  });

  it("shares by scene, per day and per hour, with the new generation's sharers", async () => {
    const result = await shares(h.database, { accountId: h.account.id, from: FROM, to: TO });
    const expected = expectedShares(h.sim.truth, h.appid, FROM, TO, TODAY);
    expect(result.daysWithData).toBe(24);
    expect(result.hourlyDaysWithData).toBe(24);
    expect(result.lastDateWithData).toBe(TO);
    expect(result.scenes).toEqual([1, 2, 255]);
    expect(result.days.map((d) => d.date)).toEqual(eachDay(FROM, TO));
    expect(Object.fromEntries(result.days.map((d) => [d.date, d.byScene]))).toEqual(expected.byDay);
    expect(result.hours.map((x) => x.byScene)).toEqual(expected.hours);
    for (const scene of result.scenes) {
      expect(sum(result.days.map((d) => d.byScene[scene]?.shareCount ?? 0))).toBe(expected.totals[scene]!.shareCount);
    }
    expect(Object.fromEntries(result.newSharers.map((d) => [d.date, d.sharers]))).toEqual(expected.newSharers);
    // Legacy and new sharers agree day by day.
    for (const day of result.days) {
      const legacySharers = sum(Object.values(day.byScene).map((s) => s.shareUser));
      expect(legacySharers, day.date).toBe(result.newSharers.find((d) => d.date === day.date)!.sharers);
    }
  });

  describe("articles", () => {
    it("lists every article sent in the range with its latest figures, merged across generations", async () => {
      const result = await articles(h.database, { accountIds: [h.account.id, 999_999], from: FROM, to: TO });
      const expected = expectedArticles(h.sim.truth, h.appid, FROM, TO, TODAY);
      expect(expected.some((a) => a.publishType === 1)).toBe(true);
      expect(result.map((a) => a.msgid)).toEqual(expected.map((a) => a.msgid));
      for (const [i, a] of result.entries()) {
        const e = expected[i]!;
        expect(a, a.msgid).toEqual({
          accountId: h.account.id,
          msgid: e.msgid,
          title: e.title,
          sendDate: e.sendDate,
          position: e.position,
          generation: e.publishType === 0 ? "both" : "new",
          delivered: e.delivered,
          readers: e.latest.readers,
          sharers: e.latest.sharers,
          favourites: e.latest.favourites,
          readDeliveryRate: e.new?.at(-1)?.read_delivery_rate ?? null,
          readRate: e.delivered ? e.latest.readers / e.delivered : null,
          shareRate: e.latest.readers ? e.latest.sharers / e.latest.readers : null,
          lastStatDate: e.latest.statDate,
        });
      }
    });

    it("has legacy-only articles before the new generation's first date", async () => {
      const result = await articles(h.database, { accountIds: [h.account.id], from: EARLY_FROM, to: EARLY_TO });
      const expected = expectedArticles(h.sim.truth, h.appid, EARLY_FROM, EARLY_TO, TODAY);
      expect(result.map((a) => [a.msgid, a.generation, a.readers, a.delivered, a.lastStatDate])).toEqual(
        expected.map((a) => [
          a.msgid,
          a.sendDate < "2025-11-01" ? "legacy" : a.publishType === 0 ? "both" : "new",
          a.latest.readers,
          a.delivered,
          a.latest.statDate,
        ]),
      );
      expect(result.some((a) => a.generation === "legacy")).toBe(true);
      expect(await articles(h.database, { accountIds: [], from: FROM, to: TO })).toEqual([]);
    });
  });

  describe("article detail and compare", () => {
    // The earliest send of the range, so its new-generation curve is complete (30 days).
    const notifiedArticle = () =>
      expectedArticles(h.sim.truth, h.appid, FROM, TO, TODAY).findLast((a) => a.publishType === 0 && a.position === 2)!;
    const legacyOnlyArticle = () => expectedArticles(h.sim.truth, h.appid, EARLY_FROM, "2025-10-31", TODAY)[0]!;

    it("gives both cumulative curves of an article the two generations share", async () => {
      const e = notifiedArticle();
      const detail = (await articleDetail(h.database, { accountId: h.account.id, msgid: e.msgid }))!;
      expect(detail).toMatchObject({
        title: e.title,
        sendDate: e.sendDate,
        position: 2,
        contentUrl: e.contentUrl,
        delivered: e.delivered,
      });
      expect(detail.legacy).toHaveLength(7);
      expect(detail.new).toHaveLength(30);
      expect(detail.legacy!.map((p) => p.day)).toEqual([0, 1, 2, 3, 4, 5, 6]);
      expect(detail.legacy).toEqual(
        e.legacy!.map((d, day) => ({
          day,
          statDate: d.stat_date,
          delivered: d.target_user,
          readers: d.int_page_read_user,
          reads: d.int_page_read_count,
          sharers: d.share_user,
          favourites: d.add_to_fav_user,
          bySource: {
            session: d.int_page_from_session_read_user,
            profile: d.int_page_from_hist_msg_read_user,
            moments: d.int_page_from_feed_read_user,
            friends: d.int_page_from_friends_read_user,
            other: d.int_page_from_other_read_user,
            recommend: d.int_page_from_kanyikan_read_user,
            search: d.int_page_from_souyisou_read_user,
          },
        })),
      );
      expect(detail.new).toEqual(
        e.new!.map((d, day) => ({
          day,
          statDate: d.stat_date,
          readers: d.read_user,
          bySource: sceneCounts(d.read_user_source),
          sharers: d.share_user,
          zaikan: d.zaikan_user,
          likes: d.like_user,
          comments: d.comment_count,
          favourites: d.collection_user,
          finishRate: d.read_finish_rate,
          avgActiveMinutes: d.read_avg_activetime,
          deliveryRate: d.read_delivery_rate,
          jumpPositions: d.read_jump_position,
        })),
      );
      // The generations agree on the days both cover.
      for (const [day, point] of detail.legacy!.entries()) {
        expect([point.readers, point.sharers, point.favourites, point.bySource]).toEqual([
          detail.new![day]!.readers,
          detail.new![day]!.sharers,
          detail.new![day]!.favourites,
          detail.new![day]!.bySource,
        ]);
      }
      expect(detail.curve).toEqual(
        detail.new!.map(({ day, readers, sharers, favourites }) => ({
          day,
          readers,
          sharers,
          favourites,
          delivered: e.delivered,
        })),
      );
    });

    it("uses the legacy curve for an article only the legacy generation has, and null for an unknown one", async () => {
      const e = legacyOnlyArticle();
      const detail = (await articleDetail(h.database, { accountId: h.account.id, msgid: e.msgid }))!;
      expect(detail.new).toBeNull();
      expect(detail.contentUrl).toBeNull();
      expect(detail.curve).toEqual(
        e.legacy!.map((d, day) => ({
          day,
          readers: d.int_page_read_user,
          sharers: d.share_user,
          favourites: d.add_to_fav_user,
          delivered: d.target_user,
        })),
      );
      expect(detail.curve.length).toBeLessThanOrEqual(7);
      expect(await articleDetail(h.database, { accountId: h.account.id, msgid: "1_1" })).toBeNull();
      expect(await articleDetail(h.database, { accountId: 999_999, msgid: e.msgid })).toBeNull();
    });

    it("compares articles in the order asked, leaving out unknown ones", async () => {
      const both = notifiedArticle();
      const legacyOnly = legacyOnlyArticle();
      const result = await compareArticles(h.database, [
        { accountId: h.account.id, msgid: legacyOnly.msgid },
        { accountId: h.account.id, msgid: "1_1" },
        { accountId: h.account.id, msgid: both.msgid },
      ]);
      expect(result.map((a) => a.msgid)).toEqual([legacyOnly.msgid, both.msgid]);
      const [old, recent] = result as [(typeof result)[number], (typeof result)[number]];
      const last = both.new!.at(-1)!;
      expect(recent.curve).toHaveLength(30);
      expect(recent.latest).toEqual({
        readers: last.read_user,
        sharers: last.share_user,
        favourites: last.collection_user,
        readDeliveryRate: last.read_delivery_rate,
        readRate: last.read_user / both.delivered!,
        shareRate: last.share_user / last.read_user,
        likes: last.like_user,
        zaikan: last.zaikan_user,
        comments: last.comment_count,
        finishRate: last.read_finish_rate,
        avgActiveMinutes: last.read_avg_activetime,
      });
      expect(old.latest).toMatchObject({ readers: legacyOnly.latest.readers, likes: null, finishRate: null });
      expect(old.delivered).toBe(legacyOnly.delivered);
      expect(await compareArticles(h.database, [])).toEqual([]);
    });

    it("finds the expected article from its msgid alone", () => {
      const e = notifiedArticle();
      expect(expectedArticle(h.sim.truth, h.appid, e.msgid, TODAY)).toEqual(e);
    });
  });
});

describe("analytics queries after the legacy interfaces are retired", () => {
  let h: Harness;
  const from = "2026-06-25";
  const to = "2026-07-09";
  beforeAll(async () => {
    h = await createHarness({ today: TODAY, legacyRetiredOn: "2026-07-01" });
    const summary = await h.sync(from, to);
    expect(summary.fatal).toBeNull();
    expect(summary.retired.length).toBeGreaterThan(0);
  });
  afterAll(async () => h?.close());

  it("shows the new generation only: no reads, no hourly figures, no scenes", async () => {
    const o = await overview(h.database, { accountId: h.account.id, from, to });
    expect(o.generations).toEqual(["new"]);
    expect(o.totals.reads).toBeNull();
    expect(o.days).toEqual(
      expectedOverviewDays(h.sim.truth, h.appid, from, to, TODAY).map((d) => ({ ...d, reads: null })),
    );
    const hourly = await hourlyReads(h.database, { accountId: h.account.id, from, to });
    expect(hourly).toMatchObject({ daysWithData: 0, lastDateWithData: null, heatmap: [] });
    const s = await shares(h.database, { accountId: h.account.id, from, to });
    expect(s).toMatchObject({ daysWithData: 0, lastDateWithData: null, scenes: [] });
    expect(s.newSharers.every((d) => d.sharers !== null)).toBe(true);
  });

  it("derives delivered from read_delivery_rate (公众号消息 readers / rate), close to the true followers", async () => {
    const result = await articles(h.database, { accountIds: [h.account.id], from, to });
    const expected = expectedArticles(h.sim.truth, h.appid, from, to, TODAY);
    expect(result.map((a) => a.msgid)).toEqual(expected.map((a) => a.msgid));
    expect(result.every((a) => a.generation === "new")).toBe(true);
    for (const [i, a] of result.entries()) {
      const e = expected[i]!;
      if (e.delivered === null) {
        expect(a.delivered, a.msgid).toBeNull();
      } else {
        // read_delivery_rate has 7 decimals: the estimate is within 0.01% of the followers.
        expect(Math.abs(a.delivered! - e.delivered) / e.delivered, a.msgid).toBeLessThan(1e-4);
      }
    }
    expect(result.filter((a) => a.delivered !== null).length).toBeGreaterThan(0);
  });
});
