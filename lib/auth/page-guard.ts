import "server-only";

import { notFound } from "next/navigation";

import { canManageAccount, canSeeAccount, isAdmin, type SessionUser } from "./access";
import { requirePageUser } from "./session";

type SearchParams = Record<string, string | string[] | undefined>;

/** Account ids a URL names (?account=3, ?a=3:12003_1 …); each must be visible or the page 404s. */
export async function guardPage(
  opts: { accountIds?: number[]; right?: "view" | "manage"; admin?: boolean } = {},
): Promise<SessionUser> {
  const user = await requirePageUser();
  if (opts.admin && !isAdmin(user)) notFound();
  for (const id of opts.accountIds ?? []) {
    if (!Number.isInteger(id) || id <= 0 || !canSeeAccount(user, id)) notFound();
    if (opts.right === "manage" && !canManageAccount(user, id)) notFound();
  }
  return user;
}

/** Report pages: ?account= must be a visible account when present. */
export async function guardReportPage(searchParams: SearchParams): Promise<SessionUser> {
  const raw = searchParams.account;
  const value = Array.isArray(raw) ? raw[0] : raw;
  return guardPage({ accountIds: value === undefined ? [] : [Number(value)] });
}
