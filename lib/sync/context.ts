import "server-only";

import { getDatabase } from "@/db/client";
import { now } from "@/lib/clock";
import { env } from "@/lib/env";
import { limitInFlight } from "@/lib/jobs/limit";
import type { HttpOptions } from "@/lib/wechat/http";
import { nodeTransport } from "@/lib/wechat/transport";

import { createTokenManager, type SyncContext } from "./runner";

export function httpOptionsFromEnv(): HttpOptions {
  const e = env();
  return {
    baseUrl: e.WECHAT_API_BASE,
    timeoutMs: e.WECHAT_TIMEOUT_MS,
    maxAttempts: e.WECHAT_MAX_ATTEMPTS,
    // Every sync of the process shares one cap on calls in flight.
    transport: limitInFlight(nodeTransport, e.WECHAT_MAX_IN_FLIGHT),
  };
}

/** On globalThis, like the database: one per process, not one per Next.js bundle layer. */
const shared = globalThis as typeof globalThis & { __readoutSyncContext?: Promise<SyncContext> };

/** The process's sync context: its database, WeChat settings and shared token manager. */
export function getSyncContext(): Promise<SyncContext> {
  shared.__readoutSyncContext ??= (async () => {
    const database = await getDatabase();
    const http = httpOptionsFromEnv();
    return { database, http, tokens: createTokenManager(database, http), now };
  })().catch((error: unknown) => {
    shared.__readoutSyncContext = undefined;
    throw error;
  });
  return shared.__readoutSyncContext;
}
