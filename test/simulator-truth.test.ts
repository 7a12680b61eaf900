import { describe, expect, it } from "vitest";

import { addDaysIso, eachDay } from "@/lib/dates";
import { ENDPOINT_NAMES, type EndpointName, ENDPOINTS } from "@/lib/wechat/endpoints";
import { BASE_METRIC_KEYS, LEGACY_SOURCE_FIELDS } from "@/lib/wechat/rows";
import { createGroundTruth, type Row } from "@/simulator/truth";

/* 120 days across the start of the new generation, with every curve complete by TODAY. */
const FROM = "2025-10-01";
const TO = "2026-01-28";
const TODAY = "2026-03-15";
const NEW_FROM = ENDPOINTS.getarticleread.firstDate;
const DAYS = eachDay(FROM, TO);
const truth = createGroundTruth({ seed: 1, accounts: 2 });
const APPIDS = truth.accounts.map((a) => a.appid);

type Metrics = Record<(typeof BASE_METRIC_KEYS)[number], number>;
type LegacyRow = Metrics & {
  ref_date: string;
  user_source: number;
  ref_hour: number;
  msgid: string;
  title: string;
  share_scene: number;
};
/** A getarticletotal detail: the base metrics plus per-source fields read by computed name. */
type TotalDetail = Metrics & { stat_date: string; target_user: number } & Partial<Record<string, number>>;
interface SceneCount {
  scene_desc: string;
  user_count: number;
}
interface ArticleRead {
  msgid: string;
  title?: string;
  detail: { read_user: number; read_user_source: SceneCount[] };
}
interface TotalRow {
  ref_date: string;
  msgid: string;
  title: string;
  details: TotalDetail[];
}
interface TotalDetailRow {
  ref_date: string;
  msgid: string;
  publish_type: number;
  detail_list: (Row & {
    stat_date: string;
    read_user: number;
    share_user: number;
    collection_user: number;
    read_user_source: SceneCount[];
  })[];
}

const memo = new Map<string, Row[]>();
/** One day of one endpoint, as of TODAY unless told (memoised: the rows are never mutated). */
function get<T = LegacyRow>(appid: string, endpoint: EndpointName, date: string, today = TODAY): T[] {
  const key = `${appid} ${endpoint} ${date} ${today}`;
  let list = memo.get(key);
  if (!list) memo.set(key, (list = truth.rows(appid, endpoint, date, date, { today }).list));
  return list as T[];
}

/** legacy source field name (getarticletotal) -> user_source code */
const SOURCE_CODE: Record<(typeof LEGACY_SOURCE_FIELDS)[number], number> = {
  session: 0,
  friends: 1,
  feed: 2,
  hist_msg: 4,
  other: 5,
  kanyikan: 6,
  souyisou: 7,
};
/** scene_desc -> user_source code */
const SCENE_CODE: Record<string, number> = {
  公众号消息: 0,
  聊天会话: 1,
  朋友圈: 2,
  公众号主页: 4,
  其他: 5,
  推荐: 6,
  搜一搜: 7,
};

