import type { Role } from "@/db/schema";

/** The signed-in user as every server check sees it (loaded fresh from the database). */
export interface SessionUser {
  id: number;
  email: string;
  name: string;
  role: Role;
  /** Accounts assigned to a manager or viewer; admins see every account. */
  accountIds: number[];
}

export type AccountRight = "view" | "manage";

export const isAdmin = (user: SessionUser) => user.role === "admin";

export function canSeeAccount(user: SessionUser, accountId: number): boolean {
  return isAdmin(user) || user.accountIds.includes(accountId);
}

/** Sync, backfill and credential edits: admins, and managers on their accounts. */
export function canManageAccount(user: SessionUser, accountId: number): boolean {
  return isAdmin(user) || (user.role === "manager" && user.accountIds.includes(accountId));
}

export function hasRight(user: SessionUser, accountId: number, right: AccountRight): boolean {
  return right === "view" ? canSeeAccount(user, accountId) : canManageAccount(user, accountId);
}
