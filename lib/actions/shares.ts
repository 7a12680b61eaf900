"use server";
import { z } from "zod";

import * as shares from "@/lib/shares/manage";
import { newShareSchema } from "@/lib/shares/schemas";

import { authedAction } from "./action";

/** Read-only links to one report view: managers (their accounts) and admins create them; the creator or an admin revokes. */

export const createShare = authedAction(
  newShareSchema,
  { accounts: { right: "manage", of: (p) => (p.account === undefined ? [] : [p.account]) } },
  (input, { database, user }) => shares.createShare(database, user, input),
);

export const revokeShare = authedAction(
  z.object({ id: z.number().int().positive() }),
  {},
  (input, { database, user }) => shares.revokeShare(database, user, input.id),
);
