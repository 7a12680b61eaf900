import type { Channel } from "@/lib/analytics/channels";
import { addDaysIso, eachDay, type IsoDate, weekdayIso } from "@/lib/dates";
import type { GroundTruth } from "@/simulator/truth";

/**
 * What the dashboard pages should show, computed straight from the simulator's ground truth
 * (the datacube answers), never from the database. Shared by the Vitest and Playwright tests;
 * the channel tables are written out again here on purpose, so a wrong mapping in
 * lib/analytics/channels.ts cannot hide itself.
 */

type Counts = Partial<Record<Channel, number>>;
const USER_SOURCE: Record<number, Channel> = {
  0: "session",
  1: "friends",
  2: "moments",
  3: "other",
  4: "profile",
  5: "other",
  6: "recommend",
  7: "search",
};
const SCENE: Record<string, Channel> = {
  公众号消息: "session",
  聊天会话: "friends",
  朋友圈: "moments",
  公众号主页: "profile",
  推荐: "recommend",
  搜一搜: "search",
  其他: "other",
};
const ALL = 99_999_999;

interface BaseMetrics {
  ref_date: string;
  user_source: number;
  int_page_read_user: number;
  int_page_read_count: number;
  share_user: number;
  add_to_fav_user: number;
}
type HourRow = BaseMetrics & { ref_hour: number };
interface SceneCount {
  scene_desc: string;
  user_count: number;
}
interface BizSummary {
  ref_date: string;
  detail: {
    read_user: number;
    read_user_source: SceneCount[];
    share_user: number;
    collection_user: number;
    like_user: number;
    zaikan_user: number;
    comment_count: number;
  };
}
interface ShareRow {
  ref_date: string;
  ref_hour?: number;
  share_scene: number;
  share_count: number;
  share_user: number;
}
export interface LegacyDetail {
  stat_date: string;
  target_user: number;
  int_page_read_user: number;
  int_page_read_count: number;
  share_user: number;
  add_to_fav_user: number;
  [key: string]: unknown;
}
export interface NewDetail {
  stat_date: string;
  read_user: number;
  read_user_source: SceneCount[];
  share_user: number;
  collection_user: number;
  like_user: number;
  zaikan_user: number;
  comment_count: number;
  read_delivery_rate: number;
  read_finish_rate: number;
  read_avg_activetime: number;
  read_jump_position: { position: number; rate: number }[];
}
interface LegacyArticle {
  ref_date: string;
  msgid: string;
  title: string;
  details: LegacyDetail[];
}
interface NewArticle {
  ref_date: string;
  msgid: string;
  title: string;
  publish_type: number;
  content_url?: string;
  detail_list: NewDetail[];
}

const list = <T>(
  truth: GroundTruth,
  appid: string,
  endpoint: Parameters<GroundTruth["rows"]>[1],
  from: IsoDate,
  to: IsoDate,
  today: IsoDate,
) => truth.rows(appid, endpoint, from, to, { today }).list as unknown as T[];
const add = (counts: Counts, channel: Channel, n: number) => void (counts[channel] = (counts[channel] ?? 0) + n);
const round1 = (x: number) => Math.round(x * 10) / 10;

export function sceneCounts(sources: SceneCount[]): Counts {
  const out: Counts = {};
  for (const { scene_desc, user_count } of sources)
    if (scene_desc !== "全部") add(out, SCENE[scene_desc] ?? "other", user_count);
  return out;
}

/* ---------- overview ---------- */

export interface ExpectedDay {
  date: IsoDate;
  generation: "legacy" | "new" | null;
  readers: number | null;
  reads: number | null;
  sharers: number | null;
  favourites: number | null;
  likes: number | null;
  zaikan: number | null;
  comments: number | null;
  netFollowers: number | null;
  bySource: Counts;
}

