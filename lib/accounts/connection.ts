import "server-only";

import { accountTokenKey } from "@/db/accounts";
import type { Database } from "@/db/client";
import { addDaysIso, type IsoDate } from "@/lib/dates";
import { DatacubeClient } from "@/lib/wechat/client";
import { redact, WeChatError, type WeChatErrorKind } from "@/lib/wechat/errors";
import type { HttpOptions } from "@/lib/wechat/http";
import { type Credentials, TokenManager, type TokenStore } from "@/lib/wechat/tokens";

import { databaseTokenStore, loadCredentials } from "./credentials";

/**
 * "Test connection": what the browser may learn. Never the token, never a secret: only
 * whether WeChat accepted the credentials, and if not, its errcode and the problem in words.
 */
export type ConnectionResult =
  | {
      ok: true;
      /** Seconds the fresh token is valid for, as WeChat said. */
      expiresIn: number;
      /** A problem the datacube probe met that is not about the connection (quota, WeChat busy). */
      note: ConnectionProblem | null;
    }
  | ({ ok: false } & ConnectionProblem);

export interface ConnectionProblem {
  code: number | null;
  kind: WeChatErrorKind;
  /** English details, including WeChat's errmsg (redacted). The page words known codes itself. */
  message: string;
  /** With 40164: the IP address to add to the account's whitelist. */
  ip: string | null;
  /** Which step failed: getting a token, or the datacube call made with it. */
  step: "token" | "datacube";
}

/** Fails fast: one retry at most, a short timeout, so the button answers within seconds. */
const quick = (http: HttpOptions): HttpOptions => ({
  ...http,
  maxAttempts: Math.min(http.maxAttempts, 2),
  timeoutMs: Math.min(http.timeoutMs, 10_000),
});

/** Caches nothing: a test must not disturb the tokens a running sync holds. */
const noStore: TokenStore = { load: async () => null, save: async () => {}, drop: async () => {} };

function problemOf(error: unknown, step: ConnectionProblem["step"]): ConnectionProblem {
  if (error instanceof WeChatError)
    return { code: error.code, kind: error.kind, message: error.message, ip: error.ip, step };
  return {
    code: null,
    kind: "unknown",
    message: redact(error instanceof Error ? error.message : String(error)),
    ip: null,
    step,
  };
}

/**
 * Fetches a brand-new token with these credentials, then makes one small datacube call
 * (getbizsummary for yesterday) with it: a token alone does not show an unverified account
 * (48001) or a platform without permission set 7 (50001/61003).
 */
export async function testConnection(
  http: HttpOptions,
  credentials: Credentials,
  today: IsoDate,
  keep: {
    onToken?: (token: { token: string; expiresAt: Date }) => Promise<void>;
    saveRefreshToken?: TokenStore["saveRefreshToken"];
  } = {},
): Promise<ConnectionResult> {
  const options = quick(http);
  const { onToken, saveRefreshToken } = keep;
  let token: { token: string; expiresAt: Date };
  try {
    // A rotated authorizer refresh token must still be kept, or the account could not renew.
    token = await new TokenManager(options, { ...noStore, saveRefreshToken }).fetchFresh(credentials);
  } catch (error) {
    return { ok: false, ...problemOf(error, "token") };
  }
  const expiresIn = Math.max(0, Math.round((token.expiresAt.getTime() - Date.now()) / 1000));
  await onToken?.(token);
  const yesterday = addDaysIso(today, -1);
  const client = new DatacubeClient(options, { get: async () => token.token, invalidate: async () => {} });
  try {
    await client.fetchRaw("getbizsummary", yesterday, yesterday);
    return { ok: true, expiresIn, note: null };
  } catch (error) {
    const problem = problemOf(error, "datacube");
    // Not allowed to read data, or credentials refused: the account cannot be synced.
    if (problem.kind === "unauthorized" || problem.kind === "credentials") return { ok: false, ...problem };
    return { ok: true, expiresIn, note: problem };
  }
}

/**
 * Tests an account's stored credentials. A classic token fetched here replaces the one WeChat
 * had issued before (after a 5-minute overlap), so it is kept as the account's cached token.
 */
export async function testStoredConnection(
  database: Database,
  http: HttpOptions,
  accountId: number,
  today: IsoDate,
): Promise<ConnectionResult> {
  const credentials = await loadCredentials(database, accountId);
  const store = databaseTokenStore(database);
  return testConnection(http, credentials, today, {
    onToken: (token) => store.save(accountTokenKey(accountId), token),
    saveRefreshToken: store.saveRefreshToken?.bind(store),
  });
}
