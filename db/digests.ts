import "server-only";

import { and, desc, eq, inArray, isNotNull, lt, or, sql } from "drizzle-orm";

import type { IsoDate } from "@/lib/dates";

import type { Database } from "./client";
import {
  accounts,
  clientGroups,
  type DestinationKind,
  digestDestinations,
  digests,
  digestSends,
  type DigestSendStatus,
  endpointState,
  syncRuns,
} from "./schema";

/** Morning digests, their destinations (webhook URLs and secrets sealed) and the sends. */

export interface NewDestination {
  kind: DestinationKind;
  label: string;
  url?: string | null;
  secret?: string | null;
  emails?: string[] | null;
}

export interface NewDigest {
  name: string;
  accountId: number | null;
  groupId: number | null;
  language: "zh" | "en";
  createdBy: number | null;
  destinations: NewDestination[];
}

const sealedDestination = ({ secrets }: Database, d: NewDestination) => ({
  kind: d.kind,
  label: d.label,
  urlEnc: d.url ? secrets.seal(d.url) : null,
  secretEnc: d.secret ? secrets.seal(d.secret) : null,
  emails: d.emails?.length ? d.emails.join(",") : null,
});

export async function createDigest(database: Database, d: NewDigest): Promise<number> {
  return database.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(digests)
      .values({
        name: d.name,
        accountId: d.accountId,
        groupId: d.groupId,
        language: d.language,
        createdBy: d.createdBy,
      })
      .returning({ id: digests.id });
    const id = row!.id;
    if (d.destinations.length)
      await tx
        .insert(digestDestinations)
        .values(d.destinations.map((x) => ({ digestId: id, ...sealedDestination(database, x) })));
    return id;
  });
}

export async function addDestination(database: Database, digestId: number, d: NewDestination): Promise<number> {
  const [row] = await database.db
    .insert(digestDestinations)
    .values({ digestId, ...sealedDestination(database, d) })
    .returning({ id: digestDestinations.id });
  return row!.id;
}

export async function deleteDigest({ db }: Database, digestId: number) {
  await db.delete(digests).where(eq(digests.id, digestId));
}

export async function deleteDestination({ db }: Database, destinationId: number) {
  await db.delete(digestDestinations).where(eq(digestDestinations.id, destinationId));
}

const digestColumns = {
  id: digests.id,
  name: digests.name,
  accountId: digests.accountId,
  groupId: digests.groupId,
  language: digests.language,
  enabled: digests.enabled,
  createdAt: digests.createdAt,
};

export type DigestRecord = Awaited<ReturnType<typeof listDigestRecords>>[number];

/** Every digest, or those of the given accounts (account-scoped) and groups. */
export function listDigestRecords({ db }: Database, only?: { accountIds: number[]; groupIds: number[] }) {
  const where = only
    ? or(
        only.accountIds.length ? inArray(digests.accountId, only.accountIds) : sql`false`,
        only.groupIds.length ? inArray(digests.groupId, only.groupIds) : sql`false`,
      )
    : undefined;
  return db
    .select({ ...digestColumns, accountName: accounts.name, groupName: clientGroups.name })
    .from(digests)
    .leftJoin(accounts, eq(accounts.id, digests.accountId))
    .leftJoin(clientGroups, eq(clientGroups.id, digests.groupId))
    .where(where)
    .orderBy(digests.id);
}

export async function findDigestRecord({ db }: Database, digestId: number) {
  const [row] = await db.select(digestColumns).from(digests).where(eq(digests.id, digestId));
  return row ?? null;
}

/** Destinations with their secrets opened: for sending only, never for the browser. */
export async function loadDestinations({ db, secrets }: Database, digestIds: number[]) {
  if (!digestIds.length) return [];
  const rows = await db
    .select()
    .from(digestDestinations)
    .where(inArray(digestDestinations.digestId, digestIds))
    .orderBy(digestDestinations.id);
  return rows.map((r) => ({
    id: r.id,
    digestId: r.digestId,
    kind: r.kind,
    label: r.label,
    url: r.urlEnc ? secrets.open(r.urlEnc) : null,
    secret: r.secretEnc ? secrets.open(r.secretEnc) : null,
    emails: r.emails ? r.emails.split(",") : [],
  }));
}

export type OpenDestination = Awaited<ReturnType<typeof loadDestinations>>[number];

