import "server-only";

import * as accountsDb from "@/db/accounts";
import type { Database } from "@/db/client";
import type { Credentials, TokenStore } from "@/lib/wechat/tokens";

/** The token manager's view of credentials (typed into a form, or stored) of the account with this AppID. */
export function credentialsFor(appid: string, c: accountsDb.AccountCredentials): Credentials {
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

/** An account's stored credentials, decrypted: server-side only, for the token manager. */
export async function loadCredentials(database: Database, accountId: number): Promise<Credentials> {
  const { appid, ...credentials } = await accountsDb.loadCredentials(database, accountId);
  return credentialsFor(appid, credentials);
}

/** Tokens cached in the database, encrypted, shared by every process on it. */
export function databaseTokenStore(database: Database): TokenStore {
  return {
    load: (key) => accountsDb.loadToken(database, key),
    save: (key, value) => accountsDb.saveToken(database, key, value),
    async drop(key, token) {
      const current = await accountsDb.loadToken(database, key);
      if (current?.token === token) await accountsDb.dropToken(database, key);
    },
    saveRefreshToken: (authorizerAppid, refreshToken) =>
      accountsDb.saveRefreshToken(database, authorizerAppid, refreshToken),
  };
}
