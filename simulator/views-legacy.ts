import * as calendar from "./calendar";
import * as dayModule from "./day";
import * as layout from "./layout";
import type { DayRows, Row } from "./views-shared";
import * as shared from "./views-shared";

const { isoOf } = calendar;
const { hourSceneIndex, hourSourceIndex, SHARE_SCENES } = dayModule;
const { BASE_SLOTS, NEW_CHANNELS_DAY, SLOT, SLOTS, SOURCE, SOURCES } = layout;
const { cumulative, curveDays, sumOverSources } = shared;

/** getarticletotal shows at most this many cumulative days. */
const CURVE_DAYS = 7;
const ALL_SOURCES = 99_999_999;
/** user_source codes with their index in the truth's arrays; 99999999 (all) is added in front. */
const SOURCES_BY_CODE: ReadonlyArray<readonly [number, number]> = [
  [0, SOURCE.session],
  [1, SOURCE.friends],
  [2, SOURCE.moments],
  [4, SOURCE.history],
  [5, SOURCE.other],
  [6, SOURCE.kanyikan],
  [7, SOURCE.souyisou],
];
const OLD_SOURCES_BY_CODE = SOURCES_BY_CODE.filter(([code]) => code !== 6 && code !== 7);
const LATER_SOURCE_KEYS = ["kanyikan", "souyisou"].flatMap((name) => [
  `int_page_from_${name}_read_user`,
  `int_page_from_${name}_read_count`,
]);
const sourcesOn = (day: number) => (day >= NEW_CHANNELS_DAY ? SOURCES_BY_CODE : OLD_SOURCES_BY_CODE);

const allSources = new Float64Array(BASE_SLOTS);
/** Sums the base metrics of a [source][slot] block over sources, for a 99999999 row. */
function sumSources(values: ArrayLike<number>, offset: number, stride: number): Float64Array {
  for (let slot = 0; slot < BASE_SLOTS; slot++) {
    let total = 0;
    for (let s = 0; s < SOURCES; s++) total += values[offset + s * stride + slot] ?? 0;
    allSources[slot] = total;
  }
  return allSources;
}

/*
 * Row builders written as single literals with the 8 base metrics (BASE_METRIC_KEYS order)
 * read from values[offset..offset+7]: spreading or assigning keys one by one is ~5x slower.
 */
function summaryRow(ref_date: string, msgid: string, title: string, v: ArrayLike<number>, o: number) {
  return {
    ref_date,
    msgid,
    title,
    int_page_read_user: v[o] ?? 0,
    int_page_read_count: v[o + 1] ?? 0,
    ori_page_read_user: v[o + 2] ?? 0,
    ori_page_read_count: v[o + 3] ?? 0,
    share_user: v[o + 4] ?? 0,
    share_count: v[o + 5] ?? 0,
    add_to_fav_user: v[o + 6] ?? 0,
    add_to_fav_count: v[o + 7] ?? 0,
  };
}

function sourceRow(ref_date: string, user_source: number, v: ArrayLike<number>, o: number) {
  return {
    ref_date,
    user_source,
    int_page_read_user: v[o] ?? 0,
    int_page_read_count: v[o + 1] ?? 0,
    ori_page_read_user: v[o + 2] ?? 0,
    ori_page_read_count: v[o + 3] ?? 0,
    share_user: v[o + 4] ?? 0,
    share_count: v[o + 5] ?? 0,
    add_to_fav_user: v[o + 6] ?? 0,
    add_to_fav_count: v[o + 7] ?? 0,
  };
}

function hourRow(ref_date: string, ref_hour: number, user_source: number, v: ArrayLike<number>, o: number) {
  return {
    ref_date,
    ref_hour,
    user_source,
    int_page_read_user: v[o] ?? 0,
    int_page_read_count: v[o + 1] ?? 0,
    ori_page_read_user: v[o + 2] ?? 0,
    ori_page_read_count: v[o + 3] ?? 0,
    share_user: v[o + 4] ?? 0,
    share_count: v[o + 5] ?? 0,
    add_to_fav_user: v[o + 6] ?? 0,
    add_to_fav_count: v[o + 7] ?? 0,
  };
}

function hasActivity(v: ArrayLike<number>, o: number): boolean {
  for (let slot = 0; slot < BASE_SLOTS; slot++) if ((v[o + slot] ?? 0) !== 0) return true;
  return false;
}

const articleSummary: DayRows = (ctx, day) => {
  const date = isoOf(day);
  const rows: Row[] = [];
  for (const { article, age, curve } of ctx.model.dayView(day).active) {
    // Legacy covers group-sent articles only.
    if (article.send.publishType !== 0) continue;
    rows.push(summaryRow(date, article.msgid, article.title, curve.totals, age * SLOTS));
  }
  return rows;
};

