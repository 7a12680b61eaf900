import "server-only";

import { existingAccountIds } from "@/db/accounts";
import { type Database, inTransaction } from "@/db/client";
import * as usersDb from "@/db/users";
import { AdminError, isUniqueViolation } from "@/lib/admin/errors";
import { hashPassword } from "@/lib/auth/password";

import { type NewUser, newUserSchema, type UserChange, userChangeSchema } from "./schemas";

export { listUsers } from "@/db/users";

async function checkAccountsExist(database: Database, ids: number[]) {
  const known = await existingAccountIds(database, ids);
  const missing = ids.filter((id) => !known.includes(id));
  if (missing.length > 0)
    throw new AdminError(
      "invalid",
      "admin.err.unknownAccounts",
      { ids: missing.join(", ") },
      { accountIds: ["unknown"] },
    );
}

/** Creates a user; an email already in use is a clear conflict. */
export async function createUser(database: Database, input: NewUser) {
  const u = newUserSchema.parse(input);
  await checkAccountsExist(database, u.accountIds);
  const passwordHash = await hashPassword(u.password);
  try {
    return await usersDb.createUser(database, {
      email: u.email,
      name: u.name,
      role: u.role,
      passwordHash,
      mustChangePassword: u.mustChangePassword,
      accountIds: u.role === "admin" ? [] : u.accountIds,
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new AdminError("conflict", "admin.err.emailTaken", { email: u.email }, { email: ["taken"] });
    throw error;
  }
}

/**
 * Changes role, name, password or assigned accounts; the last admin keeps the admin role. The
 * admins are locked for the transaction: two admins demoting each other at the same moment
 * cannot both succeed and leave nobody in charge.
 */
export async function updateUser(database: Database, change: UserChange) {
  const c = userChangeSchema.parse(change);
  const passwordHash = c.password ? await hashPassword(c.password) : undefined;
  return inTransaction(database, async (tx) => {
    const admins = await usersDb.lockAdminIds(tx);
    const current = await usersDb.findUser(tx, c.id);
    if (!current) throw new AdminError("not_found", "admin.err.noUser");
    if (c.role && c.role !== "admin" && current.role === "admin" && admins.filter((id) => id !== c.id).length === 0) {
      throw new AdminError("conflict", "admin.err.lastAdminDemote");
    }
    // A changed role or a new password ends the user's sessions (db/users.ts).
    const newRole = c.role !== current.role ? c.role : undefined;
    // The must-change flag goes with a reset password; without one it stays as it was.
    const mustChangePassword = passwordHash ? (c.mustChangePassword ?? false) : undefined;
    await usersDb.updateUser(tx, c.id, { name: c.name, role: newRole, passwordHash, mustChangePassword });
    const role = c.role ?? current.role;
    if (role === "admin") {
      await usersDb.setUserAccounts(tx, c.id, []);
    } else if (c.accountIds) {
      const ids = [...new Set(c.accountIds)];
      await checkAccountsExist(tx, ids);
      await usersDb.setUserAccounts(tx, c.id, ids);
    }
    return (await usersDb.findUser(tx, c.id))!;
  });
}

/** Deletes a user; never the last admin, and never the admin doing it (no locking oneself out). */
export async function deleteUser(database: Database, id: number, actingUserId: number) {
  if (id === actingUserId) throw new AdminError("conflict", "admin.err.deleteSelf");
  return inTransaction(database, async (tx) => {
    const admins = await usersDb.lockAdminIds(tx);
    const current = await usersDb.findUser(tx, id);
    if (!current) throw new AdminError("not_found", "admin.err.noUser");
    if (current.role === "admin" && admins.filter((a) => a !== id).length === 0)
      throw new AdminError("conflict", "admin.err.lastAdminDelete");
    await usersDb.deleteUser(tx, id);
    return { id };
  });
}
