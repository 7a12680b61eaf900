import "server-only";

import { eq, inArray } from "drizzle-orm";
import { z } from "zod";

import type { Database } from "@/db/client";
import { accounts, ROLES, userAccounts, users } from "@/db/schema";
import { createUser, emailSchema, type NewUser, newUserSchema, passwordSchema, publicUserColumns } from "@/db/users";
import { AdminError, isUniqueViolation } from "@/lib/admin/errors";
import { hashPassword } from "@/lib/auth/password";

export const userChangeSchema = z.object({
  id: z.number().int().positive(),
  name: z.string().trim().max(100).optional(),
  role: z.enum(ROLES).optional(),
  /** A new password (reset by an admin). */
  password: passwordSchema.optional(),
  /** Replaces the user's assigned accounts (ignored for admins, who see every account). */
  accountIds: z.array(z.number().int().positive()).max(1000).optional(),
});
export type UserChange = z.infer<typeof userChangeSchema>;

export { emailSchema, newUserSchema };

type Tx = Parameters<Parameters<Database["db"]["transaction"]>[0]>[0];

async function checkAccountsExist(tx: Tx | Database["db"], ids: number[]) {
  if (ids.length === 0) return;
  const known = await tx.select({ id: accounts.id }).from(accounts).where(inArray(accounts.id, ids));
  const missing = ids.filter((id) => !known.some((k) => k.id === id));
  if (missing.length > 0)
    throw new AdminError(
      "invalid",
      "admin.err.unknownAccounts",
      { ids: missing.join(", ") },
      { accountIds: ["unknown"] },
    );
}

/**
 * The admins, locked until the transaction ends: two admins demoting each other at the same
 * moment cannot both succeed and leave nobody in charge.
 */
async function lockedAdminIds(tx: Tx): Promise<number[]> {
  const rows = await tx.select({ id: users.id }).from(users).where(eq(users.role, "admin")).for("update");
  return rows.map((r) => r.id);
}

/** Creates a user; an email already in use is a clear conflict. */
export async function addUser(database: Database, input: NewUser) {
  const u = newUserSchema.parse(input);
  await checkAccountsExist(database.db, u.accountIds);
  try {
    return await createUser(database, { ...u, accountIds: u.role === "admin" ? [] : u.accountIds });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new AdminError("conflict", "admin.err.emailTaken", { email: u.email }, { email: ["taken"] });
    throw error;
  }
}

/** Changes role, name, password or assigned accounts; the last admin keeps the admin role. */
export async function changeUser(database: Database, change: UserChange) {
  const c = userChangeSchema.parse(change);
  const passwordHash = c.password ? await hashPassword(c.password) : undefined;
  return database.db.transaction(async (tx) => {
    const admins = await lockedAdminIds(tx);
    const [current] = await tx.select(publicUserColumns).from(users).where(eq(users.id, c.id));
    if (!current) throw new AdminError("not_found", "admin.err.noUser");
    if (c.role && c.role !== "admin" && current.role === "admin" && admins.filter((id) => id !== c.id).length === 0) {
      throw new AdminError("conflict", "admin.err.lastAdminDemote");
    }
    const set = { name: c.name, role: c.role, passwordHash };
    if (Object.values(set).some((v) => v !== undefined)) await tx.update(users).set(set).where(eq(users.id, c.id));
    const role = c.role ?? current.role;
    if (role === "admin") {
      await tx.delete(userAccounts).where(eq(userAccounts.userId, c.id));
    } else if (c.accountIds) {
      const ids = [...new Set(c.accountIds)];
      await checkAccountsExist(tx, ids);
      await tx.delete(userAccounts).where(eq(userAccounts.userId, c.id));
      if (ids.length > 0) await tx.insert(userAccounts).values(ids.map((accountId) => ({ userId: c.id, accountId })));
    }
    const [row] = await tx.select(publicUserColumns).from(users).where(eq(users.id, c.id));
    return row!;
  });
}

/** Deletes a user; never the last admin, and never the admin doing it (no locking oneself out). */
export async function removeUser(database: Database, id: number, actingUserId: number) {
  if (id === actingUserId) throw new AdminError("conflict", "admin.err.deleteSelf");
  return database.db.transaction(async (tx) => {
    const admins = await lockedAdminIds(tx);
    const [current] = await tx.select(publicUserColumns).from(users).where(eq(users.id, id));
    if (!current) throw new AdminError("not_found", "admin.err.noUser");
    if (current.role === "admin" && admins.filter((a) => a !== id).length === 0)
      throw new AdminError("conflict", "admin.err.lastAdminDelete");
    await tx.delete(users).where(eq(users.id, id));
    return { id };
  });
}
