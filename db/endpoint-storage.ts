import { getTableName } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";

import type { EndpointName, EndpointRow } from "@/lib/wechat/endpoints";
import * as rows from "@/lib/wechat/rows";

import * as s from "./schema";

/**
 * Where each datacube interface's rows are stored: its table, the rows' natural key (upserts
 * on it make a re-fetch idempotent) and how one API row becomes records of that table. The
 * interfaces themselves are defined in lib/wechat/endpoints.ts.
 */
interface EndpointStorage<N extends EndpointName, Table extends PgTable> {
  table: Table;
  /** Natural key of the stored rows. */
  key: (table: Table) => PgColumn[];
  /** One API row -> stored records (nested curves are flattened to one record a stat date). */
  toRecords: (row: EndpointRow<N>, accountId: number) => Table["$inferInsert"][];
}

/** Each interface's storage, typed so that its records match its own table. */
function defineStorage<Tables extends { [N in EndpointName]: PgTable }>(storage: {
  [N in keyof Tables & EndpointName]: EndpointStorage<N, Tables[N]>;
}) {
  return storage;
}

type BaseMetrics = Record<(typeof rows.BASE_METRIC_KEYS)[number], number>;
const baseMetrics = (r: BaseMetrics) => ({
  intPageReadUser: r.int_page_read_user,
  intPageReadCount: r.int_page_read_count,
  oriPageReadUser: r.ori_page_read_user,
  oriPageReadCount: r.ori_page_read_count,
  shareUser: r.share_user,
  shareCount: r.share_count,
  addToFavUser: r.add_to_fav_user,
  addToFavCount: r.add_to_fav_count,
});

type Shape = { shape: Record<string, unknown> };

/** Keys of `row` its schema does not name: kept in the record's `extra` column. */
function unknownKeys(row: object, schema: Shape, nested?: { key: string; schema: Shape }): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) if (!(k in schema.shape)) out[k] = v;
  const inner = nested && (row as Record<string, unknown>)[nested.key];
  if (nested && inner && typeof inner === "object" && !Array.isArray(inner)) {
    const innerExtra = unknownKeys(inner, nested.schema);
    if (Object.keys(innerExtra).length > 0) out[nested.key] = innerExtra;
  }
  return out;
}

const BREAKDOWN_KEY = /^(int_page_from_\w+_read_(user|count)|feed_share_from_\w+_(user|cnt))$/;
const breakdownOf = (d: object) => Object.fromEntries(Object.entries(d).filter(([k]) => BREAKDOWN_KEY.test(k)));

