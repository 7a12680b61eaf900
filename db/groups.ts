import "server-only";

import { asc, eq } from "drizzle-orm";

import type { Database } from "./client";
import { clientGroupAccounts, clientGroups } from "./schema";

/** Client groups: named sets of accounts (an account may be in several). */

export interface GroupRecord {
  id: number;
  name: string;
  accountIds: number[];
}

export async function listGroups({ db }: Database): Promise<GroupRecord[]> {
  const [groups, links] = await Promise.all([
    db.select({ id: clientGroups.id, name: clientGroups.name }).from(clientGroups).orderBy(asc(clientGroups.name)),
    db.select().from(clientGroupAccounts).orderBy(asc(clientGroupAccounts.accountId)),
  ]);
  return groups.map((g) => ({ ...g, accountIds: links.filter((l) => l.groupId === g.id).map((l) => l.accountId) }));
}

export async function findGroup(database: Database, id: number): Promise<GroupRecord | null> {
  const [group] = await database.db
    .select({ id: clientGroups.id, name: clientGroups.name })
    .from(clientGroups)
    .where(eq(clientGroups.id, id));
  if (!group) return null;
  const links = await database.db
    .select({ accountId: clientGroupAccounts.accountId })
    .from(clientGroupAccounts)
    .where(eq(clientGroupAccounts.groupId, id))
    .orderBy(asc(clientGroupAccounts.accountId));
  return { ...group, accountIds: links.map((l) => l.accountId) };
}

export async function createGroup({ db }: Database, g: { name: string; accountIds: number[] }) {
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(clientGroups).values({ name: g.name }).returning({ id: clientGroups.id });
    if (g.accountIds.length > 0)
      await tx.insert(clientGroupAccounts).values(g.accountIds.map((accountId) => ({ groupId: row!.id, accountId })));
    return { id: row!.id };
  });
}

/** Renames and/or replaces the group's accounts. */
export async function updateGroup({ db }: Database, id: number, change: { name?: string; accountIds?: number[] }) {
  await db.transaction(async (tx) => {
    if (change.name !== undefined)
      await tx.update(clientGroups).set({ name: change.name }).where(eq(clientGroups.id, id));
    if (change.accountIds) {
      await tx.delete(clientGroupAccounts).where(eq(clientGroupAccounts.groupId, id));
      if (change.accountIds.length > 0)
        await tx.insert(clientGroupAccounts).values(change.accountIds.map((accountId) => ({ groupId: id, accountId })));
    }
  });
}

export async function deleteGroup({ db }: Database, id: number) {
  await db.delete(clientGroups).where(eq(clientGroups.id, id));
}
