import "server-only";

import { promisify } from "node:util";
import { gunzipSync, gzip } from "node:zlib";

import { and, asc, eq, gte, isNull, lte } from "drizzle-orm";

import type { IsoDate } from "@/lib/dates";

import type { Db } from "./client";
import { rawResponses } from "./schema";

/**
 * The raw archive keeps every datacube answer byte for byte, gzip-compressed: the answers are
 * repetitive JSON (a tenth of the size compressed), and compressing here is far cheaper than
 * letting the embedded database do it.
 */
const gzipAsync = promisify(gzip);

/** Compresses on libuv's thread pool, off the event loop. */
export const compressBody = (body: string): Promise<Buffer> => gzipAsync(Buffer.from(body, "utf8"), { level: 1 });
const decompressBody = (gz: Buffer | Uint8Array) => gunzipSync(gz).toString("utf8");

/** Archived answers of one window, oldest first, bodies as received. */
export async function archivedAnswers(db: Db, accountId: number, endpoint: string, beginDate: string) {
  const rows = await db
    .select()
    .from(rawResponses)
    .where(
      and(
        eq(rawResponses.accountId, accountId),
        eq(rawResponses.endpoint, endpoint),
        eq(rawResponses.beginDate, beginDate),
      ),
    )
    .orderBy(asc(rawResponses.fetchedAt), asc(rawResponses.id));
  return rows.map(({ bodyGzip, ...rest }) => ({ ...rest, body: decompressBody(bodyGzip) }));
}

/** The windows WeChat answered with data (HTTP 200, no errcode) overlapping [from, to]. */
export function listAnsweredWindows(db: Db, accountId: number, from: IsoDate, to: IsoDate) {
  return db
    .selectDistinct({
      endpoint: rawResponses.endpoint,
      beginDate: rawResponses.beginDate,
      endDate: rawResponses.endDate,
    })
    .from(rawResponses)
    .where(
      and(
        eq(rawResponses.accountId, accountId),
        isNull(rawResponses.errcode),
        eq(rawResponses.httpStatus, 200),
        lte(rawResponses.beginDate, to),
        gte(rawResponses.endDate, from),
      ),
    );
}
