import pRetry, { AbortError } from "p-retry";

import { errorFromCode, redact, WeChatError } from "./errors";
import { ConnectionClosedError, nodeTransport, type Transport, TransportTimeoutError } from "./transport";

export interface HttpOptions {
  baseUrl: string;
  timeoutMs: number;
  /** Attempts for transient failures (-1, 45011, 5xx, timeouts, network errors, truncated bodies). */
  maxAttempts: number;
  /** First backoff in ms; grows ×2 with jitter. */
  minBackoffMs?: number;
  /** How requests travel; tests and call counting wrap or replace it. */
  transport?: Transport;
}

export interface RawResponse {
  httpStatus: number;
  body: string;
  /** The parsed body, whatever the content-type said; undefined when it is not JSON. */
  json: unknown;
  errcode: number | null;
}

export type ResponseListener = (response: RawResponse) => void | Promise<void>;
/** Called as each attempt goes out, whether or not an answer ever comes back. */
export type AttemptListener = () => void;

export interface Request {
  method: "GET" | "POST";
  path: string;
  query?: Record<string, string>;
  body?: unknown;
  /** A short name for messages, e.g. "getarticleread 2026-01-01..2026-01-01". */
  label: string;
}

/**
 * One WeChat call with a timeout. Answers `{errcode != 0}` become WeChatErrors; bodies are
 * parsed as JSON regardless of content-type (error bodies sometimes come as text/plain).
 */
export async function send(opts: HttpOptions, req: Request, onResponse?: ResponseListener): Promise<RawResponse> {
  const url = new URL(req.path, opts.baseUrl);
  for (const [k, v] of Object.entries(req.query ?? {})) url.searchParams.set(k, v);
  let status: number;
  let body: string;
  try {
    ({ status, body } = await (opts.transport ?? nodeTransport)({
      url,
      method: req.method,
      body: req.body === undefined ? undefined : JSON.stringify(req.body),
      timeoutMs: opts.timeoutMs,
    }));
  } catch (error) {
    const reason =
      error instanceof TransportTimeoutError || error instanceof ConnectionClosedError
        ? error.message
        : describe(error);
    throw new WeChatError({ kind: "transient", message: `${req.label}: ${reason}` });
  }

  const json = parseJson(body);
  const errcode = readErrcode(json);
  const raw: RawResponse = { httpStatus: status, body, json, errcode };
  await onResponse?.(raw);

  if (errcode !== null && errcode !== 0) {
    throw errorFromCode(errcode, readErrmsg(json), req.label, status);
  }
  if (status >= 500 || status === 429) {
    throw new WeChatError({ kind: "transient", httpStatus: status, message: `${req.label}: HTTP ${status}` });
  }
  if (status !== 200) {
    throw new WeChatError({
      kind: "request",
      httpStatus: status,
      message: `${req.label}: HTTP ${status} (wrong API base URL or path?)`,
    });
  }
  if (json === undefined) {
    // A cut-off body is a transport fault: asking again usually gets the whole answer.
    throw new WeChatError({
      kind: "transient",
      httpStatus: 200,
      message: `${req.label}: the answer is not valid JSON (${body.length} bytes, starts ${JSON.stringify(body.slice(0, 40))})`,
    });
  }
  return raw;
}

/** send() with bounded retries, exponential backoff and jitter for transient failures only. */
export function sendWithRetry(opts: HttpOptions, req: Request, onResponse?: ResponseListener): Promise<RawResponse> {
  return withRetry(opts, () => send(opts, req, onResponse));
}

export function withRetry<T>(
  opts: Pick<HttpOptions, "maxAttempts" | "minBackoffMs">,
  attempt: () => Promise<T>,
): Promise<T> {
  return pRetry(
    async () => {
      try {
        return await attempt();
      } catch (error) {
        if (error instanceof WeChatError && error.retryable) throw error;
        throw new AbortError(error instanceof Error ? error : new Error(String(error)));
      }
    },
    {
      retries: opts.maxAttempts - 1,
      minTimeout: opts.minBackoffMs ?? 200,
      factor: 2,
      maxTimeout: 10_000,
      randomize: true,
    },
  );
}

function parseJson(body: string): unknown {
  try {
    // Some front ends put a UTF-8 byte order mark before the JSON; it is not part of it.
    return JSON.parse(body.charCodeAt(0) === 0xfeff ? body.slice(1) : body) as unknown;
  } catch {
    return undefined;
  }
}

function readErrcode(json: unknown): number | null {
  if (typeof json !== "object" || json === null || !("errcode" in json)) return null;
  const code = Number((json as { errcode: unknown }).errcode);
  return Number.isFinite(code) ? code : null;
}

function readErrmsg(json: unknown): string {
  const msg = (json as { errmsg?: unknown }).errmsg;
  return typeof msg === "string" ? msg : "";
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return redact(String(error));
  const cause = (error as { cause?: unknown }).cause;
  const detail = cause instanceof Error ? `: ${cause.message}` : "";
  return redact(`${error.message}${detail}`);
}