/** Per day: getbizsummary when it has the day, else getuserread; reads always from getuserread. */
export function expectedOverviewDays(
  truth: GroundTruth,
  appid: string,
  from: IsoDate,
  to: IsoDate,
  today: IsoDate,
): ExpectedDay[] {
  const biz = new Map(
    list<BizSummary>(truth, appid, "getbizsummary", from, to, today).map((r) => [r.ref_date, r.detail]),
  );
  const legacy = list<BaseMetrics>(truth, appid, "getuserread", from, to, today);
  const net = new Map(expectedFollowers(truth, appid, from, to, today).days.map((d) => [d.date, d.netUsers]));
  return eachDay(from, to).map((date) => ({ ...articleDay(date), netFollowers: net.get(date) ?? null }));
  function articleDay(date: IsoDate): Omit<ExpectedDay, "netFollowers"> {
    const total = legacy.find((r) => r.ref_date === date && r.user_source === ALL);
    const b = biz.get(date);
    if (b) {
      return {
        date,
        generation: "new",
        readers: b.read_user,
        reads: total?.int_page_read_count ?? null,
        sharers: b.share_user,
        favourites: b.collection_user,
        likes: b.like_user,
        zaikan: b.zaikan_user,
        comments: b.comment_count,
        bySource: sceneCounts(b.read_user_source),
      };
    }
    if (total) {
      const bySource: Counts = {};
      for (const r of legacy)
        if (r.ref_date === date && r.user_source !== ALL)
          add(bySource, USER_SOURCE[r.user_source] ?? "other", r.int_page_read_user);
      return {
        date,
        generation: "legacy",
        readers: total.int_page_read_user,
        reads: total.int_page_read_count,
        sharers: total.share_user,
        favourites: total.add_to_fav_user,
        likes: null,
        zaikan: null,
        comments: null,
        bySource,
      };
    }
    return {
      date,
      generation: null,
      readers: null,
      reads: null,
      sharers: null,
      favourites: null,
      likes: null,
      zaikan: null,
      comments: null,
      bySource: {},
    };
  }
}

export function expectedOverviewTotals(truth: GroundTruth, appid: string, from: IsoDate, to: IsoDate, today: IsoDate) {
  const days = expectedOverviewDays(truth, appid, from, to, today);
  const sum = (metric: Exclude<keyof ExpectedDay, "date" | "generation" | "bySource">) =>
    days.some((d) => d[metric] !== null) ? days.reduce((n, d) => n + (d[metric] ?? 0), 0) : null;
  return {
    readers: sum("readers"),
    reads: sum("reads"),
    sharers: sum("sharers"),
    favourites: sum("favourites"),
    likes: sum("likes"),
    zaikan: sum("zaikan"),
    comments: sum("comments"),
    netFollowers: sum("netFollowers"),
  };
}

/* ---------- followers ---------- */

interface UserSummaryRow {
  ref_date: string;
  user_source: number;
  new_user: number;
  cancel_user: number;
}

/** Followers per day from getusersummary and getusercumulate, as the Followers page should show them. */
export function expectedFollowers(truth: GroundTruth, appid: string, from: IsoDate, to: IsoDate, today: IsoDate) {
  const summary = list<UserSummaryRow>(truth, appid, "getusersummary", from, to, today);
  const cumulate = new Map(
    list<{ ref_date: string; cumulate_user: number }>(truth, appid, "getusercumulate", from, to, today).map((r) => [
      r.ref_date,
      r.cumulate_user,
    ]),
  );
  const bySource: Record<string, number> = {};
  const days = eachDay(from, to).map((date) => {
    const known = cumulate.has(date);
    const rows = summary.filter((r) => r.ref_date === date);
    const newUsers = rows.reduce((n, r) => n + r.new_user, 0);
    const cancelUsers = rows.reduce((n, r) => n + r.cancel_user, 0);
    const daySources: Record<string, number> = {};
    for (const r of rows)
      if (r.new_user > 0) {
        daySources[r.user_source] = r.new_user;
        bySource[r.user_source] = (bySource[r.user_source] ?? 0) + r.new_user;
      }
    return {
      date,
      newUsers: known ? newUsers : null,
      cancelUsers: known ? cancelUsers : null,
      netUsers: known ? newUsers - cancelUsers : null,
      totalUsers: cumulate.get(date) ?? null,
      bySource: daySources,
    };
  });
  const withData = days.filter((d) => d.netUsers !== null);
  const total = (k: "newUsers" | "cancelUsers" | "netUsers") =>
    withData.length ? withData.reduce((n, d) => n + (d[k] ?? 0), 0) : null;
  return {
    days,
    bySource,
    totals: {
      newUsers: total("newUsers"),
      cancelUsers: total("cancelUsers"),
      netUsers: total("netUsers"),
      totalUsers: [...days].reverse().find((d) => d.totalUsers !== null)?.totalUsers ?? null,
      days: withData.length,
    },
  };
}

