import "server-only";

import { existingAccountIds } from "@/db/accounts";
import type { Database } from "@/db/client";
import * as groupsDb from "@/db/groups";
import { AppError } from "@/lib/actions/errors";
import { AdminError, isUniqueViolation } from "@/lib/admin/errors";
import { isAdmin, type SessionUser } from "@/lib/auth/access";

import { type GroupChange, groupChangeSchema, type GroupParam, type NewGroup, newGroupSchema } from "./schemas";

/** A group as one user sees it: only the accounts that user may see. */
export interface VisibleGroup {
  id: number;
  name: string;
  accountIds: number[];
}

/**
 * The groups a user sees, each cut down to the accounts assigned to the user. Admins see every
 * group whole; managers and viewers see only groups that hold at least one of their accounts.
 */
export async function visibleGroups(database: Database, user: SessionUser): Promise<VisibleGroup[]> {
  const groups = await groupsDb.listGroups(database);
  return groups
    .map((g) => ({ ...g, accountIds: g.accountIds.filter((id) => user.accountIds.includes(id)) }))
    .filter((g) => isAdmin(user) || g.accountIds.length > 0);
}

/**
 * The accounts a ?group= names for this user: "all" is every account they may see, a group is
 * its accounts they may see. A group they cannot see answers like one that does not exist.
 */
export async function groupAccountIds(database: Database, user: SessionUser, group: GroupParam): Promise<number[]> {
  if (group === "all") return [...user.accountIds];
  const found = await groupsDb.findGroup(database, group);
  const ids = found ? found.accountIds.filter((id) => user.accountIds.includes(id)) : [];
  if (!found || (!isAdmin(user) && ids.length === 0)) throw new AppError("not_found", "error.noGroup");
  return ids;
}

async function checkAccountsExist(database: Database, ids: number[]) {
  const known = await existingAccountIds(database, ids);
  const missing = ids.filter((id) => !known.includes(id));
  if (missing.length > 0)
    throw new AdminError(
      "invalid",
      "admin.err.unknownAccounts",
      { ids: missing.join(", ") },
      { accountIds: ["unknown"] },
    );
}

const nameTaken = (name: string) => new AdminError("conflict", "groups.err.nameTaken", { name }, { name: ["taken"] });

export async function createGroup(database: Database, input: NewGroup) {
  const g = newGroupSchema.parse(input);
  const accountIds = [...new Set(g.accountIds)];
  await checkAccountsExist(database, accountIds);
  try {
    return await groupsDb.createGroup(database, { name: g.name, accountIds });
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken(g.name);
    throw error;
  }
}

export async function updateGroup(database: Database, input: GroupChange) {
  const change = groupChangeSchema.parse(input);
  if (!(await groupsDb.findGroup(database, change.id))) throw new AppError("not_found", "error.noGroup");
  const accountIds = change.accountIds ? [...new Set(change.accountIds)] : undefined;
  if (accountIds) await checkAccountsExist(database, accountIds);
  try {
    await groupsDb.updateGroup(database, change.id, { name: change.name, accountIds });
  } catch (error) {
    if (isUniqueViolation(error) && change.name) throw nameTaken(change.name);
    throw error;
  }
}

export async function deleteGroup(database: Database, id: number) {
  if (!(await groupsDb.findGroup(database, id))) throw new AppError("not_found", "error.noGroup");
  await groupsDb.deleteGroup(database, id);
}
