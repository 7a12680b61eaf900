import { z } from "zod";

import { issueError, issueText } from "@/lib/i18n/zod";
import { accountIdSchema } from "@/lib/report-params";

/**
 * URL parameters of the article pages, shared by the pages (server), the data views and the
 * client (to explain a bad link without asking the server).
 */

/** "<msg_data_id>_<index>" (index 1-based); some servers send the digits alone. */
const MSGID_PATTERN = /^\d{1,20}(?:_\d{1,3})?$/;
const msgidSchema = z.string().regex(MSGID_PATTERN, { error: issueError("validation.msgid") });

/** /articles/3/12003_1 and /api/views/articleDetail?account=3&msgid=12003_1 */
export const articleRefSchema = z.object({ account: accountIdSchema, msgid: msgidSchema });

export const COMPARE_MIN = 2;
export const COMPARE_MAX = 8;
/** One compared article in the URL: ?a=<accountId>:<msgid> */
const COMPARE_ITEM_PATTERN = /^(\d{1,9}):(\d{1,20}(?:_\d{1,3})?)$/;

export const compareItemId = (item: { accountId: number; msgid: string }) => `${item.accountId}:${item.msgid}`;

/** Parses one ?a= value; null when malformed. */
export function parseCompareItem(value: string): { accountId: number; msgid: string } | null {
  const m = COMPARE_ITEM_PATTERN.exec(value.trim());
  if (!m) return null;
  const accountId = Number(m[1]);
  return accountId > 0 ? { accountId, msgid: m[2]! } : null;
}

/** ?a=1:12003_1&a=2:13001_2 → 2–8 distinct articles, in the order given (repeats count once). */
export const compareSchema = z
  .object({ a: z.union([z.string(), z.array(z.string())]).optional() })
  .transform((v, ctx) => {
    const raw = v.a === undefined ? [] : Array.isArray(v.a) ? v.a : [v.a];
    const items: { accountId: number; msgid: string }[] = [];
    for (const value of raw) {
      const item = parseCompareItem(value);
      if (!item) {
        ctx.addIssue({
          code: "custom",
          path: ["a"],
          message: issueText("validation.compareItem", { value: value.slice(0, 40) }),
        });
        return z.NEVER;
      }
      if (!items.some((i) => compareItemId(i) === compareItemId(item))) items.push(item);
    }
    if (items.length < COMPARE_MIN || items.length > COMPARE_MAX) {
      ctx.addIssue({
        code: "custom",
        path: ["a"],
        message: issueText("validation.compareCount", { min: COMPARE_MIN, max: COMPARE_MAX, count: items.length }),
      });
      return z.NEVER;
    }
    return { items };
  });

/** The account ids a compare URL names, from every well-formed item (for the page guard). */
export function compareAccountIds(a: string | string[] | undefined): number[] {
  const raw = a === undefined ? [] : Array.isArray(a) ? a : [a];
  return [...new Set(raw.flatMap((v) => parseCompareItem(v)?.accountId ?? []))];
}

/** Problems with a compare URL, for the page to explain: null when it is fine. */
export function compareProblem(
  raw: string[],
): { kind: "malformed"; value: string } | { kind: "count"; count: number } | null {
  const ids = new Set<string>();
  for (const value of raw) {
    const item = parseCompareItem(value);
    if (!item) return { kind: "malformed", value };
    ids.add(compareItemId(item));
  }
  if (ids.size < COMPARE_MIN || ids.size > COMPARE_MAX) return { kind: "count", count: ids.size };
  return null;
}
