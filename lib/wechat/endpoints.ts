import { getTableName } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { z } from "zod";

import * as s from "@/db/schema";

import * as rows from "./rows";

/**
 * The one table of WeChat's datacube interfaces. The client (validation), the simulator
 * (spans, first dates, shapes), the sync planner (windows, re-fetch rules), the store (where
 * rows go) and the README's endpoint list all read from here.
 */

export type Generation = "legacy" | "new";

interface EndpointSpec<Schema extends z.ZodType, Table extends PgTable> {
  generation: Generation;
  /** Longest window one call may ask for, in days (inclusive span). */
  maxSpanDays: number;
  /** No data exists before this Beijing date. */
  firstDate: string;
  /** A window whose ref date is within this many days before yesterday may still change. */
  mutableDays: number;
  summary: string;
  rowSchema: Schema;
  table: Table;
  /** Natural key of the stored rows. */
  key: (table: Table) => PgColumn[];
  /** One API row -> stored records (nested curves are flattened to one record a stat date). */
  toRecords: (row: z.output<Schema>, accountId: number) => Table["$inferInsert"][];
}

function spec<Schema extends z.ZodType, Table extends PgTable>(e: EndpointSpec<Schema, Table>) {
  return e;
}

const LEGACY_FIRST_DATE = "2014-12-01";
const NEW_FIRST_DATE = "2025-11-01";

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

export const ENDPOINTS = {
  getarticlesummary: spec({
    generation: "legacy",
    maxSpanDays: 1,
    firstDate: LEGACY_FIRST_DATE,
    mutableDays: 0,
    summary: "Each group-sent article read that day: that day's reads, shares, favourites",
    rowSchema: rows.legacyArticleSummaryRow,
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
  }),
  getarticletotal: spec({
    generation: "legacy",
    maxSpanDays: 1,
    firstDate: LEGACY_FIRST_DATE,
    mutableDays: 7,
    summary: "Articles sent that day: cumulative figures by source for up to 7 days",
    rowSchema: rows.legacyArticleTotalRow,
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
  }),
  getuserread: spec({
    generation: "legacy",
    maxSpanDays: 3,
    firstDate: LEGACY_FIRST_DATE,
    mutableDays: 0,
    summary: "Daily reads, shares, favourites by read source (99999999 = all)",
    rowSchema: rows.legacyUserReadRow,
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
  }),
  getuserreadhour: spec({
    generation: "legacy",
    maxSpanDays: 1,
    firstDate: LEGACY_FIRST_DATE,
    mutableDays: 0,
    summary: "Hourly reads by read source (ref_hour is HHMM)",
    rowSchema: rows.legacyUserReadHourRow,
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
  }),
  getusershare: spec({
    generation: "legacy",
    maxSpanDays: 7,
    firstDate: LEGACY_FIRST_DATE,
    mutableDays: 0,
    summary: "Daily shares by share scene",
    rowSchema: rows.legacyUserShareRow,
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
  }),
  getusersharehour: spec({
    generation: "legacy",
    maxSpanDays: 1,
    firstDate: LEGACY_FIRST_DATE,
    mutableDays: 0,
    summary: "Hourly shares by share scene",
    rowSchema: rows.legacyUserShareHourRow,
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
  }),
  getarticleread: spec({
    generation: "new",
    maxSpanDays: 1,
    firstDate: NEW_FIRST_DATE,
    mutableDays: 0,
    summary: "Every article whose readers changed that day, with readers by scene",
    rowSchema: rows.articleReadRow,
    table: s.articleRead,
    key: (t) => [t.accountId, t.refDate, t.msgid],
    toRecords: (r, accountId) => [
      {
        accountId,
        refDate: r.ref_date,
        msgid: r.msgid,
        readUser: r.detail.read_user,
        readUserSource: r.detail.read_user_source,
        extra: unknownKeys(r, rows.articleReadRow, { key: "detail", schema: rows.articleReadRow.shape.detail }),
      },
    ],
  }),
  getarticleshare: spec({
    generation: "new",
    maxSpanDays: 1,
    firstDate: NEW_FIRST_DATE,
    mutableDays: 0,
    summary: "Every article shared that day, with its sharers",
    rowSchema: rows.articleShareRow,
    table: s.articleShare,
    key: (t) => [t.accountId, t.refDate, t.msgid],
    toRecords: (r, accountId) => [
      {
        accountId,
        refDate: r.ref_date,
        msgid: r.msgid,
        shareUser: r.detail.share_user,
        extra: unknownKeys(r, rows.articleShareRow, { key: "detail", schema: rows.articleShareRow.shape.detail }),
      },
    ],
  }),
  getbizsummary: spec({
    generation: "new",
    maxSpanDays: 30,
    firstDate: NEW_FIRST_DATE,
    mutableDays: 0,
    summary: "The account's day: readers by scene, sharers, 在看, likes, comments, favourites",
    rowSchema: rows.bizSummaryRow,
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
        extra: unknownKeys(r, rows.bizSummaryRow, { key: "detail", schema: rows.bizSummaryRow.shape.detail }),
      },
    ],
  }),
  getarticletotaldetail: spec({
    generation: "new",
    maxSpanDays: 1,
    firstDate: NEW_FIRST_DATE,
    mutableDays: 30,
    summary: "Articles published that day: cumulative curves for up to 30 days",
    rowSchema: rows.articleTotalDetailRow,
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
        contentUrl: r.content_url ?? null,
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
  }),
};

export type EndpointName = keyof typeof ENDPOINTS;
export type Endpoint = (typeof ENDPOINTS)[EndpointName];
export type EndpointRow<N extends EndpointName> = z.output<(typeof ENDPOINTS)[N]["rowSchema"]>;

export const ENDPOINT_NAMES = Object.keys(ENDPOINTS) as EndpointName[];
export const endpointsOf = (generation: Generation) =>
  ENDPOINT_NAMES.filter((n) => ENDPOINTS[n].generation === generation);

export function isEndpointName(name: string): name is EndpointName {
  return Object.hasOwn(ENDPOINTS, name);
}

export const datacubePath = (name: EndpointName) => `/datacube/${name}`;

/** Markdown table for the README; kept in sync by a test. */
export function endpointTableMarkdown(): string {
  const lines = [
    "| interface | generation | max span (days) | data from | can change for (days) | stored in | what it returns |",
    "|---|---|---|---|---|---|---|",
  ];
  for (const name of ENDPOINT_NAMES) {
    const e = ENDPOINTS[name];
    lines.push(
      `| ${name} | ${e.generation} | ${e.maxSpanDays} | ${e.firstDate} | ${e.mutableDays} | \`${getTableName(e.table)}\` | ${e.summary} |`,
    );
  }
  return lines.join("\n");
}
