import "server-only";

import type { Database } from "@/db/client";
import * as digestsDb from "@/db/digests";
import { findGroup } from "@/db/groups";
import { AppError } from "@/lib/actions/errors";
import { hasRight, isAdmin, type SessionUser } from "@/lib/auth/access";
import { beijingToday } from "@/lib/clock";

import { digestOptionsFromEnv } from "./options";
import type { DestinationInput, NewDigestInput } from "./schemas";
import { sendTestDigest } from "./send";

/**
 * The Digests page's services. Who may touch a digest: admins, and managers of its account.
 * A group digest (no account) is admins' only until client groups define managers' share.
 * A digest the user may not manage looks the same as one that does not exist.
 */

const notFound = () => new AppError("not_found", "error.digestNotFound");

export function canManageDigest(user: SessionUser, digest: { accountId: number | null }) {
  return digest.accountId === null ? isAdmin(user) : hasRight(user, digest.accountId, "manage");
}

async function manageableDigest(database: Database, user: SessionUser, digestId: number) {
  const digest = await digestsDb.findDigestRecord(database, digestId);
  if (!digest || !canManageDigest(user, digest)) throw notFound();
  return digest;
}

async function manageableDestination(database: Database, user: SessionUser, destinationId: number) {
  const digestId = await digestsDb.findDestinationDigest(database, destinationId);
  if (digestId === null) throw notFound();
  await manageableDigest(database, user, digestId);
  return digestId;
}

const toRecord = (d: DestinationInput): digestsDb.NewDestination =>
  d.kind === "email"
    ? { kind: d.kind, label: d.label, emails: d.emails }
    : { kind: d.kind, label: d.label, url: d.url, secret: "secret" in d ? d.secret : null };

/** `input` is already checked (schema, and the manage right on its account when it names one). */
export async function createDigest(
  database: Database,
  user: SessionUser,
  input: Pick<NewDigestInput, "name" | "accountId" | "groupId"> &
    Required<Pick<NewDigestInput, "language">> & {
      destinations: DestinationInput[];
    },
) {
  if (input.groupId !== undefined) {
    if (!isAdmin(user)) throw new AppError("forbidden", "error.adminOnly");
    if (!(await findGroup(database, input.groupId))) throw new AppError("not_found", "error.noGroup");
  }
  const id = await digestsDb.createDigest(database, {
    name: input.name,
    accountId: input.accountId ?? null,
    groupId: input.groupId ?? null,
    language: input.language,
    createdBy: user.id,
    destinations: input.destinations.map(toRecord),
  });
  return { id };
}

export async function deleteDigest(database: Database, user: SessionUser, digestId: number) {
  await manageableDigest(database, user, digestId);
  await digestsDb.deleteDigest(database, digestId);
  return { id: digestId };
}

export async function addDestination(
  database: Database,
  user: SessionUser,
  digestId: number,
  destination: DestinationInput,
) {
  await manageableDigest(database, user, digestId);
  return { id: await digestsDb.addDestination(database, digestId, toRecord(destination)) };
}

export async function removeDestination(database: Database, user: SessionUser, destinationId: number) {
  await manageableDestination(database, user, destinationId);
  await digestsDb.deleteDestination(database, destinationId);
  return { id: destinationId };
}

export async function sendTest(database: Database, user: SessionUser, destinationId: number) {
  await manageableDestination(database, user, destinationId);
  return sendTestDigest(database, destinationId, beijingToday(), digestOptionsFromEnv());
}

/** What the page shows: the digests the user may manage, their destinations (no secrets) and recent sends. */
export async function listDigestsFor(database: Database, user: SessionUser) {
  const all = await digestsDb.listDigestRecords(database);
  const mine = all.filter((d) => canManageDigest(user, d));
  const ids = mine.map((d) => d.id);
  const [destinations, sends] = await Promise.all([
    digestsDb.listDestinationSummaries(database, ids),
    digestsDb.listSends(database, ids, 200),
  ]);
  return mine.map((d) => ({
    id: d.id,
    name: d.name,
    accountId: d.accountId,
    accountName: d.accountName,
    groupId: d.groupId,
    groupName: d.groupName,
    language: d.language,
    destinations: destinations
      .filter((x) => x.digestId === d.id)
      .map((x) => ({ id: x.id, kind: x.kind, label: x.label, emails: x.emails, signed: x.signed })),
    sends: sends
      .filter((s) => s.digestId === d.id)
      .map((s) => ({
        id: s.id,
        day: s.day,
        destinationId: s.destinationId,
        status: s.status,
        attempts: s.attempts,
        lastError: s.lastError,
        sentAt: s.sentAt?.toISOString() ?? null,
      })),
  }));
}

export type DigestListItem = Awaited<ReturnType<typeof listDigestsFor>>[number];
