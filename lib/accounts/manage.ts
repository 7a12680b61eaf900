import "server-only";

import { eq } from "drizzle-orm";
import { z } from "zod";

import { accountTokenKey, addAccount, type NewAccount, publicAccountColumns } from "@/db/accounts";
import type { Database } from "@/db/client";
import { accessTokens, accounts } from "@/db/schema";
import { AdminError, isUniqueViolation } from "@/lib/admin/errors";
import { issueError } from "@/lib/i18n/zod";
import type { Credentials } from "@/lib/wechat/tokens";

const secretText = z.string().trim().min(1).max(200);
const longText = z.string().trim().min(1).max(500);

/** New credentials for an existing account (its AppID stays; the secrets are replaced whole). */
export const credentialsSchema = z.discriminatedUnion("authType", [
  z.object({ authType: z.enum(["classic", "stable"]), secret: secretText }),
  z.object({
    authType: z.literal("component"),
    componentAppid: z.string().regex(/^wx[0-9a-zA-Z]{10,30}$/, { error: issueError("validation.appid") }),
    componentSecret: secretText,
    componentVerifyTicket: longText,
    authorizerRefreshToken: longText,
  }),
]);
export type NewCredentials = z.infer<typeof credentialsSchema>;

/** The token manager's view of credentials typed into a form, for the account with this AppID. */
export function credentialsFor(appid: string, c: NewCredentials | NewAccount): Credentials {
  if (c.authType === "component") {
    return {
      type: "component",
      componentAppid: c.componentAppid,
      componentSecret: c.componentSecret,
      componentVerifyTicket: c.componentVerifyTicket,
      authorizerAppid: appid,
      authorizerRefreshToken: c.authorizerRefreshToken,
    };
  }
  return { type: c.authType, appid, secret: c.secret };
}

/** Adds an account; a second account with the same AppID is a clear conflict, not a 500. */
export async function createAccount(database: Database, input: NewAccount) {
  try {
    return await addAccount(database, input);
  } catch (error) {
    if (isUniqueViolation(error))
      throw new AdminError("conflict", "admin.err.appidTaken", { appid: input.appid }, { appid: ["taken"] });
    throw error;
  }
}

export async function findAccount({ db }: Database, accountId: number) {
  const [row] = await db.select(publicAccountColumns).from(accounts).where(eq(accounts.id, accountId));
  if (!row) throw new AdminError("not_found", "error.noAccount");
  return row;
}

/**
 * Replaces an account's credentials (and optionally its name). Secrets of the other auth type
 * are cleared, and its cached token is dropped: it was issued for the old credentials.
 */
export async function replaceCredentials(
  database: Database,
  accountId: number,
  input: { name?: string; credentials: NewCredentials },
) {
  const { db, secrets } = database;
  await findAccount(database, accountId);
  const c = input.credentials;
  const sealed =
    c.authType === "component"
      ? {
          authType: c.authType,
          secretEnc: null,
          componentAppid: c.componentAppid,
          componentSecretEnc: secrets.seal(c.componentSecret),
          componentVerifyTicketEnc: secrets.seal(c.componentVerifyTicket),
          authorizerRefreshTokenEnc: secrets.seal(c.authorizerRefreshToken),
        }
      : {
          authType: c.authType,
          secretEnc: secrets.seal(c.secret),
          componentAppid: null,
          componentSecretEnc: null,
          componentVerifyTicketEnc: null,
          authorizerRefreshTokenEnc: null,
        };
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(accounts)
      .set({ ...sealed, ...(input.name ? { name: input.name } : {}) })
      .where(eq(accounts.id, accountId))
      .returning(publicAccountColumns);
    await tx.delete(accessTokens).where(eq(accessTokens.cacheKey, accountTokenKey(accountId)));
    return row!;
  });
}

/** Deletes an account with all its data; refused while a sync of it runs. */
export async function removeAccount(database: Database, accountId: number) {
  const account = await findAccount(database, accountId);
  const done = await database.tryWithLock("sync-account", accountId, async () => {
    await database.db.transaction(async (tx) => {
      await tx.delete(accessTokens).where(eq(accessTokens.cacheKey, accountTokenKey(accountId)));
      await tx.delete(accounts).where(eq(accounts.id, accountId));
    });
    return true;
  });
  if (done === null) throw new AdminError("conflict", "admin.err.deleteWhileSync", { name: account.name });
  return { id: accountId };
}
