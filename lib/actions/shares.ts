"use server";
import { z } from "zod";

import { recordAudit } from "@/lib/audit";
import * as shares from "@/lib/shares/manage";
import { newShareSchema } from "@/lib/shares/schemas";

import { authedAction } from "./action";

/** Read-only links to one report view: managers (their accounts) and admins create them; the creator or an admin revokes. */

export const createShare = authedAction(
  newShareSchema,
  { accounts: { right: "manage", of: (p) => (p.account === undefined ? [] : [p.account]) } },
  async (input, { database, user }) => {
    const created = await shares.createShare(database, user, input);
    const { expiresInMinutes, ...scope } = input;
    await recordAudit(database, {
      actor: user,
      action: "share-link.create",
      target: `share-link:${created.id}`,
      detail: { ...scope, expiresInMinutes },
    });
    return created;
  },
);

export const revokeShare = authedAction(
  z.object({ id: z.number().int().positive() }),
  {},
  async (input, { database, user }) => {
    const revoked = await shares.revokeShare(database, user, input.id);
    await recordAudit(database, { actor: user, action: "share-link.revoke", target: `share-link:${input.id}` });
    return revoked;
  },
);