/** What a page may show of a destination: no URL key, no secret, only whether one is set. */
export async function listDestinationSummaries({ db }: Database, digestIds: number[]) {
  if (!digestIds.length) return [];
  return db
    .select({
      id: digestDestinations.id,
      digestId: digestDestinations.digestId,
      kind: digestDestinations.kind,
      label: digestDestinations.label,
      emails: digestDestinations.emails,
      signed: isNotNull(digestDestinations.secretEnc),
    })
    .from(digestDestinations)
    .where(inArray(digestDestinations.digestId, digestIds))
    .orderBy(digestDestinations.id);
}

export async function findDestinationDigest({ db }: Database, destinationId: number) {
  const [row] = await db
    .select({ digestId: digestDestinations.digestId })
    .from(digestDestinations)
    .where(eq(digestDestinations.id, destinationId));
  return row?.digestId ?? null;
}

/* ---------- sends ---------- */

/** A failed send may be claimed again after this long (the next check of the day retries it). */
const RECLAIM_FAILED_AFTER = sql`interval '15 minutes'`;
/** A claim whose instance died mid-send (still "sending") is taken over after this long. */
const RECLAIM_STALE_AFTER = sql`interval '30 minutes'`;

/**
 * Claims (digest, destination, day) for this instance: true when it may send now. The row is
 * created with INSERT … ON CONFLICT DO NOTHING, so of several instances exactly one gets it; a
 * failed row (after a pause) or an abandoned one is taken over by a single conditional UPDATE.
 */
export async function claimSend(
  { db }: Database,
  key: { digestId: number; destinationId: number; day: IsoDate },
): Promise<number | null> {
  const inserted = await db.insert(digestSends).values(key).onConflictDoNothing().returning({ id: digestSends.id });
  if (inserted[0]) return inserted[0].id;
  const retaken = await db
    .update(digestSends)
    .set({ status: "sending", claimedAt: new Date() })
    .where(
      and(
        eq(digestSends.digestId, key.digestId),
        eq(digestSends.destinationId, key.destinationId),
        eq(digestSends.day, key.day),
        or(
          and(eq(digestSends.status, "failed"), lt(digestSends.claimedAt, sql`now() - ${RECLAIM_FAILED_AFTER}`)),
          and(eq(digestSends.status, "sending"), lt(digestSends.claimedAt, sql`now() - ${RECLAIM_STALE_AFTER}`)),
        ),
      ),
    )
    .returning({ id: digestSends.id });
  return retaken[0]?.id ?? null;
}

export async function finishSend(
  { db }: Database,
  sendId: number,
  outcome: { status: DigestSendStatus; attempts: number; lastError: string | null },
) {
  await db
    .update(digestSends)
    .set({
      status: outcome.status,
      attempts: sql`${digestSends.attempts} + ${outcome.attempts}`,
      lastError: outcome.lastError,
      sentAt: outcome.status === "sent" ? new Date() : null,
    })
    .where(eq(digestSends.id, sendId));
}

export function listSends({ db }: Database, digestIds: number[], limit = 100) {
  if (!digestIds.length) return Promise.resolve([]);
  return db
    .select()
    .from(digestSends)
    .where(inArray(digestSends.digestId, digestIds))
    .orderBy(desc(digestSends.day), desc(digestSends.id))
    .limit(limit);
}

/* ---------- health facts a digest reports ---------- */

/** Interfaces stopped per account: retired (when) or out of quota (which day). */
export function listEndpointStops({ db }: Database, accountIds: number[]) {
  if (!accountIds.length) return Promise.resolve([]);
  return db
    .select()
    .from(endpointState)
    .where(
      and(
        inArray(endpointState.accountId, accountIds),
        or(isNotNull(endpointState.retiredAt), isNotNull(endpointState.quotaBlockedOn)),
      ),
    );
}

/** Sync runs that ended failed since `since`, per account. */
export function listFailedRuns({ db }: Database, accountIds: number[], since: Date) {
  if (!accountIds.length) return Promise.resolve([]);
  return db
    .select({
      accountId: syncRuns.accountId,
      id: syncRuns.id,
      summary: syncRuns.summary,
      startedAt: syncRuns.startedAt,
    })
    .from(syncRuns)
    .where(
      and(
        inArray(syncRuns.accountId, accountIds),
        eq(syncRuns.status, "failed"),
        sql`${syncRuns.startedAt} >= ${since.toISOString()}`,
      ),
    );
}
