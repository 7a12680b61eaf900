import "server-only";

import { and, asc, eq } from "drizzle-orm";
import { z } from "zod";

import { issueError } from "@/lib/i18n/zod";
import type { Credentials, TokenStore } from "@/lib/wechat/tokens";

import type { Database } from "./client";
import { accessTokens, accounts, AUTH_TYPES } from "./schema";

/** Columns safe to show anywhere (no secrets, not even encrypted). */
export const publicAccountColumns = {
  id: accounts.id,
  name: accounts.name,
  appid: accounts.appid,
  authType: accounts.authType,
  componentAppid: accounts.componentAppid,
  createdAt: accounts.createdAt,
};

export const appidSchema = z.string().regex(/^wx[0-9a-zA-Z]{10,30}$/, { error: issueError("validation.appidLength") });

export const newAccountSchema = z.discriminatedUnion("authType", [
  z.object({
    authType: z.enum(["classic", "stable"]),
    name: z.string().trim().min(1).max(100),
    appid: appidSchema,
    secret: z.string().trim().min(1).max(200),
  }),
  z.object({
    authType: z.literal("component"),
    name: z.string().trim().min(1).max(100),
    appid: appidSchema,
    componentAppid: appidSchema,
    componentSecret: z.string().trim().min(1).max(200),
    componentVerifyTicket: z.string().trim().min(1).max(500),
    authorizerRefreshToken: z.string().trim().min(1).max(500),
  }),
]);
export type NewAccount = z.infer<typeof newAccountSchema>;

export async function addAccount({ db, secrets }: Database, input: NewAccount) {
  const a = newAccountSchema.parse(input);
  const values =
    a.authType === "component"
      ? {
          name: a.name,
          appid: a.appid,
          authType: a.authType,
          componentAppid: a.componentAppid,
          componentSecretEnc: secrets.seal(a.componentSecret),
          componentVerifyTicketEnc: secrets.seal(a.componentVerifyTicket),
          authorizerRefreshTokenEnc: secrets.seal(a.authorizerRefreshToken),
        }
      : { name: a.name, appid: a.appid, authType: a.authType, secretEnc: secrets.seal(a.secret) };
  const [row] = await db.insert(accounts).values(values).returning(publicAccountColumns);
  return row!;
}

export function listAccounts({ db }: Database) {
  return db.select(publicAccountColumns).from(accounts).orderBy(asc(accounts.id));
}

export async function findAccountByAppid({ db }: Database, appid: string) {
  const [row] = await db.select(publicAccountColumns).from(accounts).where(eq(accounts.appid, appid));
  return row ?? null;
}

/** Decrypted credentials: server-side only, for the token manager. */
export async function loadCredentials({ db, secrets }: Database, accountId: number): Promise<Credentials> {
  const [a] = await db.select().from(accounts).where(eq(accounts.id, accountId));
  if (!a) throw new Error(`No account with id ${accountId}.`);
  const open = (v: string | null, what: string) => {
    if (!v) throw new Error(`Account ${a.appid} has no ${what}.`);
    return secrets.open(v);
  };
  if (a.authType === "component") {
    return {
      type: "component",
      componentAppid: a.componentAppid ?? "",
      componentSecret: open(a.componentSecretEnc, "component AppSecret"),
      componentVerifyTicket: open(a.componentVerifyTicketEnc, "component_verify_ticket"),
      authorizerAppid: a.appid,
      authorizerRefreshToken: open(a.authorizerRefreshTokenEnc, "authorizer refresh token"),
    };
  }
  return { type: a.authType, appid: a.appid, secret: open(a.secretEnc, "AppSecret") };
}

export const accountTokenKey = (accountId: number) => `account:${accountId}`;

/** Tokens cached in the database, encrypted, shared by every process on it. */
export function databaseTokenStore({ db, secrets }: Database): TokenStore {
  return {
    async load(key) {
      const [row] = await db.select().from(accessTokens).where(eq(accessTokens.cacheKey, key));
      if (!row) return null;
      try {
        return { token: secrets.open(row.tokenEnc), expiresAt: row.expiresAt };
      } catch {
        return null;
      }
    },
    async save(key, value) {
      const values = { tokenEnc: secrets.seal(value.token), expiresAt: value.expiresAt, fetchedAt: new Date() };
      await db
        .insert(accessTokens)
        .values({ cacheKey: key, ...values })
        .onConflictDoUpdate({ target: accessTokens.cacheKey, set: values });
    },
    async drop(key, token) {
      const stored = await this.load(key);
      if (stored?.token === token) await db.delete(accessTokens).where(eq(accessTokens.cacheKey, key));
    },
    async saveRefreshToken(authorizerAppid, refreshToken) {
      await db
        .update(accounts)
        .set({ authorizerRefreshTokenEnc: secrets.seal(refreshToken) })
        .where(and(eq(accounts.appid, authorizerAppid), eq(accounts.authType, "component")));
    },
  };
}

export { AUTH_TYPES };

/** The accounts a user may see, names only: for switchers and pickers. */
export async function visibleAccounts(database: Database, user: { accountIds: number[] }) {
  const all = await database.db
    .select({ id: accounts.id, name: accounts.name, appid: accounts.appid })
    .from(accounts)
    .orderBy(asc(accounts.id));
  return all.filter((a) => user.accountIds.includes(a.id));
}
