"use server";
import { z } from "zod";

import * as connection from "@/lib/accounts/connection";
import { credentialsFor } from "@/lib/accounts/credentials";
import * as accounts from "@/lib/accounts/manage";
import { credentialsSchema, newAccountSchema } from "@/lib/accounts/schemas";
import { beijingToday } from "@/lib/clock";
import { getSyncContext } from "@/lib/sync/context";

import { authedAction } from "./action";

/** Server actions of the accounts pages. None ever returns a secret or a token. */

const accountId = z.number().int().positive();
const manage = { right: "manage", of: (i: { accountId: number }) => [i.accountId] } as const;

/** Admin: adds an Official Account (classic/stable AppSecret, or third-party authorizer). */
export const createAccount = authedAction(newAccountSchema, { role: "admin" }, (input, { database }) =>
  accounts.createAccount(database, input),
);

/** Admins and the account's managers: replaces its credentials (and optionally its name). */
export const updateCredentials = authedAction(
  z.object({ accountId, name: z.string().trim().min(1).max(100).optional(), credentials: credentialsSchema }),
  { accounts: manage },
  (input, { database }) => accounts.updateCredentials(database, input.accountId, input),
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
  (input, { database }) => accounts.deleteAccount(database, input.accountId),
);
