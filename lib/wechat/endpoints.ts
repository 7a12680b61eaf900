import type { z } from "zod";

import * as rows from "./rows";

/**
 * The one table of WeChat's datacube interfaces, as WeChat defines them. The client
 * (validation), the simulator (spans, first dates, shapes), the sync planner (windows,
 * re-fetch rules) and the README's endpoint list all read from here; where each interface's
 * rows are stored is the database's business (db/endpoint-storage.ts).
 */

/** Article analytics of the two generations, and user analysis (followers), served throughout. */
export type ArticleGeneration = "legacy" | "new";
export type Generation = ArticleGeneration | "user";

interface EndpointSpec<Schema extends z.ZodType> {
  generation: Generation;
  /** Longest window one call may ask for, in days (inclusive span). */
  maxSpanDays: number;
  /** No data exists before this Beijing date. */
  firstDate: string;
  /** A window whose ref date is within this many days before yesterday may still change. */
  mutableDays: number;
  summary: string;
  rowSchema: Schema;
}

function spec<Schema extends z.ZodType>(e: EndpointSpec<Schema>) {
  return e;
}

const LEGACY_FIRST_DATE = "2014-12-01";
const NEW_FIRST_DATE = "2025-11-01";

export const ENDPOINTS = {
  getarticlesummary: spec({
    generation: "legacy",
    maxSpanDays: 1,
    firstDate: LEGACY_FIRST_DATE,
    mutableDays: 0,
    summary: "Each group-sent article read that day: that day's reads, shares, favourites",
    rowSchema: rows.legacyArticleSummaryRow,
  }),
  getarticletotal: spec({
    generation: "legacy",
    maxSpanDays: 1,
    firstDate: LEGACY_FIRST_DATE,
    mutableDays: 7,
    summary: "Articles sent that day: cumulative figures by source for up to 7 days",
    rowSchema: rows.legacyArticleTotalRow,
  }),
  getuserread: spec({
    generation: "legacy",
    maxSpanDays: 3,
    firstDate: LEGACY_FIRST_DATE,
    mutableDays: 0,
    summary: "Daily reads, shares, favourites by read source (99999999 = all)",
    rowSchema: rows.legacyUserReadRow,
  }),
  getuserreadhour: spec({
    generation: "legacy",
    maxSpanDays: 1,
    firstDate: LEGACY_FIRST_DATE,
    mutableDays: 0,
    summary: "Hourly reads by read source (ref_hour is HHMM)",
    rowSchema: rows.legacyUserReadHourRow,
  }),
  getusershare: spec({
    generation: "legacy",
    maxSpanDays: 7,
    firstDate: LEGACY_FIRST_DATE,
    mutableDays: 0,
    summary: "Daily shares by share scene",
    rowSchema: rows.legacyUserShareRow,
  }),
  getusersharehour: spec({
    generation: "legacy",
    maxSpanDays: 1,
    firstDate: LEGACY_FIRST_DATE,
    mutableDays: 0,
    summary: "Hourly shares by share scene",
    rowSchema: rows.legacyUserShareHourRow,
  }),
  getarticleread: spec({
    generation: "new",
    maxSpanDays: 1,
    firstDate: NEW_FIRST_DATE,
    mutableDays: 0,
    summary: "Every article whose readers changed that day, with readers by scene",
    rowSchema: rows.articleReadRow,
  }),
  getarticleshare: spec({
    generation: "new",
    maxSpanDays: 1,
    firstDate: NEW_FIRST_DATE,
    mutableDays: 0,
    summary: "Every article shared that day, with its sharers",
    rowSchema: rows.articleShareRow,
  }),
  getbizsummary: spec({
    generation: "new",
    maxSpanDays: 30,
    firstDate: NEW_FIRST_DATE,
    mutableDays: 0,
    summary: "The account's day: readers by scene, sharers, 在看, likes, comments, favourites",
    rowSchema: rows.bizSummaryRow,
  }),
  getarticletotaldetail: spec({
    generation: "new",
    maxSpanDays: 1,
    firstDate: NEW_FIRST_DATE,
    mutableDays: 30,
    summary: "Articles published that day: cumulative curves for up to 30 days",
    rowSchema: rows.articleTotalDetailRow,
  }),
  getusersummary: spec({
    generation: "user",
    maxSpanDays: 7,
    firstDate: LEGACY_FIRST_DATE,
    mutableDays: 0,
    summary: "Followers gained and lost per day, by follow source",
    rowSchema: rows.userSummaryRow,
  }),
  getusercumulate: spec({
    generation: "user",
    maxSpanDays: 7,
    firstDate: LEGACY_FIRST_DATE,
    mutableDays: 0,
    summary: "Total followers at the end of each day",
    rowSchema: rows.userCumulateRow,
  }),
};

export type EndpointName = keyof typeof ENDPOINTS;
export type EndpointRow<N extends EndpointName> = z.output<(typeof ENDPOINTS)[N]["rowSchema"]>;

export const ENDPOINT_NAMES = Object.keys(ENDPOINTS) as EndpointName[];
export const endpointsOf = (generation: Generation) =>
  ENDPOINT_NAMES.filter((n) => ENDPOINTS[n].generation === generation);

export function isEndpointName(name: string): name is EndpointName {
  return Object.hasOwn(ENDPOINTS, name);
}

export const datacubePath = (name: EndpointName) => `/datacube/${name}`;
