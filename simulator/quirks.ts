import { addDaysIso, type IsoDate } from "@/lib/dates";
import { type EndpointName, ENDPOINTS } from "@/lib/wechat/endpoints";

import type { ResolvedOptions } from "./options";
import type { Row } from "./views";

/**
 * What real WeChat answers do that a clean answer doesn't (docs: "What real answers do that
 * the examples don't"). Each is behind its own option, all off by default.
 */

/** Integer fields that are codes or positions, not figures. */
const NOT_A_FIGURE = new Set(["ref_hour", "user_source", "share_scene", "publish_type", "position"]);
const DATE_KEYS = new Set(["ref_date", "stat_date"]);

function mapRow(value: unknown, fn: (key: string, v: unknown) => unknown, key = ""): unknown {
  if (Array.isArray(value)) return value.map((v) => mapRow(v, fn, key));
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapRow(fn(k, v), fn, k)]));
  }
  return value;
}

/** The same row with every figure changed: what must never overwrite the stored one. */
const inflated = (row: Row): Row =>
  mapRow(row, (k, v) => (typeof v === "number" && Number.isInteger(v) && !NOT_A_FIGURE.has(k) ? v + 999 : v)) as Row;

/** The same row moved by `days` (its stat dates too). */
const shifted = (row: Row, days: number): Row =>
  mapRow(row, (k, v) => (DATE_KEYS.has(k) && typeof v === "string" ? addDaysIso(v, days) : v)) as Row;

export interface QuirkContext {
  options: ResolvedOptions;
  endpoint: EndpointName;
  begin: IsoDate;
  /** The clean rows of another window (for rows outside the asked one). */
  rowsOf: (begin: IsoDate, end: IsoDate) => Row[];
}

/** The list as a quirky server would send it. */
export function quirkyList(list: Row[], ctx: QuirkContext): Row[] {
  const { options, endpoint } = ctx;
  let out = list;
  if (options.outOfWindowRows) {
    // The day before the window, with other figures, and a row from two years back.
    const before = addDaysIso(ctx.begin, -1);
    const extra = before >= ENDPOINTS[endpoint].firstDate ? ctx.rowsOf(before, before).map(inflated) : [];
    const old = list[0] ? [shifted(inflated(list[0]), -730)] : [];
    out = [...out, ...extra, ...old];
  }
  if (options.omitUserSource && (endpoint === "getuserread" || endpoint === "getuserreadhour")) {
    out = out.map((row) => {
      if (row.user_source !== 99999999) return row;
      const { user_source: _total, ...rest } = row;
      void _total;
      return rest;
    });
  }
  if (options.nullStrings) {
    out = out.map((row) => ({
      ...row,
      ...("title" in row ? { title: null } : {}),
      ...("content_url" in row ? { content_url: null } : {}),
    }));
  }
  return out;
}

/** A body as a quirky server would send it. */
export const quirkyBody = (body: string, options: ResolvedOptions) => (options.utf8Bom ? `\uFEFF${body}` : body);
