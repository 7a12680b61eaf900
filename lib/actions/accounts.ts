"use server";
import { z } from "zod";

import * as connection from "@/lib/accounts/connection";
import { credentialsFor } from "@/lib/accounts/credentials";
import * as accounts from "@/lib/accounts/manage";
import { credentialsSchema, newAccountSchema } from "@/lib/accounts/schemas";
import { recordAudit } from "@/lib/audit";
import { beijingToday } from "@/lib/clock";
import { getSyncContext } from "@/lib/sync/context";

import { authedAction } from "./action";

/** Server actions of the accounts pages. None ever returns a secret or a token. */

const accountId = z.number().int().positive();
const manage = { right: "manage", of: (i: { accountId: number }) => [i.accountId] } as const;

/** Admin: adds an Official Account (classic/stable AppSecret, or third-party authorizer). */
export const createAccount = authedAction(newAccountSchema, { role: "admin" }, async (input, { database, user }) => {
  const created = await accounts.createAccount(database, input);
  await recordAudit(database, {
    actor: user,
    action: "account.create",
    target: `account:${created.id}`,
    detail: { appid: input.appid, name: input.name },
  });
  return created;
});

/** Admins and the account's managers: replaces its credentials (and optionally its name). */
export const updateCredentials = authedAction(
  z.object({ accountId, name: z.string().trim().min(1).max(100).optional(), credentials: credentialsSchema }),
  { accounts: manage },
  async (input, { database, user }) => {
    const result = await accounts.updateCredentials(database, input.accountId, input);
    // What changed, never the secrets themselves.
    await recordAudit(database, {
      actor: user,
      action: "account.credentials",
      target: `account:${input.accountId}`,
      detail: { authType: input.credentials.authType, renamed: input.name !== undefined },
    });
    return result;
  },
);

/**
 * Admins and the account's managers: fetches a fresh token with the stored credentials, or with
 * credentials typed into the form for this account (before saving them), and makes one small
 * datacube call with it.
 */
export const testConnection = authedAction(
  z.object({ accountId, credentials: credentialsSchema.optional() }),
  { accounts: manage },
  async (input, { database }) => {
    const { http } = await getSyncContext();
    if (!input.credentials) return connection.testStoredConnection(database, http, input.accountId, beijingToday());
    const account = await accounts.requireAccount(database, input.accountId);
    return connection.testConnection(http, credentialsFor(account.appid, input.credentials), beijingToday());
  },
);

/** Admin: tests the credentials typed into the add form before the account exists. */
export const testNewConnection = authedAction(newAccountSchema, { role: "admin" }, async (input) =>
  connection.testConnection((await getSyncContext()).http, credentialsFor(input.appid, input), beijingToday()),
);

/** Admin: deletes an account and all its data (refused while it syncs). */
export const deleteAccount = authedAction(
  z.object({ accountId }),
  { role: "admin", accounts: manage },
  async (input, { database, user }) => {
    const result = await accounts.deleteAccount(database, input.accountId);
    await recordAudit(database, { actor: user, action: "account.delete", target: `account:${input.accountId}` });
    return result;
  },
);
