import "server-only";

import { asc, eq, sql } from "drizzle-orm";

import type { Database } from "./client";
import { accounts, type Role, userAccounts, users } from "./schema";

/** Columns safe to show anywhere (no password hash). */
const publicUserColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  role: users.role,
  sessionVersion: users.sessionVersion,
  mustChangePassword: users.mustChangePassword,
  createdAt: users.createdAt,
};

/** A user with the accounts assigned to them; the password arrives hashed. */
export async function createUser(
  database: Database,
  u: {
    email: string;
    name: string;
    role: Role;
    passwordHash: string;
    mustChangePassword?: boolean;
    accountIds: number[];
  },
) {
  return database.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(users)
      .values({
        email: u.email,
        name: u.name,
        role: u.role,
        passwordHash: u.passwordHash,
        mustChangePassword: u.mustChangePassword ?? false,
      })
      .returning(publicUserColumns);
    if (u.accountIds.length > 0) {
      await tx.insert(userAccounts).values(u.accountIds.map((accountId) => ({ userId: row!.id, accountId })));
    }
    return row!;
  });
}

/** For sign-in only: the one query that reads the hash. */
export async function findLogin({ db }: Database, email: string) {
  const [row] = await db
    .select({ id: users.id, passwordHash: users.passwordHash, sessionVersion: users.sessionVersion })
    .from(users)
    .where(eq(users.email, email.trim().toLowerCase()));
  return row ?? null;
}

/** For changing one's own password only: the hash of the user's current password. */
export async function findPasswordHash({ db }: Database, id: number): Promise<string | null> {
  const [row] = await db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, id));
  return row?.hash ?? null;
}

export async function findUser({ db }: Database, id: number) {
  const [row] = await db.select(publicUserColumns).from(users).where(eq(users.id, id));
  return row ?? null;
}

/**
 * A user and the ids of the accounts they may see (every account for an admin), in one query:
 * every signed-in request asks this.
 */
export async function findUserWithAccounts({ db }: Database, id: number) {
  const [row] = await db
    .select({
      ...publicUserColumns,
      accountIds: sql<number[]>`case when ${users.role} = 'admin'
        then array(select ${accounts.id} from ${accounts} order by 1)
        else array(select ${userAccounts.accountId} from ${userAccounts} where ${userAccounts.userId} = ${users.id} order by 1)
        end`,
    })
    .from(users)
    .where(eq(users.id, id));
  return row ?? null;
}

export async function findUserByEmail({ db }: Database, email: string) {
  const [row] = await db.select(publicUserColumns).from(users).where(eq(users.email, email.trim().toLowerCase()));
  return row ?? null;
}

export async function listUsers({ db }: Database) {
  const [people, links] = await Promise.all([
    db.select(publicUserColumns).from(users).orderBy(asc(users.id)),
    db.select().from(userAccounts),
  ]);
  return people.map((u) => ({ ...u, accountIds: links.filter((l) => l.userId === u.id).map((l) => l.accountId) }));
}

/** The admins' ids, their rows locked until the transaction (see inTransaction) ends. */
export async function lockAdminIds({ db }: Database): Promise<number[]> {
  const rows = await db.select({ id: users.id }).from(users).where(eq(users.role, "admin")).for("update");
  return rows.map((r) => r.id);
}

/**
 * Sets what is given of name, role, password hash and must-change flag. A new role or password
 * ends every session of the user (the session version goes up).
 */
export async function updateUser(
  { db }: Database,
  id: number,
  change: { name?: string; role?: Role; passwordHash?: string; mustChangePassword?: boolean },
) {
  const set = {
    name: change.name,
    role: change.role,
    passwordHash: change.passwordHash,
    mustChangePassword: change.mustChangePassword,
  };
  if (!Object.values(set).some((v) => v !== undefined)) return;
  const endSessions = change.role !== undefined || change.passwordHash !== undefined;
  await db
    .update(users)
    .set({ ...set, ...(endSessions ? { sessionVersion: sql`${users.sessionVersion} + 1` } : {}) })
    .where(eq(users.id, id));
}

/** The version every session cookie of the user must carry (null: no such user). */
export async function findSessionVersion({ db }: Database, id: number): Promise<number | null> {
  const [row] = await db.select({ v: users.sessionVersion }).from(users).where(eq(users.id, id));
  return row?.v ?? null;
}

/** Ends every session of the user. */
export async function bumpSessionVersion({ db }: Database, id: number) {
  await db
    .update(users)
    .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(eq(users.id, id));
}

/** Replaces the accounts assigned to a user. */
export async function setUserAccounts({ db }: Database, userId: number, accountIds: number[]) {
  await db.delete(userAccounts).where(eq(userAccounts.userId, userId));
  if (accountIds.length > 0)
    await db.insert(userAccounts).values(accountIds.map((accountId) => ({ userId, accountId })));
}

export async function deleteUser({ db }: Database, id: number) {
  await db.delete(users).where(eq(users.id, id));
}
