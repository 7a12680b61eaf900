import "server-only";

import { asc, eq, inArray } from "drizzle-orm";
import { z } from "zod";

import { hashPassword } from "@/lib/auth/password";
import { issueError } from "@/lib/i18n/zod";

import type { Database } from "./client";
import { accounts, type Role, ROLES, userAccounts, users } from "./schema";

/** Columns safe to show anywhere (no password hash). */
export const publicUserColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  role: users.role,
  createdAt: users.createdAt,
};

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: issueError("validation.email") }));
export const passwordSchema = z
  .string()
  .min(8, { error: issueError("validation.password") })
  .max(200);

export const newUserSchema = z.object({
  email: emailSchema,
  name: z.string().trim().max(100).default(""),
  role: z.enum(ROLES),
  password: passwordSchema,
  accountIds: z.array(z.number().int().positive()).default([]),
});
export type NewUser = z.input<typeof newUserSchema>;

export async function createUser(database: Database, input: NewUser) {
  const u = newUserSchema.parse(input);
  const passwordHash = await hashPassword(u.password);
  return database.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(users)
      .values({ email: u.email, name: u.name, role: u.role, passwordHash })
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
    .select({ id: users.id, passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.email, email.trim().toLowerCase()));
  return row ?? null;
}

export async function findUser({ db }: Database, id: number) {
  const [row] = await db.select(publicUserColumns).from(users).where(eq(users.id, id));
  return row ?? null;
}

export async function findUserByEmail({ db }: Database, email: string) {
  const [row] = await db.select(publicUserColumns).from(users).where(eq(users.email, email.trim().toLowerCase()));
  return row ?? null;
}

export async function assignedAccountIds({ db }: Database, userId: number): Promise<number[]> {
  const rows = await db
    .select({ accountId: userAccounts.accountId })
    .from(userAccounts)
    .where(eq(userAccounts.userId, userId))
    .orderBy(asc(userAccounts.accountId));
  return rows.map((r) => r.accountId);
}

export async function allAccountIds({ db }: Database): Promise<number[]> {
  const rows = await db.select({ id: accounts.id }).from(accounts).orderBy(asc(accounts.id));
  return rows.map((r) => r.id);
}

export async function listUsers({ db }: Database) {
  const [people, links] = await Promise.all([
    db.select(publicUserColumns).from(users).orderBy(asc(users.id)),
    db.select().from(userAccounts),
  ]);
  return people.map((u) => ({ ...u, accountIds: links.filter((l) => l.userId === u.id).map((l) => l.accountId) }));
}

export async function updateUser(
  database: Database,
  id: number,
  change: { role?: Role; name?: string; password?: string; accountIds?: number[] },
) {
  const passwordHash = change.password ? await hashPassword(change.password) : undefined;
  await database.db.transaction(async (tx) => {
    const set = { role: change.role, name: change.name, passwordHash };
    if (Object.values(set).some((v) => v !== undefined)) await tx.update(users).set(set).where(eq(users.id, id));
    if (change.accountIds) {
      await tx.delete(userAccounts).where(eq(userAccounts.userId, id));
      const known = change.accountIds.length
        ? await tx.select({ id: accounts.id }).from(accounts).where(inArray(accounts.id, change.accountIds))
        : [];
      if (known.length) await tx.insert(userAccounts).values(known.map((a) => ({ userId: id, accountId: a.id })));
    }
  });
}

export async function deleteUser({ db }: Database, id: number) {
  await db.delete(users).where(eq(users.id, id));
}

export async function countAdmins({ db }: Database, exceptUserId?: number) {
  const rows = await db.select({ id: users.id }).from(users).where(eq(users.role, "admin"));
  return rows.filter((r) => r.id !== exceptUserId).length;
}
