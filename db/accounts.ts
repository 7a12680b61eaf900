import "server-only";

import { and, asc, eq, inArray } from "drizzle-orm";

import type { Database } from "./client";
import { accessTokens, accounts } from "./schema";

/** Columns safe to show anywhere (no secrets, not even encrypted). */
const publicAccountColumns = {
  id: accounts.id,
  name: accounts.name,
  appid: accounts.appid,
  authType: accounts.authType,
  componentAppid: accounts.componentAppid,
  createdAt: accounts.createdAt,
};

/** An account's credentials in plain text; they are sealed here on the way in and opened on the way out. */
export type AccountCredentials =
  | { authType: "classic" | "stable"; secret: string }
  | {
      authType: "component";
      componentAppid: string;
      componentSecret: string;
      componentVerifyTicket: string;
      authorizerRefreshToken: string;
    };

export type NewAccountRecord = { name: string; appid: string } & AccountCredentials;

/** Every credential column, the other auth type's ones cleared. */
function sealedColumns({ secrets }: Database, c: AccountCredentials) {
  return c.authType === "component"
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
}

export async function createAccount(database: Database, a: NewAccountRecord) {
  const [row] = await database.db
    .insert(accounts)
    .values({ name: a.name, appid: a.appid, ...sealedColumns(database, a) })
    .returning(publicAccountColumns);
  return row!;
}

/** Every account, or those with the given ids, in id order. */
export function listAccounts({ db }: Database, ids?: number[]) {
  return db
    .select(publicAccountColumns)
    .from(accounts)
    .where(ids ? inArray(accounts.id, ids) : undefined)
    .orderBy(asc(accounts.id));
}

/** The ids among `ids` that name an existing account. */
export async function existingAccountIds({ db }: Database, ids: number[]): Promise<number[]> {
  if (ids.length === 0) return [];
  const rows = await db.select({ id: accounts.id }).from(accounts).where(inArray(accounts.id, ids));
  return rows.map((r) => r.id);
}

export async function findAccount({ db }: Database, accountId: number) {
  const [row] = await db.select(publicAccountColumns).from(accounts).where(eq(accounts.id, accountId));
  return row ?? null;
}

export async function findAccountByAppid({ db }: Database, appid: string) {
  const [row] = await db.select(publicAccountColumns).from(accounts).where(eq(accounts.appid, appid));
  return row ?? null;
}

/** The account's AppID and credentials, opened: server-side only, for the token manager. */
export async function loadCredentials(
  { db, secrets }: Database,
  accountId: number,
): Promise<{ appid: string } & AccountCredentials> {
  const [a] = await db.select().from(accounts).where(eq(accounts.id, accountId));
  if (!a) throw new Error(`No account with id ${accountId}.`);
  const open = (v: string | null, what: string) => {
    if (!v) throw new Error(`Account ${a.appid} has no ${what}.`);
    return secrets.open(v);
  };
  if (a.authType === "component") {
    return {
      appid: a.appid,
      authType: "component",
      componentAppid: a.componentAppid ?? "",
      componentSecret: open(a.componentSecretEnc, "component AppSecret"),
      componentVerifyTicket: open(a.componentVerifyTicketEnc, "component_verify_ticket"),
      authorizerRefreshToken: open(a.authorizerRefreshTokenEnc, "authorizer refresh token"),
    };
  }
  return { appid: a.appid, authType: a.authType, secret: open(a.secretEnc, "AppSecret") };
}

/** Replaces an account's credentials (and optionally its name) and drops its cached token, issued for the old ones. */
export function updateCredentials(
  database: Database,
  accountId: number,
  change: { name?: string; credentials: AccountCredentials },
) {
  return database.db.transaction(async (tx) => {
    const [row] = await tx
      .update(accounts)
      .set({ ...sealedColumns(database, change.credentials), ...(change.name ? { name: change.name } : {}) })
      .where(eq(accounts.id, accountId))
      .returning(publicAccountColumns);
    await tx.delete(accessTokens).where(eq(accessTokens.cacheKey, accountTokenKey(accountId)));
    return row!;
  });
}

/** A third-party platform rotated the authorizer's refresh token: keep the new one. */
export async function saveRefreshToken(database: Database, authorizerAppid: string, refreshToken: string) {
  await database.db
    .update(accounts)
    .set({ authorizerRefreshTokenEnc: database.secrets.seal(refreshToken) })
    .where(and(eq(accounts.appid, authorizerAppid), eq(accounts.authType, "component")));
}

/** Deletes an account with all its data and its cached token. */
export async function deleteAccount({ db }: Database, accountId: number) {
  await db.transaction(async (tx) => {
    await tx.delete(accessTokens).where(eq(accessTokens.cacheKey, accountTokenKey(accountId)));
    await tx.delete(accounts).where(eq(accounts.id, accountId));
  });
}

/** The access_tokens row of an account's token. */
export const accountTokenKey = (accountId: number) => `account:${accountId}`;

/** Tokens are cached in the database, encrypted, shared by every process on it. */
export async function loadToken({ db, secrets }: Database, key: string) {
  const [row] = await db.select().from(accessTokens).where(eq(accessTokens.cacheKey, key));
  if (!row) return null;
  try {
    return { token: secrets.open(row.tokenEnc), expiresAt: row.expiresAt };
  } catch {
    return null;
  }
}

export async function saveToken({ db, secrets }: Database, key: string, value: { token: string; expiresAt: Date }) {
  const values = { tokenEnc: secrets.seal(value.token), expiresAt: value.expiresAt, fetchedAt: new Date() };
  await db
    .insert(accessTokens)
    .values({ cacheKey: key, ...values })
    .onConflictDoUpdate({ target: accessTokens.cacheKey, set: values });
}

export async function dropToken({ db }: Database, key: string) {
  await db.delete(accessTokens).where(eq(accessTokens.cacheKey, key));
}

/** The data versions of these accounts (bumped by each sync commit), in id order. */
export function listDataVersions({ db }: Database, accountIds: number[]) {
  return db
    .select({ id: accounts.id, version: accounts.dataVersion })
    .from(accounts)
    .where(inArray(accounts.id, accountIds))
    .orderBy(accounts.id);
}
