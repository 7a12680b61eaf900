"use server";
import { z } from "zod";

import { recordAudit } from "@/lib/audit";
import { liftLockout } from "@/lib/auth/sign-in";
import * as users from "@/lib/users/manage";
import { newUserSchema, userChangeSchema } from "@/lib/users/schemas";

import { authedAction } from "./action";

/** Admin only: people, their roles and the accounts they may see. Never returns password hashes. */

export const createUser = authedAction(newUserSchema, { role: "admin" }, async (input, { database, user }) => {
  const created = await users.createUser(database, input);
  await recordAudit(database, {
    actor: user,
    action: "user.create",
    target: `user:${created.id}`,
    detail: {
      email: created.email,
      role: created.role,
      accountIds: input.accountIds ?? [],
      mustChangePassword: created.mustChangePassword,
    },
  });
  return created;
});

/** Role, name, assigned accounts, or a new password; the last admin cannot be demoted. */
export const updateUser = authedAction(userChangeSchema, { role: "admin" }, async (input, { database, user }) => {
  const updated = await users.updateUser(database, input);
  const { password, ...change } = input;
  await recordAudit(database, {
    actor: user,
    action: "user.update",
    target: `user:${input.id}`,
    detail: { ...change, email: updated.email, passwordReset: password !== undefined },
  });
  return updated;
});

/** The last admin, and the admin doing it, cannot be deleted. */
export const deleteUser = authedAction(
  z.object({ id: z.number().int().positive() }),
  { role: "admin" },
  async (input, { database, user }) => {
    const result = await users.deleteUser(database, input.id, user.id);
    await recordAudit(database, { actor: user, action: "user.delete", target: `user:${input.id}` });
    return result;
  },
);

/** Ends the sign-in back-off of an email at once. */
export const unlockSignIn = authedAction(
  z.object({ email: z.string().trim().toLowerCase().min(1).max(320) }),
  { role: "admin" },
  async (input, { database, user }) => {
    await liftLockout(database, { email: input.email });
    await recordAudit(database, { actor: user, action: "user.unlock", target: `email:${input.email}` });
    return { email: input.email };
  },
);