/* ---------- hourly ---------- */

export interface ExpectedHour {
  hour: number;
  totalReaders: number;
  totalReads: number;
  readers: Counts;
  reads: Counts;
}

/** The 24 hours of getuserreadhour for one day (hours WeChat leaves out are 0). */
export function expectedHourlyDay(truth: GroundTruth, appid: string, date: IsoDate, today: IsoDate): ExpectedHour[] {
  return expectedHourlyAverage(truth, appid, date, date, today).hours;
}

/** Averages per day with data over a range, 1 decimal, and the weekday × hour heatmap of reads. */
export function expectedHourlyAverage(truth: GroundTruth, appid: string, from: IsoDate, to: IsoDate, today: IsoDate) {
  const rows = list<HourRow>(truth, appid, "getuserreadhour", from, to, today);
  const dates = [...new Set(rows.map((r) => r.ref_date))];
  const days = dates.length;
  const hours: ExpectedHour[] = Array.from({ length: 24 }, (_, hour) => ({
    hour,
    totalReaders: 0,
    totalReads: 0,
    readers: {},
    reads: {},
  }));
  const heat = new Map<string, number>();
  for (const r of rows) {
    const h = hours[r.ref_hour / 100]!;
    if (r.user_source === ALL) {
      h.totalReaders += r.int_page_read_user;
      h.totalReads += r.int_page_read_count;
      const key = `${weekdayIso(r.ref_date) + 1}:${r.ref_hour / 100}`;
      heat.set(key, (heat.get(key) ?? 0) + r.int_page_read_count);
    } else {
      add(h.readers, USER_SOURCE[r.user_source] ?? "other", r.int_page_read_user);
      add(h.reads, USER_SOURCE[r.user_source] ?? "other", r.int_page_read_count);
    }
  }
  const avg = (counts: Counts) =>
    Object.fromEntries(Object.entries(counts).map(([k, v]) => [k, round1(v / days)])) as Counts;
  const averaged = hours.map((h) => ({
    hour: h.hour,
    totalReaders: days ? round1(h.totalReaders / days) : 0,
    totalReads: days ? round1(h.totalReads / days) : 0,
    readers: avg(h.readers),
    reads: avg(h.reads),
  }));
  const daysOfWeekday = new Map<number, number>();
  for (const d of dates) daysOfWeekday.set(weekdayIso(d) + 1, (daysOfWeekday.get(weekdayIso(d) + 1) ?? 0) + 1);
  const heatmap = [...daysOfWeekday.entries()]
    .sort(([a], [b]) => a - b)
    .flatMap(([weekday, n]) =>
      Array.from({ length: 24 }, (_, hour) => ({
        weekday,
        hour,
        reads: round1((heat.get(`${weekday}:${hour}`) ?? 0) / n),
      })),
    );
  return { daysWithData: days, hours: averaged, heatmap };
}

/* ---------- shares ---------- */

type ByScene = Record<string, { shareCount: number; shareUser: number }>;

