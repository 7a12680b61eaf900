import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { AppError } from "@/lib/actions/errors";
import type { SessionUser } from "@/lib/auth/access";
import { VIEWS } from "@/lib/views";
import { articleDetailView } from "@/lib/views/article-detail";
import { articleRefSchema, compareAccountIds, compareProblem, compareSchema } from "@/lib/views/article-params";
import { articlesView } from "@/lib/views/articles";
import { compareView } from "@/lib/views/compare";
import { headerText, toCsv } from "@/lib/views/export-file";
import { sameAgeDay } from "@/lib/views/tables/compare";

import { type ExpectedArticle, expectedArticles, sceneCounts } from "../helpers/expected";
import { createHarness, type Harness } from "../helpers/harness";

const TODAY = "2026-07-10";
// Current period and the previous one of the same length (for the deltas), both synced.
const FROM = "2026-06-01";
const TO = "2026-06-10";
const PREV_FROM = "2026-05-22";
const PREV_TO = "2026-05-31";
// Across the new generation's first date: legacy-only articles before 2025-11-01.
const EARLY_FROM = "2025-10-29";
const EARLY_TO = "2025-11-02";

const admin: SessionUser = { id: 1, email: "admin@test", name: "", role: "admin", accountIds: [] };
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
const en = (h: Parameters<typeof headerText>[0]) => headerText(h, "en");
const zh = (h: Parameters<typeof headerText>[0]) => headerText(h, "zh");

