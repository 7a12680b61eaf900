"use server";
import { z } from "zod";

import * as groups from "@/lib/groups/manage";
import { groupChangeSchema, newGroupSchema } from "@/lib/groups/schemas";

import { authedAction } from "./action";

/** Admin only: client groups and the accounts in them. */

export const createGroup = authedAction(newGroupSchema, { role: "admin" }, (input, { database }) =>
  groups.createGroup(database, input),
);

export const updateGroup = authedAction(groupChangeSchema, { role: "admin" }, (input, { database }) =>
  groups.updateGroup(database, input),
);

export const deleteGroup = authedAction(
  z.object({ id: z.number().int().positive() }),
  { role: "admin" },
  (input, { database }) => groups.deleteGroup(database, input.id),
);