/** JSON with object keys sorted, so key order does not matter. */
const canonicalJson = (value: unknown): string =>
  JSON.stringify(value, (_, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
const pickMetrics = (row: Metrics): Record<string, number> =>
  Object.fromEntries(BASE_METRIC_KEYS.map((k) => [k, row[k]]));
const sumMetrics = (rows: Metrics[]): Record<string, number> =>
  Object.fromEntries(BASE_METRIC_KEYS.map((k) => [k, rows.reduce((s, r) => s + r[k], 0)]));
const scene = (detail: { read_user_source: SceneCount[] }, desc: string) =>
  detail.read_user_source.find((s) => s.scene_desc === desc)?.user_count;

describe("ground truth: accounts and shapes", () => {
  it("names accounts, credentials and refresh tokens predictably", () => {
    const three = createGroundTruth();
    expect(three.accounts.map((a) => [a.index, a.appid, a.secret, a.refreshToken])).toEqual([
      [1, "wxsim0000000001", "simsecret1", "simrefresh1"],
      [2, "wxsim0000000002", "simsecret2", "simrefresh2"],
      [3, "wxsim0000000003", "simsecret3", "simrefresh3"],
    ]);
    expect(new Set(three.accounts.map((a) => a.name)).size).toBe(3);
    expect(createGroundTruth({ accounts: 12 }).accounts[11]?.appid).toBe("wxsim0000000012");
    expect(() => createGroundTruth({ accounts: 0 })).toThrow(RangeError);
  });

  it("validates every endpoint's rows against its schema without defaults filling anything in", () => {
    const changedByParsing: string[] = [];
    for (const appid of APPIDS) {
      for (const endpoint of ENDPOINT_NAMES) {
        const schema = ENDPOINTS[endpoint].rowSchema;
        let rows = 0;
        for (const date of DAYS.filter((_, i) => i % 6 === 0 || i > 116)) {
          for (const row of get<Row>(appid, endpoint, date)) {
            const parsed = schema.safeParse(row);
            if (!parsed.success) throw new Error(`${endpoint} ${date}: ${parsed.error.message}`);
            // Text WeChat leaves out is read as null (rows.ts); any other difference is a default filling in.
            const read = Object.fromEntries(
              Object.entries(parsed.data as Row).filter(([key, value]) => value !== null || key in (row as object)),
            );
            if (canonicalJson(read) !== canonicalJson(row))
              changedByParsing.push(`${endpoint} ${date} ${canonicalJson(row)}`);
            rows++;
          }
        }
        expect(rows, endpoint).toBeGreaterThan(0);
      }
    }
    expect(changedByParsing).toEqual([]);
  });

  it("carries every documented field", () => {
    const appid = APPIDS[0]!;
    const day = DAYS.find((d) => get(appid, "getarticletotal", d).length > 0)!;
    const total = get<TotalRow>(appid, "getarticletotal", day)[0]!;
    const detailKeys = Object.keys(total.details[0]!);
    expect(detailKeys).toEqual(expect.arrayContaining(["stat_date", "target_user", ...BASE_METRIC_KEYS]));
    for (const s of LEGACY_SOURCE_FIELDS)
      expect(detailKeys).toEqual(
        expect.arrayContaining([`int_page_from_${s}_read_user`, `int_page_from_${s}_read_count`]),
      );
    for (const s of ["session", "feed", "other"])
      expect(detailKeys).toEqual(expect.arrayContaining([`feed_share_from_${s}_user`, `feed_share_from_${s}_cnt`]));

    const newDay = DAYS.find((d) => d >= NEW_FROM && get(appid, "getarticletotaldetail", d).length > 0)!;
    const detailRow = get<TotalDetailRow>(appid, "getarticletotaldetail", newDay)[0]!;
    expect(Object.keys(detailRow)).toEqual([
      "ref_date",
      "msgid",
      "publish_type",
      "title",
      "content_url",
      "detail_list",
    ]);
    expect(detailRow.detail_list).toHaveLength(30);
    const entry = detailRow.detail_list[29]!;
    expect(Object.keys(entry).sort()).toEqual(
      [
        "stat_date",
        "read_user",
        "read_user_source",
        "share_user",
        "zaikan_user",
        "like_user",
        "comment_count",
        "collection_user",
        "praise_money",
        "read_subscribe_user",
        "read_delivery_rate",
        "read_finish_rate",
        "read_avg_activetime",
        "read_jump_position",
      ].sort(),
    );
    const jumps = entry.read_jump_position as { position: number; rate: number }[];
    expect(jumps.length).toBeGreaterThan(0);
    for (const j of jumps) expect(j.position).toBeGreaterThanOrEqual(1);
    expect(jumps.reduce((s, j) => s + j.rate, 0)).toBeCloseTo(1, 5);
    for (const k of ["read_delivery_rate", "read_finish_rate"]) expect(entry[k]).toBeGreaterThanOrEqual(0);
    expect(entry.read_finish_rate).toBeLessThanOrEqual(1);

    const hours = get(appid, "getuserreadhour", newDay).map((r) => r.ref_hour);
    expect(new Set(hours)).toEqual(new Set(Array.from({ length: 24 }, (_, h) => h * 100)));
    expect(get(appid, "getuserread", newDay).map((r) => r.user_source)).toEqual([99999999, 0, 1, 2, 4, 5, 6, 7]);
    expect(get(appid, "getusershare", newDay).map((r) => r.share_scene)).toEqual([1, 2, 255]);
  });

  it("is deterministic per seed", () => {
    const again = createGroundTruth({ seed: 1, accounts: 2 });
    const other = createGroundTruth({ seed: 2, accounts: 2 });
    const week = eachDay("2026-01-04", "2026-01-10");
    for (const endpoint of ENDPOINT_NAMES) {
      const answers = (t: typeof truth) => week.map((d) => t.rows(APPIDS[1]!, endpoint, d, d, { today: TODAY }));
      const a = answers(truth);
      expect(
        a.some((answer) => answer.list.length > 0),
        endpoint,
      ).toBe(true);
      expect(answers(again)).toEqual(a);
      expect(JSON.stringify(answers(other))).not.toBe(JSON.stringify(a));
    }
    // Asking in another order (cold caches, other days first) changes nothing.
    const cold = createGroundTruth({ seed: 1, accounts: 2 });
    cold.rows(APPIDS[0]!, "getarticletotaldetail", "2025-12-01", "2025-12-01", { today: TODAY });
    expect(cold.rows(APPIDS[1]!, "getuserreadhour", "2026-01-10", "2026-01-10", { today: TODAY })).toEqual(
      truth.rows(APPIDS[1]!, "getuserreadhour", "2026-01-10", "2026-01-10", { today: TODAY }),
    );
  });
});

describe("ground truth: magnitudes", () => {
  it("gives each account its own size, slow growth and several sends a week", () => {
    const three = createGroundTruth();
    const followers = three.accounts.map((a) => three.followersOn(a.appid, "2026-01-01"));
    expect(followers[0]).toBeGreaterThan(100_000);
    expect(followers[0]).toBeLessThan(300_000);
    expect(followers[1]).toBeGreaterThan(1_500_000);
    expect(followers[2]).toBeLessThan(80_000);
    for (const a of three.accounts) {
      const growth = three.followersOn(a.appid, "2026-12-31") / three.followersOn(a.appid, "2026-01-01");
      expect(growth).toBeGreaterThan(1);
      expect(growth).toBeLessThan(1.4);
    }
    expect(createGroundTruth({ seed: 7 }).followersOn("wxsim0000000001", "2026-01-01")).not.toBe(followers[0]);

    for (const a of three.accounts) {
      const year = eachDay("2025-01-01", "2025-12-31");
      const sends = year.map((d) => three.sendOn(a.appid, d)).filter((s) => s !== undefined);
      const perWeek = (sends.length / year.length) * 7;
      expect(perWeek).toBeGreaterThan(2.5);
      expect(perWeek).toBeLessThan(6.5);
      for (const send of sends) {
        expect(send.articles.length).toBeGreaterThanOrEqual(1);
        expect(send.articles.length).toBeLessThanOrEqual(8);
        expect(send.articles.map((x) => x.msgid)).toEqual(send.articles.map((_, i) => `${send.msgDataId}_${i + 1}`));
        expect(send.articles.every((x) => /[\u4e00-\u9fff]/.test(x.title))).toBe(true);
      }
      expect(new Set(sends.map((s) => s.msgDataId)).size).toBe(sends.length);
      expect(new Set(sends.filter((s) => s.publishType === 0).map((s) => s.hour)).size).toBe(1);
      // Publishing without notification only exists from the new generation's first day.
      expect(eachDay("2025-01-01", "2025-10-31").some((d) => three.sendOn(a.appid, d)?.publishType === 1)).toBe(false);
      expect(eachDay("2025-11-01", "2026-04-30").some((d) => three.sendOn(a.appid, d)?.publishType === 1)).toBe(true);
    }
  });

  it("reads like an account: evenings beat nights, the send hour peaks, articles stop after 60 days", () => {
    const appid = APPIDS[0]!;
    let night = 0;
    let evening = 0;
    let atSendHour = 0;
    let hourBeforeSend = 0;
    for (const date of DAYS) {
      const all = get(appid, "getuserreadhour", date).filter((r) => r.user_source === 99999999);
      const at = (h: number) => all.find((r) => r.ref_hour === h * 100)?.int_page_read_user ?? 0;
      night += at(3) + at(4);
      evening += at(21) + at(22);
      const send = truth.sendOn(appid, date);
      if (send?.publishType === 0 && send.hour > 0) {
        atSendHour += at(send.hour);
        hourBeforeSend += at(send.hour - 1);
      }
    }
    expect(evening).toBeGreaterThan(night * 5);
    expect(atSendHour).toBeGreaterThan(hourBeforeSend * 2);

    const sendDay = DAYS.find((d) => truth.sendOn(appid, d)?.publishType === 0)!;
    const msgid = truth.sendOn(appid, sendDay)!.articles[0]!.msgid;
    const readOn = (offset: number) =>
      get(appid, "getarticlesummary", addDaysIso(sendDay, offset)).find((r) => r.msgid === msgid);
    expect(readOn(0)?.int_page_read_user).toBeGreaterThan(0);
    expect(readOn(60)).toBeUndefined();
    expect(readOn(0)!.int_page_read_user).toBeGreaterThan(readOn(5)?.int_page_read_user ?? 0);
  });
});

describe("ground truth: every endpoint is a view of the same truth", () => {
  it("hourly rows sum to daily rows; sources sum to 99999999; counts >= users", () => {
    for (const appid of APPIDS) {
      for (const date of DAYS) {
        const daily = get(appid, "getuserread", date);
        const hourly = get(appid, "getuserreadhour", date);
        expect(daily).toHaveLength(8);
        for (const row of daily) {
          expect(pickMetrics(row), `${date} source ${row.user_source}`).toEqual(
            sumMetrics(hourly.filter((h) => h.user_source === row.user_source)),
          );
        }
        const all = daily.find((r) => r.user_source === 99999999)!;
        expect(all.int_page_read_user).toBeGreaterThan(0);
        expect(pickMetrics(all)).toEqual(sumMetrics(daily.filter((r) => r.user_source !== 99999999)));
        const byHour = new Map<number, LegacyRow[]>();
        for (const r of hourly) byHour.set(r.ref_hour, [...(byHour.get(r.ref_hour) ?? []), r]);
        for (const hour of byHour.values()) {
          const hourAll = hour.find((r) => r.user_source === 99999999);
          expect(hourAll).toBeDefined();
          expect(pickMetrics(hourAll!)).toEqual(sumMetrics(hour.filter((r) => r.user_source !== 99999999)));
        }
        // One assertion for all rows: thousands of separate expects would dominate the run time.
        const countBelowUsers = [...daily, ...hourly].filter(
          (r) =>
            r.int_page_read_count < r.int_page_read_user ||
            r.ori_page_read_count < r.ori_page_read_user ||
            r.share_count < r.share_user ||
            r.add_to_fav_count < r.add_to_fav_user,
        );
        expect(countBelowUsers).toEqual([]);
      }
    }
  });

  it("share scenes: hours sum to days, scenes sum to the account's shares", () => {
    for (const appid of APPIDS) {
      for (const date of DAYS) {
        const shares = get(appid, "getusershare", date);
        const hourly = get(appid, "getusersharehour", date);
        for (const row of shares) {
          const hours = hourly.filter((h) => h.share_scene === row.share_scene);
          expect(row.share_user).toBe(hours.reduce((s, h) => s + h.share_user, 0));
          expect(row.share_count).toBe(hours.reduce((s, h) => s + h.share_count, 0));
          expect(row.share_count).toBeGreaterThanOrEqual(row.share_user);
        }
        const all = get(appid, "getuserread", date).find((r) => r.user_source === 99999999)!;
        expect(shares.reduce((s, r) => s + r.share_user, 0)).toBe(all.share_user);
        expect(shares.reduce((s, r) => s + r.share_count, 0)).toBe(all.share_count);
      }
    }
  });

  it("getarticlesummary days add up to getarticletotal's cumulative differences; sources add up", () => {
    let checked = 0;
    for (const appid of APPIDS) {
      for (const sendDate of DAYS) {
        for (const total of get<TotalRow>(appid, "getarticletotal", sendDate)) {
          expect(total.ref_date).toBe(sendDate);
          expect(total.details.map((d) => d.stat_date)).toEqual(eachDay(sendDate, addDaysIso(sendDate, 6)));
          let previous: Record<string, number> = Object.fromEntries(BASE_METRIC_KEYS.map((k) => [k, 0]));
          for (const detail of total.details) {
            const day = get(appid, "getarticlesummary", detail.stat_date).find((r) => r.msgid === total.msgid);
            const difference = Object.fromEntries(
              BASE_METRIC_KEYS.map((k) => [k, (detail[k] ?? 0) - (previous[k] ?? 0)]),
            );
            expect(
              day ? pickMetrics(day) : Object.fromEntries(BASE_METRIC_KEYS.map((k) => [k, 0])),
              `${total.msgid} ${detail.stat_date}`,
            ).toEqual(difference);
            if (day) expect(day.title).toBe(total.title);
            expect(LEGACY_SOURCE_FIELDS.reduce((s, f) => s + (detail[`int_page_from_${f}_read_user`] ?? 0), 0)).toBe(
              detail.int_page_read_user,
            );
            expect(LEGACY_SOURCE_FIELDS.reduce((s, f) => s + (detail[`int_page_from_${f}_read_count`] ?? 0), 0)).toBe(
              detail.int_page_read_count,
            );
            expect(
              (detail.feed_share_from_session_user ?? 0) +
                (detail.feed_share_from_feed_user ?? 0) +
                (detail.feed_share_from_other_user ?? 0),
            ).toBeLessThanOrEqual(detail.share_user ?? 0);
            expect(detail.target_user).toBe(truth.followersOn(appid, sendDate));
            previous = pickMetrics(detail);
            checked++;
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(500);
  });

  it("legacy covers group sends only; the new generation covers publishing without notification too", () => {
    let silent = 0;
    for (const appid of APPIDS) {
      for (const date of DAYS.filter((d) => d >= NEW_FROM)) {
        const send = truth.sendOn(appid, date);
        if (send?.publishType !== 1) continue;
        silent++;
        const ids = send.articles.map((a) => a.msgid);
        expect(get(appid, "getarticletotal", date)).toEqual([]);
        expect(get<TotalDetailRow>(appid, "getarticletotaldetail", date).map((r) => [r.msgid, r.publish_type])).toEqual(
          ids.map((id) => [id, 1]),
        );
        const read = get<ArticleRead>(appid, "getarticleread", date).filter((r) => ids.includes(r.msgid));
        expect(read.length).toBeGreaterThan(0);
        expect(get(appid, "getarticlesummary", date).filter((r) => ids.includes(r.msgid))).toEqual([]);
        // The session (notification) channel is empty for them.
        for (const r of read) expect(scene(r.detail, "公众号消息")).toBe(0);
      }
    }
    expect(silent).toBeGreaterThan(3);
  });

  it("new generation agrees with legacy on group-sent articles, day by day and scene by source", () => {
    // Mismatches are collected and asserted once: per-row expects would dominate the run time.
    const mismatches: string[] = [];
    const check = (what: string, actual: unknown, expected: unknown) => {
      if (actual !== expected) mismatches.push(`${what}: ${String(actual)} != ${String(expected)}`);
    };
    const SCENES = ["全部", "公众号消息", "聊天会话", "朋友圈", "公众号主页", "推荐", "搜一搜", "其他"].join();
    let compared = 0;
    for (const appid of APPIDS) {
      for (const date of DAYS.filter((d) => d >= NEW_FROM)) {
        const summary = new Map(get(appid, "getarticlesummary", date).map((r) => [r.msgid, r]));
        const reads = get<ArticleRead>(appid, "getarticleread", date);
        const groupReads = reads.filter((r) => summary.has(r.msgid) || !isSilent(appid, r.msgid));
        expect(groupReads.map((r) => r.msgid).sort(), date).toEqual([...summary.keys()].sort());
        for (const r of groupReads) {
          check(`${date} ${r.msgid} read_user`, r.detail.read_user, summary.get(r.msgid)!.int_page_read_user);
          compared++;
        }
        for (const r of reads) {
          check(`${date} ${r.msgid} scenes`, r.detail.read_user_source.map((x) => x.scene_desc).join(), SCENES);
          check(`${date} ${r.msgid} 全部`, scene(r.detail, "全部"), r.detail.read_user);
          check(
            `${date} ${r.msgid} scene sum`,
            r.detail.read_user_source.slice(1).reduce((sum, x) => sum + x.user_count, 0),
            r.detail.read_user,
          );
        }
        const shares = new Map(
          get<{ msgid: string; detail: { share_user: number } }>(appid, "getarticleshare", date).map((r) => [
            r.msgid,
            r.detail.share_user,
          ]),
        );
        for (const [msgid, row] of summary)
          check(`${date} ${msgid} share_user`, shares.get(msgid) ?? 0, row.share_user);

        // Scenes per article per day = differences of getarticletotal's cumulative sources.
        for (const total of get<TotalRow>(appid, "getarticletotal", date)) {
          total.details.forEach((detail, k) => {
            const statDate = detail.stat_date;
            const read = get<ArticleRead>(appid, "getarticleread", statDate).find((r) => r.msgid === total.msgid);
            for (const field of LEGACY_SOURCE_FIELDS) {
              const key = `int_page_from_${field}_read_user`;
              const daily = (detail[key] ?? 0) - (k > 0 ? (total.details[k - 1]![key] ?? 0) : 0);
              const desc = Object.keys(SCENE_CODE).find((d) => SCENE_CODE[d] === SOURCE_CODE[field])!;
              check(`${total.msgid} ${statDate} ${field}`, read ? scene(read.detail, desc) : 0, daily);
            }
          });
        }
      }
    }
    expect(mismatches).toEqual([]);
    expect(compared).toBeGreaterThan(1000);
  });

  it("getarticletotaldetail agrees with getarticletotal for the first 7 days and keeps accumulating to 30", () => {
    let compared = 0;
    for (const appid of APPIDS) {
      for (const date of DAYS.filter((d) => d >= NEW_FROM)) {
        const legacy = new Map(get<TotalRow>(appid, "getarticletotal", date).map((r) => [r.msgid, r]));
        for (const row of get<TotalDetailRow>(appid, "getarticletotaldetail", date)) {
          expect(row.detail_list.map((d) => d.stat_date)).toEqual(eachDay(date, addDaysIso(date, 29)));
          for (let k = 1; k < 30; k++)
            expect(row.detail_list[k]!.read_user).toBeGreaterThanOrEqual(row.detail_list[k - 1]!.read_user);
          for (const entry of row.detail_list)
            expect(entry.read_user_source.slice(1).reduce((s, x) => s + x.user_count, 0)).toBe(entry.read_user);
          const old = legacy.get(row.msgid);
          expect(Boolean(old)).toBe(row.publish_type === 0);
          if (!old) continue;
          old.details.forEach((d, k) => {
            const entry = row.detail_list[k]!;
            expect([entry.read_user, entry.share_user, entry.collection_user]).toEqual([
              d.int_page_read_user,
              d.share_user,
              d.add_to_fav_user,
            ]);
            for (const field of LEGACY_SOURCE_FIELDS) {
              const desc = Object.keys(SCENE_CODE).find((x) => SCENE_CODE[x] === SOURCE_CODE[field])!;
              expect(scene(entry, desc)).toBe(d[`int_page_from_${field}_read_user`]);
            }
            compared++;
          });
        }
      }
    }
    expect(compared).toBeGreaterThan(200);
  });

  it("getbizsummary is the account's getuserread day; send_page_count counts the day's articles", () => {
    for (const appid of APPIDS) {
      const biz = truth.rows(appid, "getbizsummary", NEW_FROM, addDaysIso(NEW_FROM, 29), { today: TODAY });
      expect(biz.list).toHaveLength(30);
      const more = truth.rows(appid, "getbizsummary", addDaysIso(NEW_FROM, 30), TO, { today: TODAY }).list;
      for (const row of [...biz.list, ...more] as {
        ref_date: string;
        detail: Record<string, number> & { read_user_source: SceneCount[] };
      }[]) {
        const all = get(appid, "getuserread", row.ref_date);
        const total = all.find((r) => r.user_source === 99999999)!;
        const d = row.detail;
        expect([d.read_user, d.share_user, d.collection_user, d.redirect_ori_page_user]).toEqual([
          total.int_page_read_user,
          total.share_user,
          total.add_to_fav_user,
          total.ori_page_read_user,
        ]);
        for (const s of d.read_user_source.slice(1))
          expect(s.user_count).toBe(all.find((r) => r.user_source === SCENE_CODE[s.scene_desc])!.int_page_read_user);
        const published = get<TotalDetailRow>(appid, "getarticletotaldetail", row.ref_date).length;
        expect(d.send_page_count).toBe(published);
        expect(d.send_page_count).toBe(truth.sendOn(appid, row.ref_date)?.articles.length ?? 0);
        expect(d.like_user).toBeGreaterThan(0);
      }
    }
  });
});

const silentMsgids = new Set(
  APPIDS.flatMap((appid) =>
    eachDay(addDaysIso(FROM, -60), TO).flatMap((date) => {
      const send = truth.sendOn(appid, date);
      return send?.publishType === 1 ? send.articles.map((a) => `${appid} ${a.msgid}`) : [];
    }),
  ),
);
/** Whether a msgid belongs to a send published without notification. */
const isSilent = (appid: string, msgid: string) => silentMsgids.has(`${appid} ${msgid}`);

describe("ground truth: followers (user analysis)", () => {
  interface SummaryRow {
    ref_date: string;
    user_source: number;
    new_user: number;
    cancel_user: number;
  }
  const cumulate = (appid: string, date: string) =>
    get<{ ref_date: string; cumulate_user: number }>(appid, "getusercumulate", date)[0]?.cumulate_user;

  it("gains minus losses of a day equal the change of the total, which is the target_user of that day's send", () => {
    for (const appid of APPIDS) {
      let sendDays = 0;
      for (const date of DAYS.slice(1)) {
        const rows = get<SummaryRow>(appid, "getusersummary", date);
        const net = rows.reduce((s, r) => s + r.new_user - r.cancel_user, 0);
        expect(net, `${appid} ${date}`).toBe(cumulate(appid, date)! - cumulate(appid, addDaysIso(date, -1))!);
        expect(cumulate(appid, date)).toBe(truth.followersOn(appid, date));
        for (const r of rows) expect(r.new_user + r.cancel_user, `${date} ${r.user_source}`).toBeGreaterThan(0);
        const send = truth.sendOn(appid, date);
        if (send) {
          sendDays++;
          expect(send.targetUser).toBe(cumulate(appid, date));
        }
      }
      expect(sendDays).toBeGreaterThan(30);
    }
  });

  it("reports the documented follow sources, codes that came later only from their start, and an unnamed code", () => {
    const appid = APPIDS[0]!;
    const codes = new Set(DAYS.flatMap((d) => get<SummaryRow>(appid, "getusersummary", d).map((r) => r.user_source)));
    expect([...codes].sort((a, b) => a - b)).toEqual([0, 1, 17, 30, 51, 57, 100, 149, 161, 200, 201]);
    const old = truth.rows(appid, "getusersummary", "2019-06-01", "2019-06-07").list as unknown as SummaryRow[];
    expect(old.length).toBeGreaterThan(0);
    expect(old.some((r) => [161, 200, 201].includes(r.user_source))).toBe(false);
    // Everyone who unfollowed is under source 0; articles sent bring followers through source 57.
    for (const d of DAYS)
      for (const r of get<SummaryRow>(appid, "getusersummary", d))
        if (r.user_source !== 0) expect(r.cancel_user).toBe(0);
  });

  it("answers a 7-day window as the 7 single days", () => {
    const appid = APPIDS[1]!;
    const week = truth.rows(appid, "getusercumulate", "2026-01-04", "2026-01-10", { today: TODAY }).list;
    expect(week.map((r) => r.ref_date)).toEqual(eachDay("2026-01-04", "2026-01-10"));
    const summary = truth.rows(appid, "getusersummary", "2026-01-04", "2026-01-10", { today: TODAY }).list;
    expect(summary).toEqual(eachDay("2026-01-04", "2026-01-10").flatMap((d) => get(appid, "getusersummary", d)));
  });
});

describe("ground truth: dates, today and delay", () => {
  const appid = "wxsim0000000001";

  it("answers nothing before a generation's first day", () => {
    expect(truth.rows(appid, "getuserread", "2014-11-28", "2014-11-30").list).toEqual([]);
    expect(truth.rows(appid, "getuserread", "2014-11-30", "2014-12-02").list.map((r) => r.ref_date)).toEqual(
      expect.arrayContaining(["2014-12-01", "2014-12-02"]),
    );
    expect(
      truth.rows(appid, "getuserread", "2014-11-30", "2014-12-02").list.some((r) => r.ref_date === "2014-11-30"),
    ).toBe(false);
    for (const endpoint of ["getarticleread", "getarticleshare", "getbizsummary", "getarticletotaldetail"] as const) {
      expect(truth.rows(appid, endpoint, "2025-10-31", "2025-10-31").list).toEqual([]);
    }
    expect(truth.rows(appid, "getbizsummary", "2025-10-31", "2025-11-01").list).toHaveLength(1);
    // Before Top Stories / Search existed, their rows and fields are absent.
    expect(truth.rows(appid, "getuserread", "2019-06-01", "2019-06-01").list.map((r) => r.user_source)).toEqual([
      99999999, 0, 1, 2, 4, 5,
    ]);
  });

  it("only dates before today exist; curves stop the day before today", () => {
    const sendDate = eachDay("2026-01-01", "2026-02-28").find((d) => truth.sendOn(appid, d)?.publishType === 0)!;
    const today = addDaysIso(sendDate, 3);
    expect(
      truth.rows(appid, "getuserread", sendDate, addDaysIso(sendDate, 5), { today }).list.map((r) => r.ref_date),
    ).not.toContain(today);
    const total = get<TotalRow>(appid, "getarticletotal", sendDate, today)[0]!;
    expect(total.details.map((d) => d.stat_date)).toEqual(eachDay(sendDate, addDaysIso(today, -1)));
    const detail = get<TotalDetailRow>(appid, "getarticletotaldetail", sendDate, today)[0]!;
    expect(detail.detail_list).toHaveLength(3);
    expect(get(appid, "getarticlesummary", today, today)).toEqual([]);
    // Without a today the curves are complete.
    expect(
      (truth.rows(appid, "getarticletotal", sendDate, sendDate).list[0] as unknown as TotalRow).details,
    ).toHaveLength(7);
  });

  it("marks recent new-generation days is_delay with partial figures; legacy and older days are final", () => {
    const today = "2026-02-10";
    const recent = "2026-02-08";
    const final = truth.rows(appid, "getbizsummary", recent, recent, { today });
    const delayed = truth.rows(appid, "getbizsummary", recent, recent, { today, delayDays: 2 });
    expect(final.isDelay).toBe(false);
    expect(delayed.isDelay).toBe(true);
    const f = (final.list[0] as { detail: Record<string, number> }).detail;
    const p = (delayed.list[0] as { detail: Record<string, number> }).detail;
    expect(Object.keys(p)).toEqual(Object.keys(f));
    expect(p.read_user).toBe(Math.floor(f.read_user! * 0.7));
    expect(p.share_user).toBe(Math.floor(f.share_user! * 0.7));

    const reads = truth.rows(appid, "getarticleread", recent, recent, { today, delayDays: 2 });
    expect(reads.isDelay).toBe(true);
    expect(reads.list.map((r) => r.msgid)).toEqual(
      get<Row>(appid, "getarticleread", recent, today).map((r) => r.msgid),
    );

    expect(truth.rows(appid, "getbizsummary", "2026-02-01", "2026-02-01", { today, delayDays: 2 }).isDelay).toBe(false);
    const legacy = truth.rows(appid, "getuserread", recent, recent, { today, delayDays: 2 });
    expect(legacy.isDelay).toBe(false);
    expect(legacy.list).toEqual(get<Row>(appid, "getuserread", recent, today));
  });

  it("sorts rows deterministically (by date, then msgid / hour / source)", () => {
    const list = truth.rows(appid, "getarticlesummary", "2026-01-05", "2026-01-07", { today: TODAY })
      .list as LegacyRow[];
    const keys = list.map((r) => `${r.ref_date} ${r.msgid.padStart(14, "0")}`);
    expect(keys).toEqual([...keys].sort());
  });
});

describe("ground truth: speed", () => {
  it("answers a year of every endpoint quickly", () => {
    const fresh = createGroundTruth({ seed: 3, accounts: 2 });
    const start = performance.now();
    for (const date of eachDay("2025-02-01", "2026-01-31")) {
      for (const endpoint of ENDPOINT_NAMES) fresh.rows("wxsim0000000002", endpoint, date, date, { today: TODAY });
    }
    const elapsed = performance.now() - start;
    expect(elapsed).toBeLessThan(8_000);
  });
});
