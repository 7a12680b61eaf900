"use server";
import { z } from "zod";

import * as digests from "@/lib/digests/manage";
import { destinationSchema, newDigestSchema } from "@/lib/digests/schemas";

import { authedAction } from "./action";

/**
 * Digests page actions. Creating one needs the manage right on its account (admins, and the
 * account's managers) or, for a group digest, the admin role; the others look the digest up and answer "not found" to anyone who may
 * not manage it. No action ever returns a webhook URL or a secret.
 */

const id = z.number().int().positive();

export const createDigest = authedAction(
  newDigestSchema,
  { accounts: { right: "manage", of: (i) => (i.accountId === undefined ? [] : [i.accountId]) } },
  (input, { database, user }) => digests.createDigest(database, user, input),
);

export const deleteDigest = authedAction(z.object({ digestId: id }), {}, (input, { database, user }) =>
  digests.deleteDigest(database, user, input.digestId),
);

export const addDestination = authedAction(
  z.object({ digestId: id, destination: destinationSchema }),
  {},
  (input, { database, user }) => digests.addDestination(database, user, input.digestId, input.destination),
);

export const removeDestination = authedAction(z.object({ destinationId: id }), {}, (input, { database, user }) =>
  digests.removeDestination(database, user, input.destinationId),
);

/** Sends yesterday's digest, marked as a test, to one destination now; answers the outcome. */
export const sendTestDigest = authedAction(z.object({ destinationId: id }), {}, (input, { database, user }) =>
  digests.sendTest(database, user, input.destinationId),
);
