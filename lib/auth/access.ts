import type { Role } from "@/db/schema";

/** The signed-in user as every server check sees it (loaded fresh from the database). */
export interface SessionUser {
  id: number;
  email: string;
  name: string;
  role: Role;
  /** The accounts the user may see: assigned ones, or every existing account for an admin. */
  accountIds: number[];
  /**
   * Set by an admin: until the user sets their own password they may reach only the change-password
   * page (app/password) and its action; every other page redirects there and every other action
   * and data route refuses.
   */
  mustChangePassword?: boolean;
}

export type AccountRight = "view" | "manage";

export const isAdmin = (user: SessionUser) => user.role === "admin";

/** An account that does not exist is not visible to anyone, admins included. */
export function canSeeAccount(user: SessionUser, accountId: number): boolean {
  return user.accountIds.includes(accountId);
}

/** Sync, backfill and credential edits: admins, and managers on their accounts. */
export function canManageAccount(user: SessionUser, accountId: number): boolean {
  return user.accountIds.includes(accountId) && (isAdmin(user) || user.role === "manager");
}

export function hasRight(user: SessionUser, accountId: number, right: AccountRight): boolean {
  return right === "view" ? canSeeAccount(user, accountId) : canManageAccount(user, accountId);
}