export const ENDPOINT_STORAGE = defineStorage({
  getarticlesummary: {
    table: s.legacyArticleDaily,
    key: (t) => [t.accountId, t.refDate, t.msgid],
    toRecords: (r, accountId) => [
      {
        accountId,
        refDate: r.ref_date,
        msgid: r.msgid,
        title: r.title,
        ...baseMetrics(r),
        extra: unknownKeys(r, rows.legacyArticleSummaryRow),
      },
    ],
  },
  getarticletotal: {
    table: s.legacyArticleTotal,
    key: (t) => [t.accountId, t.msgid, t.statDate],
    toRecords: (r, accountId) =>
      r.details.map((d) => ({
        accountId,
        msgid: r.msgid,
        statDate: d.stat_date,
        sendDate: r.ref_date,
        title: r.title,
        targetUser: d.target_user,
        ...baseMetrics(d),
        breakdown: breakdownOf(d),
        extra: { ...unknownKeys(r, rows.legacyArticleTotalRow), ...unknownKeys(d, rows.legacyArticleTotalDetail) },
      })),
  },
  getuserread: {
    table: s.legacyUserRead,
    key: (t) => [t.accountId, t.refDate, t.userSource],
    toRecords: (r, accountId) => [
      {
        accountId,
        refDate: r.ref_date,
        userSource: r.user_source,
        ...baseMetrics(r),
        extra: unknownKeys(r, rows.legacyUserReadRow),
      },
    ],
  },
  getuserreadhour: {
    table: s.legacyUserReadHour,
    key: (t) => [t.accountId, t.refDate, t.hour, t.userSource],
    toRecords: (r, accountId) => [
      {
        accountId,
        refDate: r.ref_date,
        hour: r.ref_hour / 100,
        userSource: r.user_source,
        ...baseMetrics(r),
        extra: unknownKeys(r, rows.legacyUserReadHourRow),
      },
    ],
  },
  getusershare: {
    table: s.legacyUserShare,
    key: (t) => [t.accountId, t.refDate, t.shareScene],
    toRecords: (r, accountId) => [
      {
        accountId,
        refDate: r.ref_date,
        shareScene: r.share_scene,
        shareCount: r.share_count,
        shareUser: r.share_user,
        extra: unknownKeys(r, rows.legacyUserShareRow),
      },
    ],
  },
  getusersharehour: {
    table: s.legacyUserShareHour,
    key: (t) => [t.accountId, t.refDate, t.hour, t.shareScene],
    toRecords: (r, accountId) => [
      {
        accountId,
        refDate: r.ref_date,
        hour: r.ref_hour / 100,
        shareScene: r.share_scene,
        shareCount: r.share_count,
        shareUser: r.share_user,
        extra: unknownKeys(r, rows.legacyUserShareHourRow),
      },
    ],
  },
  getarticleread: {
    table: s.articleRead,
    key: (t) => [t.accountId, t.refDate, t.msgid],
    toRecords: (r, accountId) => [
      {
        accountId,
        refDate: r.ref_date,
        msgid: r.msgid,
        title: r.title,
        readUser: r.detail.read_user,
        readUserSource: r.detail.read_user_source,
        extra: unknownKeys(r, rows.articleReadRow, {
          key: "detail",
          schema: rows.articleReadRow.shape.detail.unwrap(),
        }),
      },
    ],
  },
  getarticleshare: {
    table: s.articleShare,
    key: (t) => [t.accountId, t.refDate, t.msgid],
    toRecords: (r, accountId) => [
      {
        accountId,
        refDate: r.ref_date,
        msgid: r.msgid,
        shareUser: r.detail.share_user,
        extra: unknownKeys(r, rows.articleShareRow, {
          key: "detail",
          schema: rows.articleShareRow.shape.detail.unwrap(),
        }),
      },
    ],
  },
  getbizsummary: {
    table: s.bizSummary,
    key: (t) => [t.accountId, t.refDate],
    toRecords: (r, accountId) => [
      {
        accountId,
        refDate: r.ref_date,
        readUser: r.detail.read_user,
        readUserSource: r.detail.read_user_source,
        shareUser: r.detail.share_user,
        zaikanUser: r.detail.zaikan_user,
        likeUser: r.detail.like_user,
        commentCount: r.detail.comment_count,
        collectionUser: r.detail.collection_user,
        redirectOriPageUser: r.detail.redirect_ori_page_user,
        sendPageCount: r.detail.send_page_count,
        extra: unknownKeys(r, rows.bizSummaryRow, { key: "detail", schema: rows.bizSummaryRow.shape.detail.unwrap() }),
      },
    ],
  },
  getarticletotaldetail: {
    table: s.articleTotalDetail,
    key: (t) => [t.accountId, t.msgid, t.statDate],
    toRecords: (r, accountId) =>
      r.detail_list.map((d) => ({
        accountId,
        msgid: r.msgid,
        statDate: d.stat_date,
        publishDate: r.ref_date,
        publishType: r.publish_type,
        title: r.title,
        contentUrl: r.content_url,
        readUser: d.read_user,
        readUserSource: d.read_user_source,
        shareUser: d.share_user,
        zaikanUser: d.zaikan_user,
        likeUser: d.like_user,
        commentCount: d.comment_count,
        collectionUser: d.collection_user,
        praiseMoney: d.praise_money,
        readSubscribeUser: d.read_subscribe_user,
        readDeliveryRate: d.read_delivery_rate ?? null,
        readFinishRate: d.read_finish_rate ?? null,
        readAvgActivetime: d.read_avg_activetime ?? null,
        readJumpPosition: d.read_jump_position,
        extra: { ...unknownKeys(r, rows.articleTotalDetailRow), ...unknownKeys(d, rows.articleTotalDetailEntry) },
      })),
  },
  getusersummary: {
    table: s.followerSummary,
    key: (t) => [t.accountId, t.refDate, t.userSource],
    toRecords: (r, accountId) => [
      {
        accountId,
        refDate: r.ref_date,
        userSource: r.user_source,
        newUser: r.new_user,
        cancelUser: r.cancel_user,
        extra: unknownKeys(r, rows.userSummaryRow),
      },
    ],
  },
  getusercumulate: {
    table: s.followerCumulate,
    key: (t) => [t.accountId, t.refDate],
    toRecords: (r, accountId) => [
      { accountId, refDate: r.ref_date, cumulateUser: r.cumulate_user, extra: unknownKeys(r, rows.userCumulateRow) },
    ],
  },
});

/** The table an interface's rows are stored in, by its SQL name. */
export const storedIn = (endpoint: EndpointName) => getTableName(ENDPOINT_STORAGE[endpoint].table);
