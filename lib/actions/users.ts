"use server";
import { z } from "zod";

import { newUserSchema } from "@/db/users";
import { addUser, changeUser, removeUser, userChangeSchema } from "@/lib/users/manage";

import { authedAction } from "./action";

/** Admin only: people, their roles and the accounts they may see. Never returns password hashes. */

export const createUser = authedAction(newUserSchema, { role: "admin" }, (input, { database }) =>
  addUser(database, input),
);

/** Role, name, assigned accounts, or a new password; the last admin cannot be demoted. */
export const updateUser = authedAction(userChangeSchema, { role: "admin" }, (input, { database }) =>
  changeUser(database, input),
);

/** The last admin, and the admin doing it, cannot be deleted. */
export const deleteUser = authedAction(
  z.object({ id: z.number().int().positive() }),
  { role: "admin" },
  (input, { database, user }) => removeUser(database, input.id, user.id),
);
