import { z } from "zod";

import type { IsoDate } from "@/lib/dates";

import { datacubePath, type EndpointName, type EndpointRow, ENDPOINTS } from "./endpoints";
import { WeChatError } from "./errors";
import {
  type AttemptListener,
  type HttpOptions,
  type RawResponse,
  type ResponseListener,
  send,
  withRetry,
} from "./http";
import { isDelayFlag } from "./rows";
import type { TokenSource } from "./tokens";

export interface DatacubeAnswer<N extends EndpointName> {
  rows: EndpointRow<N>[];
  /** New generation: the figures are not final yet. */
  isDelay: boolean;
  raw: RawResponse;
}

const envelope = z.looseObject({ list: z.array(z.unknown()), is_delay: isDelayFlag });

/** Calls one datacube interface for one window, with token renewal and bounded retries. */
export class DatacubeClient {
  constructor(
    private readonly http: HttpOptions,
    private readonly tokens: TokenSource,
  ) {}

  /** Calls and validates. */
  async fetch<N extends EndpointName>(
    endpoint: N,
    beginDate: IsoDate,
    endDate: IsoDate,
    onResponse?: ResponseListener,
  ): Promise<DatacubeAnswer<N>> {
    const raw = await this.fetchRaw(endpoint, beginDate, endDate, onResponse);
    return { ...parseAnswer(endpoint, raw.json, windowLabel(endpoint, beginDate, endDate)), raw };
  }

  /**
   * The call alone: an answer WeChat accepted (no errcode), its rows not yet validated. Lets a
   * caller start its next call before spending CPU on validation.
   */
  async fetchRaw(
    endpoint: EndpointName,
    beginDate: IsoDate,
    endDate: IsoDate,
    onResponse?: ResponseListener,
    onAttempt?: AttemptListener,
  ): Promise<RawResponse> {
    const label = windowLabel(endpoint, beginDate, endDate);
    const call = (token: string) => {
      onAttempt?.();
      return send(
        this.http,
        {
          method: "POST",
          path: datacubePath(endpoint),
          query: { access_token: token },
          body: { begin_date: beginDate, end_date: endDate },
          label,
        },
        onResponse,
      );
    };

    return withRetry(this.http, async () => {
      const token = await this.tokens.get();
      try {
        return await call(token);
      } catch (error) {
        if (!(error instanceof WeChatError) || error.kind !== "token") throw error;
        // WeChat rejected the token (revoked, expired, superseded): renew once and repeat.
        await this.tokens.invalidate(token);
        return call(await this.tokens.get());
      }
    });
  }
}

export const windowLabel = (endpoint: EndpointName, beginDate: IsoDate, endDate: IsoDate) =>
  `${endpoint} ${beginDate}..${endDate}`;

export function parseAnswer<N extends EndpointName>(endpoint: N, json: unknown, label: string) {
  const body = envelope.safeParse(json);
  if (!body.success) {
    throw new WeChatError({ kind: "invalid_response", message: `${label}: the answer has no "list" array` });
  }
  const schema = ENDPOINTS[endpoint].rowSchema as unknown as z.ZodType<EndpointRow<N>>;
  const rows: EndpointRow<N>[] = [];
  for (const [index, item] of body.data.list.entries()) {
    const row = schema.safeParse(item);
    if (!row.success) {
      const issue = row.error.issues[0];
      const where = issue ? `${issue.path.join(".") || "row"}: ${issue.message}` : "bad row";
      throw new WeChatError({ kind: "invalid_response", message: `${label}: list[${index}] ${where}` });
    }
    rows.push(row.data);
  }
  return { rows, isDelay: body.data.is_delay };
}

/**
 * Rows of the asked window, and the rest. WeChat's answers sometimes carry rows for other dates
 * (even years old); every interface dates its rows by ref_date (the send/publish date for the
 * cumulative curves, whose later stat dates belong to the window), so only those in
 * [beginDate, endDate] are the window's.
 */
export function splitByWindow<Row extends { ref_date: string }>(rows: Row[], beginDate: IsoDate, endDate: IsoDate) {
  const inside: Row[] = [];
  const outside: Row[] = [];
  for (const row of rows) (row.ref_date >= beginDate && row.ref_date <= endDate ? inside : outside).push(row);
  return { inside, outside };
}
