import "server-only";

import { desc, eq, sql } from "drizzle-orm";

import type { Database } from "./client";
import { accounts, clientGroups, sharedLinks, type SharedView, users } from "./schema";

/** Read-only links to one report view; the token itself is never stored, only its SHA-256. */

export interface NewSharedLink {
  tokenHash: string;
  createdBy: number;
  accountId: number | null;
  groupId: number | null;
  view: SharedView;
  fromDate: string;
  toDate: string;
  expiresAt: Date;
}

export async function createSharedLink({ db }: Database, link: NewSharedLink) {
  const [row] = await db.insert(sharedLinks).values(link).returning({ id: sharedLinks.id });
  return row!;
}

const linkColumns = {
  id: sharedLinks.id,
  createdBy: sharedLinks.createdBy,
  creatorEmail: users.email,
  accountId: sharedLinks.accountId,
  accountName: accounts.name,
  groupId: sharedLinks.groupId,
  groupName: clientGroups.name,
  view: sharedLinks.view,
  fromDate: sharedLinks.fromDate,
  toDate: sharedLinks.toDate,
  expiresAt: sharedLinks.expiresAt,
  revokedAt: sharedLinks.revokedAt,
  opens: sharedLinks.opens,
  lastOpenedAt: sharedLinks.lastOpenedAt,
  createdAt: sharedLinks.createdAt,
};

function withNames(database: Database) {
  return database.db
    .select(linkColumns)
    .from(sharedLinks)
    .leftJoin(users, eq(users.id, sharedLinks.createdBy))
    .leftJoin(accounts, eq(accounts.id, sharedLinks.accountId))
    .leftJoin(clientGroups, eq(clientGroups.id, sharedLinks.groupId));
}

export type SharedLinkRecord = Awaited<ReturnType<typeof listSharedLinks>>[number];

/** Every link (createdBy given: that user's), newest first. */
export async function listSharedLinks(database: Database, createdBy?: number) {
  const query = withNames(database);
  return (createdBy === undefined ? query : query.where(eq(sharedLinks.createdBy, createdBy))).orderBy(
    desc(sharedLinks.createdAt),
    desc(sharedLinks.id),
  );
}

export async function findSharedLink(database: Database, id: number) {
  const [row] = await withNames(database).where(eq(sharedLinks.id, id));
  return row ?? null;
}

export async function findSharedLinkByHash(database: Database, tokenHash: string) {
  const [row] = await withNames(database).where(eq(sharedLinks.tokenHash, tokenHash));
  return row ?? null;
}

export async function revokeSharedLink({ db }: Database, id: number) {
  await db
    .update(sharedLinks)
    .set({ revokedAt: sql`coalesce(${sharedLinks.revokedAt}, now())` })
    .where(eq(sharedLinks.id, id));
}

/** One more opening, counted in the database (several app instances count together). */
export async function countSharedLinkOpening({ db }: Database, id: number) {
  await db
    .update(sharedLinks)
    .set({ opens: sql`${sharedLinks.opens} + 1`, lastOpenedAt: sql`now()` })
    .where(eq(sharedLinks.id, id));
}
