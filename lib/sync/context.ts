import "server-only";
import { getDatabase } from "@/db/client";
import { now } from "@/lib/clock";
import { env } from "@/lib/env";
import type { HttpOptions } from "@/lib/wechat/http";
import { createTokenManager, type SyncContext } from "./runner";

export function httpOptionsFromEnv(): HttpOptions {
  const e = env();
  return { baseUrl: e.WECHAT_API_BASE, timeoutMs: e.WECHAT_TIMEOUT_MS, maxAttempts: e.WECHAT_MAX_ATTEMPTS };
}

let context: Promise<SyncContext> | undefined;

/** The process's sync context: its database, WeChat settings and shared token manager. */
export function getSyncContext(): Promise<SyncContext> {
  context ??= (async () => {
    const database = await getDatabase();
    const http = httpOptionsFromEnv();
    return { database, http, tokens: createTokenManager(database, http), now };
  })();
  return context;
}
