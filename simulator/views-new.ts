import * as calendar from "./calendar";
import type { ActiveArticle } from "./day";
import * as layout from "./layout";
import type { Article, ArticleCurve } from "./model";
import type { DayRows, Row, ViewContext } from "./views-shared";
import * as shared from "./views-shared";

const { isoOf } = calendar;
const { EXTRA, SLOT, SLOTS, SOURCE, sourceIndex } = layout;
const { cumulative, curveDays, readUserSlotOf, scaler, sceneCounts, sumOverSources } = shared;

/** getarticletotaldetail shows at most this many cumulative days. */
const CURVE_DAYS = 30;
/** getarticleread: articles published within this many days still carry their title (inferred). */
const TITLE_WITHIN_DAYS = 7;

const round7 = (x: number) => Math.round(x * 1e7) / 1e7;

const articleRead: DayRows = (ctx, day) => {
  const scale = scaler(ctx, day);
  const date = isoOf(day);
  return ctx.model.dayView(day).active.map(({ article, age, curve }: ActiveArticle) => {
    const readUser = curve.totals[age * SLOTS + SLOT.readUser] ?? 0;
    const detail = {
      read_user: scale(readUser),
      read_user_source: sceneCounts(
        curve.bySource,
        (source) => sourceIndex(age, source, SLOT.readUser),
        readUser,
        scale,
      ),
    };
    // Older articles come without their title.
    return age < TITLE_WITHIN_DAYS
      ? { ref_date: date, msgid: article.msgid, title: article.title, detail }
      : { ref_date: date, msgid: article.msgid, detail };
  });
};

const articleShare: DayRows = (ctx, day) => {
  const scale = scaler(ctx, day);
  const date = isoOf(day);
  const rows: Row[] = [];
  for (const { article, age, curve } of ctx.model.dayView(day).active) {
    const shareUser = curve.totals[age * SLOTS + SLOT.shareUser] ?? 0;
    if (shareUser > 0) rows.push({ ref_date: date, msgid: article.msgid, detail: { share_user: scale(shareUser) } });
  }
  return rows;
};

const bizSummary: DayRows = (ctx, day) => {
  const view = ctx.model.dayView(day);
  const scale = scaler(ctx, day);
  const readUser = sumOverSources(view.bySource, SLOT.readUser);
  return [
    {
      ref_date: isoOf(day),
      detail: {
        read_user: scale(readUser),
        read_user_source: sceneCounts(view.bySource, readUserSlotOf, readUser, scale),
        share_user: scale(sumOverSources(view.bySource, SLOT.shareUser)),
        zaikan_user: scale(view.extras[EXTRA.zaikan] ?? 0),
        like_user: scale(view.extras[EXTRA.like] ?? 0),
        comment_count: scale(view.extras[EXTRA.comment] ?? 0),
        collection_user: scale(sumOverSources(view.bySource, SLOT.favUser)),
        redirect_ori_page_user: scale(sumOverSources(view.bySource, SLOT.oriUser)),
        send_page_count: view.sent?.articles.length ?? 0,
      },
    },
  ];
};

function totalDetailEntry(
  ctx: ViewContext,
  article: Article,
  curve: ArticleCurve,
  age: number,
  sums: Float64Array,
  extras: Float64Array,
): Row {
  const statDay = article.send.day + age;
  const scale = scaler(ctx, statDay);
  const readUser = sumOverSources(sums, SLOT.readUser);
  const read = readUser > 0;
  const sessionReaders = sums[readUserSlotOf(SOURCE.session)] ?? 0;
  const jumpTotal = curve.jumpWeights.reduce((a, b) => a + b, 0);
  return {
    stat_date: isoOf(statDay),
    read_user: scale(readUser),
    read_user_source: sceneCounts(sums, readUserSlotOf, readUser, scale),
    share_user: scale(sumOverSources(sums, SLOT.shareUser)),
    zaikan_user: scale(extras[EXTRA.zaikan] ?? 0),
    like_user: scale(extras[EXTRA.like] ?? 0),
    comment_count: scale(extras[EXTRA.comment] ?? 0),
    collection_user: scale(sumOverSources(sums, SLOT.favUser)),
    praise_money: scale(extras[EXTRA.praiseMoney] ?? 0),
    read_subscribe_user: scale(extras[EXTRA.subscribe] ?? 0),
    // Delivered readers are those who opened the notification; a silent publish delivers nothing.
    read_delivery_rate:
      article.send.publishType === 0 ? round7(sessionReaders / Math.max(1, article.send.targetUser)) : 0,
    read_finish_rate: read ? round7(curve.finishRate * (1 - 0.01 * Math.min(age, 6))) : 0,
    read_avg_activetime: read ? round7(curve.activeMinutes * (1 + 0.02 * Math.min(age, 5))) : 0,
    read_jump_position: read
      ? curve.jumpWeights.flatMap((w, i) => (w > 0 ? [{ position: i + 1, rate: round7(w / jumpTotal) }] : []))
      : [],
  };
}

const articleTotalDetail: DayRows = (ctx, day) => {
  const send = ctx.model.sendOn(day);
  if (!send) return [];
  const days = curveDays(ctx, day, CURVE_DAYS);
  return send.articles.map((article) => {
    const curve = ctx.model.curveOf(article);
    const detail_list: Row[] = [];
    for (const { age, sums, extras } of cumulative(curve, days))
      detail_list.push(totalDetailEntry(ctx, article, curve, age, sums, extras));
    return {
      ref_date: isoOf(day),
      msgid: article.msgid,
      publish_type: send.publishType,
      title: article.title,
      content_url: article.contentUrl,
      detail_list,
    };
  });
};

export const NEW_VIEWS = {
  getarticleread: articleRead,
  getarticleshare: articleShare,
  getbizsummary: bizSummary,
  getarticletotaldetail: articleTotalDetail,
};
