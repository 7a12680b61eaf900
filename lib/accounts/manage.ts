import "server-only";

import * as accountsDb from "@/db/accounts";
import type { Database } from "@/db/client";
import { AdminError, isUniqueViolation } from "@/lib/admin/errors";

import { type NewAccount, newAccountSchema, type NewCredentials } from "./schemas";

/** Adds an account; a second account with the same AppID is a clear conflict, not a 500. */
export async function createAccount(database: Database, input: NewAccount) {
  const account = newAccountSchema.parse(input);
  try {
    return await accountsDb.createAccount(database, account);
  } catch (error) {
    if (isUniqueViolation(error))
      throw new AdminError("conflict", "admin.err.appidTaken", { appid: input.appid }, { appid: ["taken"] });
    throw error;
  }
}

/** The account's public columns; an unknown id is a not-found error. */
export async function requireAccount(database: Database, accountId: number) {
  const row = await accountsDb.findAccount(database, accountId);
  if (!row) throw new AdminError("not_found", "error.noAccount");
  return row;
}

/**
 * Replaces an account's credentials (and optionally its name). Secrets of the other auth type
 * are cleared, and its cached token is dropped: it was issued for the old credentials.
 */
export async function updateCredentials(
  database: Database,
  accountId: number,
  input: { name?: string; credentials: NewCredentials },
) {
  await requireAccount(database, accountId);
  return accountsDb.updateCredentials(database, accountId, input);
}

/** Deletes an account with all its data; refused while a sync of it runs. */
export async function deleteAccount(database: Database, accountId: number) {
  const account = await requireAccount(database, accountId);
  const done = await database.tryWithLock("sync-account", accountId, async () => {
    await accountsDb.deleteAccount(database, accountId);
    return true;
  });
  if (done === null) throw new AdminError("conflict", "admin.err.deleteWhileSync", { name: account.name });
  return { id: accountId };
}