/** getusershare per day, the range's totals per scene, and getusersharehour averaged per day with data. */
export function expectedShares(truth: GroundTruth, appid: string, from: IsoDate, to: IsoDate, today: IsoDate) {
  const daily = list<ShareRow>(truth, appid, "getusershare", from, to, today);
  const byDay: Record<IsoDate, ByScene> = {};
  const totals: ByScene = {};
  for (const r of daily) {
    (byDay[r.ref_date] ??= {})[r.share_scene] = { shareCount: r.share_count, shareUser: r.share_user };
    const t = (totals[r.share_scene] ??= { shareCount: 0, shareUser: 0 });
    t.shareCount += r.share_count;
    t.shareUser += r.share_user;
  }
  const hourly = list<ShareRow>(truth, appid, "getusersharehour", from, to, today);
  const hourDays = new Set(hourly.map((r) => r.ref_date)).size;
  const hours: ByScene[] = Array.from({ length: 24 }, () => ({}));
  for (const r of hourly) {
    const t = (hours[r.ref_hour! / 100]![r.share_scene] ??= { shareCount: 0, shareUser: 0 });
    t.shareCount += r.share_count;
    t.shareUser += r.share_user;
  }
  for (const h of hours)
    for (const t of Object.values(h))
      Object.assign(t, { shareCount: round1(t.shareCount / hourDays), shareUser: round1(t.shareUser / hourDays) });
  const newSharers = Object.fromEntries(
    list<BizSummary>(truth, appid, "getbizsummary", from, to, today).map((r) => [r.ref_date, r.detail.share_user]),
  );
  return { byDay, totals, hours, hourDays, newSharers };
}

/* ---------- articles ---------- */

export interface ExpectedArticle {
  msgid: string;
  title: string;
  sendDate: IsoDate;
  position: number;
  publishType: 0 | 1;
  /** Followers the send was delivered to; null for a publish without notification. */
  delivered: number | null;
  legacy: LegacyDetail[] | null;
  new: NewDetail[] | null;
  contentUrl: string | null;
  /** The latest cumulative figures: the new generation's when it has the article, else legacy's. */
  latest: { statDate: IsoDate; readers: number; sharers: number; favourites: number };
}

function articlesSentOn(truth: GroundTruth, appid: string, sendDate: IsoDate, today: IsoDate): ExpectedArticle[] {
  const send = truth.sendOn(appid, sendDate);
  if (!send || sendDate >= today) return [];
  const legacy = list<LegacyArticle>(truth, appid, "getarticletotal", sendDate, sendDate, today);
  const fresh = list<NewArticle>(truth, appid, "getarticletotaldetail", sendDate, sendDate, today);
  return send.articles.flatMap(({ msgid, title, contentUrl }, i) => {
    const l = legacy.find((a) => a.msgid === msgid)?.details ?? null;
    const n = fresh.find((a) => a.msgid === msgid)?.detail_list ?? null;
    const lastNew = n?.at(-1);
    const lastLegacy = l?.at(-1);
    if (!lastNew && !lastLegacy) return [];
    const latest = lastNew
      ? {
          statDate: lastNew.stat_date,
          readers: lastNew.read_user,
          sharers: lastNew.share_user,
          favourites: lastNew.collection_user,
        }
      : {
          statDate: lastLegacy!.stat_date,
          readers: lastLegacy!.int_page_read_user,
          sharers: lastLegacy!.share_user,
          favourites: lastLegacy!.add_to_fav_user,
        };
    return [
      {
        msgid,
        title,
        sendDate,
        position: i + 1,
        publishType: send.publishType,
        delivered: send.publishType === 0 ? send.targetUser : null,
        legacy: l,
        new: n,
        contentUrl: n ? contentUrl : null,
        latest,
      },
    ];
  });
}

/** Every article sent in [from, to] that either curve endpoint knows, newest send first, then by position. */
export function expectedArticles(
  truth: GroundTruth,
  appid: string,
  from: IsoDate,
  to: IsoDate,
  today: IsoDate,
): ExpectedArticle[] {
  return eachDay(from, to)
    .reverse()
    .flatMap((date) => articlesSentOn(truth, appid, date, today));
}

/** One article, found by looking back through the account's sends (up to ~3 years). */
export function expectedArticle(
  truth: GroundTruth,
  appid: string,
  msgid: string,
  today: IsoDate,
): ExpectedArticle | null {
  for (let date = addDaysIso(today, -1), n = 0; n < 1100; n++, date = addDaysIso(date, -1)) {
    if (!truth.sendOn(appid, date)?.articles.some((a) => a.msgid === msgid)) continue;
    return articlesSentOn(truth, appid, date, today).find((a) => a.msgid === msgid) ?? null;
  }
  return null;
}
