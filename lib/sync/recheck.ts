import "server-only";

import { accountTokenKey } from "@/db/accounts";
import { reinstateEndpoint } from "@/db/ledger";
import { loadCredentials } from "@/lib/accounts/credentials";
import { addDaysIso, beijingDateOf } from "@/lib/dates";
import { DatacubeClient } from "@/lib/wechat/client";
import type { EndpointName } from "@/lib/wechat/endpoints";
import { WeChatError } from "@/lib/wechat/errors";

import type { SyncContext } from "./runner";

export type RecheckResult = { answering: true } | { answering: false; code: number | null; message: string };

/**
 * An admin's re-check of an interface marked retired: one call for yesterday. If WeChat answers
 * with data, the interface is reinstated and the next sync fetches what it missed; otherwise
 * it stays retired and WeChat's answer is reported.
 */
export async function recheckEndpoint(
  ctx: SyncContext,
  accountId: number,
  endpoint: EndpointName,
): Promise<RecheckResult> {
  const credentials = await loadCredentials(ctx.database, accountId);
  const client = new DatacubeClient(
    { ...ctx.http, maxAttempts: 1 },
    ctx.tokens.source(accountTokenKey(accountId), credentials),
  );
  const yesterday = addDaysIso(beijingDateOf(ctx.now()), -1);
  try {
    await client.fetchRaw(endpoint, yesterday, yesterday);
  } catch (error) {
    if (error instanceof WeChatError) return { answering: false, code: error.code, message: error.message };
    throw error;
  }
  await reinstateEndpoint(ctx.database.db, accountId, endpoint);
  return { answering: true };
}