describe("article views (list, detail, compare)", () => {
  let h: Harness;
  let current: ExpectedArticle[];
  beforeAll(async () => {
    h = await createHarness({ today: TODAY, legacyRetiredOn: "never" });
    for (const [from, to] of [
      [EARLY_FROM, EARLY_TO],
      [PREV_FROM, TO],
    ] as const) {
      const summary = await h.sync(from, to);
      expect(summary.errors).toEqual([]);
    }
    current = expectedArticles(h.sim.truth, h.appid, FROM, TO, TODAY);
  });
  afterAll(async () => h?.close());

  it("are registered under the names the pages ask for", () => {
    expect(VIEWS.articles).toBe(articlesView);
    expect(VIEWS.articleDetail).toBe(articleDetailView);
    expect(VIEWS.compare).toBe(compareView);
  });

  describe("articles", () => {
    const load = (from: string, to: string) =>
      articlesView.load(h.database, articlesView.schema.parse({ account: String(h.account.id), from, to }), admin);

    it("lists every article sent in the range with its latest figures and read rate", async () => {
      const data = await load(FROM, TO);
      expect(current.length).toBeGreaterThan(5);
      expect(data.rows).toHaveLength(current.length);
      expect(data.rows.map((r) => r.msgid)).toEqual(current.map((a) => a.msgid));
      expect(data.generations).toEqual(["legacy", "new"]);
      // The most read notified article: the numbers the table shows.
      const e = current.filter((a) => a.delivered !== null).sort((a, b) => b.latest.readers - a.latest.readers)[0]!;
      const row = data.rows.find((r) => r.msgid === e.msgid)!;
      expect(row).toMatchObject({
        title: e.title,
        sendDate: e.sendDate,
        position: e.position,
        generation: "both",
        delivered: e.delivered,
        readers: e.latest.readers,
        sharers: e.latest.sharers,
        favourites: e.latest.favourites,
      });
      expect(row.readRate).toBeCloseTo(e.latest.readers / e.delivered!, 12);
      expect(row.shareRate).toBeCloseTo(e.latest.sharers / e.latest.readers, 12);
      // A publish without notification has no delivered count, so no read rate.
      const silent = current.find((a) => a.delivered === null);
      expect(silent).toBeDefined();
      if (silent)
        expect(data.rows.find((r) => r.msgid === silent.msgid)).toMatchObject({
          delivered: null,
          readRate: null,
          generation: "new",
        });
    });

    it("totals the period against the previous one of the same length", async () => {
      const data = await load(FROM, TO);
      const previous = expectedArticles(h.sim.truth, h.appid, PREV_FROM, PREV_TO, TODAY);
      expect(data.previousRange).toEqual({ from: PREV_FROM, to: PREV_TO });
      const kpi = Object.fromEntries(data.kpis.map((k) => [k.metric, k]));
      expect(kpi.articles).toMatchObject({
        value: current.length,
        previous: previous.length,
        abs: current.length - previous.length,
      });
      const readers = sum(current.map((a) => a.latest.readers));
      const previousReaders = sum(previous.map((a) => a.latest.readers));
      expect(kpi.readers).toMatchObject({ value: readers, previous: previousReaders });
      expect(kpi.readers!.pct).toBeCloseTo((readers - previousReaders) / previousReaders, 12);
      expect(kpi.sharers!.value).toBe(sum(current.map((a) => a.latest.sharers)));
      expect(kpi.favourites!.value).toBe(sum(current.map((a) => a.latest.favourites)));
    });

    it("has legacy-only articles before 2025-11-01, and nothing for a range never synced", async () => {
      const data = await load(EARLY_FROM, EARLY_TO);
      const expected = expectedArticles(h.sim.truth, h.appid, EARLY_FROM, EARLY_TO, TODAY);
      expect(data.rows.map((r) => [r.msgid, r.generation, r.readers])).toEqual(
        expected.map((a) => [
          a.msgid,
          a.sendDate < "2025-11-01" ? "legacy" : a.publishType === 0 ? "both" : "new",
          a.latest.readers,
        ]),
      );
      const empty = await load("2024-03-01", "2024-03-10");
      expect(empty.rows).toEqual([]);
      expect(empty.kpis.find((k) => k.metric === "readers")).toMatchObject({ value: null, previous: null, pct: null });
    });

    it("exports the table with Chinese or English headers; its readers add up to the card", async () => {
      const input = articlesView.schema.parse({ account: String(h.account.id), from: FROM, to: TO });
      const data = await articlesView.load(h.database, input, admin);
      const [table, kpis] = articlesView.tables(data, input, zh);
      expect(table!.id).toBe("articles");
      expect(kpis!.id).toBe("kpis");
      const csv = toCsv(table!, "zh").toString("utf8");
      expect(csv.startsWith("\uFEFF")).toBe(true);
      const parsed = Papa.parse<Record<string, string>>(csv.slice(1).trim(), { header: true });
      expect(parsed.data).toHaveLength(current.length);
      expect(sum(parsed.data.map((r) => Number(r["阅读人数"])))).toBe(
        data.kpis.find((k) => k.metric === "readers")!.value,
      );
      expect(new Set(parsed.data.map((r) => r["接口"]))).toContain("新旧版");
      const english = articlesView.tables(data, input, en)[0]!;
      expect(toCsv(english, "en").toString("utf8")).toContain(
        "Send date,Position,Title,Account,Interfaces,Delivered,Readers,Delivery read rate (送达阅读率),Readers ÷ delivered",
      );
    });
  });

  describe("article detail", () => {
    const load = (msgid: string) =>
      articleDetailView.load(
        h.database,
        articleDetailView.schema.parse({ account: String(h.account.id), msgid }),
        admin,
      );

    it("gives the 7-day legacy and 30-day new curves, the headline and the drop-off", async () => {
      // The earliest notified send of the period: its 30-day curve is complete by TODAY.
      const e = current.findLast((a) => a.publishType === 0 && a.position === 1)!;
      const data = await load(e.msgid);
      const last = e.new!.at(-1)!;
      expect(data.article.legacy).toHaveLength(7);
      expect(data.article.new).toHaveLength(30);
      expect(data.article.new!.map((p) => p.readers)).toEqual(e.new!.map((d) => d.read_user));
      expect(data.article.new![3]!.bySource).toEqual(sceneCounts(e.new![3]!.read_user_source));
      expect(data.article.legacy!.map((p) => p.readers)).toEqual(e.legacy!.map((d) => d.int_page_read_user));
      expect(data.headline).toMatchObject({
        day: 29,
        statDate: last.stat_date,
        delivered: e.delivered,
        readers: last.read_user,
        sharers: last.share_user,
        favourites: last.collection_user,
        likes: last.like_user,
        zaikan: last.zaikan_user,
        comments: last.comment_count,
        finishRate: last.read_finish_rate,
        avgActiveMinutes: last.read_avg_activetime,
      });
      expect(data.headline.readRate).toBeCloseTo(last.read_user / e.delivered!, 12);
      expect(data.dropOff!.map((d) => d.position)).toEqual([1, 2, 3, 4, 5]);
      for (const { position, rate } of last.read_jump_position) expect(data.dropOff![position - 1]!.rate).toBe(rate);
      expect(sum(data.dropOff!.map((d) => d.rate))).toBeCloseTo(1, 5);
      expect(data.newFirstDate).toBe("2025-11-01");

      const input = articleDetailView.schema.parse({ account: String(h.account.id), msgid: e.msgid });
      const tables = articleDetailView.tables(data, input, en);
      expect(tables.map((t) => t.id)).toEqual([
        "headline",
        "sources-new",
        "curves-new",
        "sources-legacy",
        "curves-legacy",
        "interactions",
        "quality",
        "dropoff",
      ]);
      const sources = tables.find((t) => t.id === "sources-new")!;
      expect(sources.rows).toHaveLength(30);
      expect(sources.rows[29]).toMatchObject({ day: 29, statDate: last.stat_date, readers: last.read_user });
      expect(zh(tables.find((t) => t.id === "sources-legacy")!.columns.at(-4)!.header)).toBe("历史消息页");
      expect(tables.find((t) => t.id === "headline")!.rows.find((r) => r.metric === "Readers")!.value).toBe(
        last.read_user,
      );
    });

    it("a legacy-only article has no new-generation figures, drop-off or tables for them", async () => {
      const e = expectedArticles(h.sim.truth, h.appid, EARLY_FROM, "2025-10-31", TODAY)[0]!;
      const data = await load(e.msgid);
      expect(data.article.new).toBeNull();
      expect(data.article.curve.map((p) => p.readers)).toEqual(e.legacy!.map((d) => d.int_page_read_user));
      expect(data.headline).toMatchObject({
        readers: e.latest.readers,
        likes: null,
        finishRate: null,
        delivered: e.delivered,
      });
      expect(data.dropOff).toBeNull();
      const input = articleDetailView.schema.parse({ account: String(h.account.id), msgid: e.msgid });
      expect(articleDetailView.tables(data, input, en).map((t) => t.id)).toEqual([
        "headline",
        "sources-legacy",
        "curves-legacy",
      ]);
    });

    it("an unknown article is a 404, a malformed id a validation error", async () => {
      await expect(load("1_1")).rejects.toMatchObject({ code: "not_found" });
      await expect(load("1_1")).rejects.toBeInstanceOf(AppError);
      for (const msgid of ["../etc", "12003_1_2", "abc", "", "12003_"])
        expect(articleRefSchema.safeParse({ account: "1", msgid }).success, msgid).toBe(false);
      expect(articleRefSchema.parse({ account: "3", msgid: "2247483990_1" })).toEqual({
        account: 3,
        msgid: "2247483990_1",
      });
    });
  });

  describe("compare", () => {
    it("validates 2 to 8 distinct, well-formed articles", () => {
      const ids = Array.from({ length: 9 }, (_, i) => `1:100${i}_1`);
      expect(compareSchema.safeParse({ a: ids[0] }).success).toBe(false);
      expect(compareSchema.safeParse({}).success).toBe(false);
      expect(compareSchema.safeParse({ a: ids }).error?.issues[0]?.message).toMatch(/2 to 8/);
      expect(compareSchema.safeParse({ a: [ids[0], ids[0]] }).success).toBe(false);
      for (const bad of ["1-1001_1", "x:1001_1", "0:1001_1", "1:1001_1;drop", "1:", ":1001_1"]) {
        expect(compareSchema.safeParse({ a: [ids[0], bad] }).error?.issues[0]?.message, bad).toMatch(
          /is not an article/,
        );
      }
      expect(compareSchema.parse({ a: ids.slice(0, 8) }).items).toHaveLength(8);
      expect(compareSchema.parse({ a: ["2:5_1", "1:7_2", "2:5_1"] }).items).toEqual([
        { accountId: 2, msgid: "5_1" },
        { accountId: 1, msgid: "7_2" },
      ]);
      // What the page and the routes check rights on.
      expect(compareView.accounts(compareView.schema.parse({ a: ["2:5_1", "1:7_2", "2:6_1"] }))).toEqual([2, 1]);
      expect(compareAccountIds(["3:5_1", "bad", "1:2_1", "3:6_1"])).toEqual([3, 1]);
      expect(compareProblem(["1:5_1"])).toEqual({ kind: "count", count: 1 });
      expect(compareProblem(ids)).toEqual({ kind: "count", count: 9 });
      expect(compareProblem(["1:5_1", "nope"])).toEqual({ kind: "malformed", value: "nope" });
      expect(compareProblem(["1:5_1", "1:6_1"])).toBeNull();
    });

    it("compares in the order asked, leaves out unknown articles and says which", async () => {
      const notified = current.findLast((a) => a.publishType === 0 && a.position === 2)!;
      const legacyOnly = expectedArticles(h.sim.truth, h.appid, EARLY_FROM, "2025-10-31", TODAY)[0]!;
      const unknown = `${h.account.id}:1_1`;
      const input = compareView.schema.parse({
        a: [`${h.account.id}:${notified.msgid}`, unknown, `${h.account.id}:${legacyOnly.msgid}`],
        scale: "per1000",
      });
      const data = await compareView.load(h.database, input, admin);
      expect(data.articles.map((a) => a.msgid)).toEqual([notified.msgid, legacyOnly.msgid]);
      expect(data.missing).toEqual([unknown]);
      const last = notified.new!.at(-1)!;
      expect(data.articles[0]!.latest).toMatchObject({
        readers: last.read_user,
        sharers: last.share_user,
        favourites: last.collection_user,
        likes: last.like_user,
      });
      expect(data.articles[0]!.curve).toHaveLength(30);
      expect(data.articles[1]!.curve).toHaveLength(legacyOnly.legacy!.length);
      expect(data.articles[1]!.latest).toMatchObject({ readers: legacyOnly.latest.readers, likes: null, zaikan: null });

      const tables = compareView.tables(data, input, en);
      expect(tables.map((t) => t.id)).toEqual(["metrics", "curve-readers", "curve-sharers", "curve-favourites"]);
      const metrics = tables[0]!;
      expect(en(metrics.columns[1]!.header)).toBe(`${notified.title} (${notified.sendDate})`);
      // Both at the same age: day 6, the last day of the legacy curve (not the new article's day 29).
      expect(sameAgeDay(data.articles)).toBe(6);
      expect(metrics.rows.find((r) => r.metric === "Readers")).toMatchObject({
        a0: notified.new![6]!.read_user,
        a1: legacyOnly.legacy![6]!.int_page_read_user,
      });
      expect(metrics.rows.find((r) => r.metric === "Likes")).toMatchObject({
        a0: notified.new![6]!.like_user,
        a1: null,
      });
      // A chosen day the legacy article never reached: its figures are blank, not its last ones.
      const at29 = compareView.tables(data, { ...input, day: 29 }, en)[0]!;
      expect(at29.rows.find((r) => r.metric === "Readers")).toMatchObject({ a0: last.read_user, a1: null });
      // Per 1,000 delivered, aligned by day since send; the legacy curve stops after 7 days.
      const readers = tables[1]!;
      expect(readers.rows).toHaveLength(30);
      expect(readers.rows[0]).toMatchObject({
        day: 0,
        a0: Math.round((notified.new![0]!.read_user / notified.delivered!) * 1000 * 100) / 100,
      });
      expect(readers.rows[6]!.a1).toBe(
        Math.round((legacyOnly.legacy![6]!.int_page_read_user / legacyOnly.delivered!) * 1000 * 100) / 100,
      );
      expect(readers.rows[7]!.a1).toBeNull();
      const absolute = compareView.tables(data, { ...input, scale: "absolute" }, en)[1]!;
      expect(absolute.rows[29]!.a0).toBe(last.read_user);
      expect(zh(absolute.title)).toBe("累计阅读人数");
    });

    it("an account not in the database leaves nothing to compare", async () => {
      const e = current[0]!;
      const data = await compareView.load(
        h.database,
        compareView.schema.parse({ a: [`999:${e.msgid}`, `${h.account.id}:1_1`] }),
        admin,
      );
      expect(data).toEqual({ articles: [], missing: [`999:${e.msgid}`, `${h.account.id}:1_1`] });
    });
  });
});
