import "server-only";

import { type Database, inTransaction } from "@/db/client";
import { findPasswordHash, findUser, updateUser } from "@/db/users";
import { AppError } from "@/lib/actions/errors";

import { hashPassword, verifyPassword } from "./password";
import type { OwnPasswordChange } from "./password-rule";
import { clearThrottle, emailKey, ipKey, lockedUntil, recordFailure } from "./throttle";

/**
 * A signed-in user replaces their own password. The current one must be right (wrong guesses count
 * towards the same back-off as sign-in, so a stolen session cannot be used to guess it). The new
 * password clears the must-change flag and moves the session version on: every session of the
 * user ends, this one included; the form signs in again with the new password.
 */
export async function changeOwnPassword(
  database: Database,
  who: { id: number; email: string; ip: string },
  change: OwnPasswordChange,
  now: Date = new Date(),
): Promise<{ sessionVersion: number; wasRequired: boolean }> {
  const keys = { email: emailKey(who.email), ip: ipKey(who.ip) };
  const retryAt = await lockedUntil(database, [keys.email, keys.ip], now);
  if (retryAt) throw new AppError("forbidden", "login.throttled");
  const currentHash = await findPasswordHash(database, who.id);
  if (!currentHash) throw new AppError("unauthorized", "error.unauthorized");
  if (!(await verifyPassword(currentHash, change.currentPassword))) {
    await recordFailure(database, keys, now);
    throw new AppError("invalid", "password.err.wrongCurrent", {}, { currentPassword: ["wrong"] });
  }
  await clearThrottle(database, [keys.email]);
  if (change.newPassword === change.currentPassword)
    throw new AppError("invalid", "password.err.same", {}, { newPassword: ["same"] });
  const passwordHash = await hashPassword(change.newPassword);
  return inTransaction(database, async (tx) => {
    const before = await findUser(tx, who.id);
    if (!before) throw new AppError("unauthorized", "error.unauthorized");
    await updateUser(tx, who.id, { passwordHash, mustChangePassword: false });
    const after = await findUser(tx, who.id);
    return { sessionVersion: after!.sessionVersion, wasRequired: before.mustChangePassword };
  });
}