const articleTotal: DayRows = (ctx, day) => {
  const send = ctx.model.sendOn(day);
  if (!send || send.publishType !== 0) return [];
  const days = curveDays(ctx, day, CURVE_DAYS);
  const withNewChannels = day >= NEW_CHANNELS_DAY;
  return send.articles.map((article) => {
    const details: Row[] = [];
    for (const { age, sums } of cumulative(ctx.model.curveOf(article), days)) {
      const of = (source: number, slot: number) => sums[source * SLOTS + slot] ?? 0;
      const detail: Row = {
        stat_date: isoOf(day + age),
        target_user: send.targetUser,
        int_page_read_user: sumOverSources(sums, SLOT.readUser),
        int_page_read_count: sumOverSources(sums, SLOT.readCount),
        ori_page_read_user: sumOverSources(sums, SLOT.oriUser),
        ori_page_read_count: sumOverSources(sums, SLOT.oriCount),
        share_user: sumOverSources(sums, SLOT.shareUser),
        share_count: sumOverSources(sums, SLOT.shareCount),
        add_to_fav_user: sumOverSources(sums, SLOT.favUser),
        add_to_fav_count: sumOverSources(sums, SLOT.favCount),
        int_page_from_session_read_user: of(SOURCE.session, SLOT.readUser),
        int_page_from_session_read_count: of(SOURCE.session, SLOT.readCount),
        int_page_from_hist_msg_read_user: of(SOURCE.history, SLOT.readUser),
        int_page_from_hist_msg_read_count: of(SOURCE.history, SLOT.readCount),
        int_page_from_feed_read_user: of(SOURCE.moments, SLOT.readUser),
        int_page_from_feed_read_count: of(SOURCE.moments, SLOT.readCount),
        int_page_from_friends_read_user: of(SOURCE.friends, SLOT.readUser),
        int_page_from_friends_read_count: of(SOURCE.friends, SLOT.readCount),
        int_page_from_other_read_user: of(SOURCE.other, SLOT.readUser),
        int_page_from_other_read_count: of(SOURCE.other, SLOT.readCount),
        feed_share_from_session_user: of(SOURCE.session, SLOT.feedShareUser),
        feed_share_from_session_cnt: of(SOURCE.session, SLOT.feedShareCount),
        feed_share_from_feed_user: of(SOURCE.moments, SLOT.feedShareUser),
        feed_share_from_feed_cnt: of(SOURCE.moments, SLOT.feedShareCount),
        feed_share_from_other_user:
          sumOverSources(sums, SLOT.feedShareUser) -
          of(SOURCE.session, SLOT.feedShareUser) -
          of(SOURCE.moments, SLOT.feedShareUser),
        feed_share_from_other_cnt:
          sumOverSources(sums, SLOT.feedShareCount) -
          of(SOURCE.session, SLOT.feedShareCount) -
          of(SOURCE.moments, SLOT.feedShareCount),
        int_page_from_kanyikan_read_user: of(SOURCE.kanyikan, SLOT.readUser),
        int_page_from_kanyikan_read_count: of(SOURCE.kanyikan, SLOT.readCount),
        int_page_from_souyisou_read_user: of(SOURCE.souyisou, SLOT.readUser),
        int_page_from_souyisou_read_count: of(SOURCE.souyisou, SLOT.readCount),
      };
      // Top Stories and Search fields only exist in answers about sends from 2020 on.
      if (!withNewChannels) for (const key of LATER_SOURCE_KEYS) delete detail[key];
      details.push(detail);
    }
    return { ref_date: isoOf(day), msgid: article.msgid, title: article.title, details };
  });
};

const userRead: DayRows = (ctx, day) => {
  const { bySource } = ctx.model.dayView(day);
  const date = isoOf(day);
  const rows: Row[] = [sourceRow(date, ALL_SOURCES, sumSources(bySource, 0, SLOTS), 0)];
  for (const [code, source] of sourcesOn(day)) rows.push(sourceRow(date, code, bySource, source * SLOTS));
  return rows;
};

const userReadHour: DayRows = (ctx, day) => {
  const hourly = ctx.model.hourly(ctx.model.dayView(day));
  const date = isoOf(day);
  const rows: Row[] = [];
  const sources = sourcesOn(day);
  for (let hour = 0; hour < 24; hour++) {
    const all = sumSources(hourly.bySource, hourSourceIndex(hour, 0, 0), BASE_SLOTS);
    // Like WeChat, hours without any activity are left out.
    if (!hasActivity(all, 0)) continue;
    rows.push(hourRow(date, hour * 100, ALL_SOURCES, all, 0));
    for (const [code, source] of sources) {
      const at = hourSourceIndex(hour, source, 0);
      if (hasActivity(hourly.bySource, at)) rows.push(hourRow(date, hour * 100, code, hourly.bySource, at));
    }
  }
  return rows;
};

const userShare: DayRows = (ctx, day) => {
  const { shareScenes } = ctx.model.hourly(ctx.model.dayView(day));
  const date = isoOf(day);
  return SHARE_SCENES.map((share_scene, scene) => {
    let share_count = 0;
    let share_user = 0;
    for (let hour = 0; hour < 24; hour++) {
      share_user += shareScenes[hourSceneIndex(hour, scene, 0)] ?? 0;
      share_count += shareScenes[hourSceneIndex(hour, scene, 1)] ?? 0;
    }
    return { ref_date: date, share_scene, share_count, share_user };
  });
};

const userShareHour: DayRows = (ctx, day) => {
  const { shareScenes } = ctx.model.hourly(ctx.model.dayView(day));
  const date = isoOf(day);
  const rows: Row[] = [];
  for (let hour = 0; hour < 24; hour++) {
    for (let scene = 0; scene < SHARE_SCENES.length; scene++) {
      const share_user = shareScenes[hourSceneIndex(hour, scene, 0)] ?? 0;
      const share_count = shareScenes[hourSceneIndex(hour, scene, 1)] ?? 0;
      if (share_user > 0 || share_count > 0) {
        rows.push({ ref_date: date, ref_hour: hour * 100, share_scene: SHARE_SCENES[scene], share_count, share_user });
      }
    }
  }
  return rows;
};

export const LEGACY_VIEWS = {
  getarticlesummary: articleSummary,
  getarticletotal: articleTotal,
  getuserread: userRead,
  getuserreadhour: userReadHour,
  getusershare: userShare,
  getusersharehour: userShareHour,
};
