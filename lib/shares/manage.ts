import "server-only";

import type { Database } from "@/db/client";
import type { SharedView } from "@/db/schema";
import * as linksDb from "@/db/shared-links";
import { findUserWithAccounts } from "@/db/users";
import { visibleAccounts } from "@/lib/accounts/queries";
import { AppError } from "@/lib/actions/errors";
import { canManageAccount, isAdmin, type SessionUser } from "@/lib/auth/access";
import { groupAccountIds } from "@/lib/groups/manage";

import { type NewShare, newShareSchema } from "./schemas";
import { hashShareToken, isShareTokenShape, newShareToken } from "./token";

export type ShareStatus = "active" | "expired" | "revoked";

export const shareStatus = (link: { revokedAt: Date | null; expiresAt: Date }, now = new Date()): ShareStatus =>
  link.revokedAt ? "revoked" : link.expiresAt <= now ? "expired" : "active";

/** The link's address (without the origin): the token, the page and exactly the scope it was made for. */
export function sharePath(
  token: string,
  link: { view: SharedView; accountId: number | null; groupId: number | null; fromDate: string; toDate: string },
) {
  const scope = link.accountId !== null ? `account=${link.accountId}` : `group=${link.groupId}`;
  return `/s/${token}/${link.view}?${scope}&from=${link.fromDate}&to=${link.toDate}`;
}

/**
 * Managers (on their accounts, or a group they see) and admins create links; viewers cannot.
 * The token is returned once, here, and only its hash is stored.
 */
export async function createShare(database: Database, user: SessionUser, input: NewShare) {
  const s = newShareSchema.parse(input);
  if (user.role === "viewer") throw new AppError("forbidden", "error.readOnly");
  if (s.account !== undefined && !canManageAccount(user, s.account)) throw new AppError("not_found", "error.noAccount");
  if (s.group !== undefined) await groupAccountIds(database, user, s.group);
  const token = newShareToken();
  const link = {
    tokenHash: hashShareToken(token),
    createdBy: user.id,
    accountId: s.account ?? null,
    groupId: s.group ?? null,
    view: s.view,
    fromDate: s.from,
    toDate: s.to,
    expiresAt: new Date(Date.now() + s.expiresInMinutes * 60_000),
  };
  const { id } = await linksDb.createSharedLink(database, link);
  return { id, path: sharePath(token, link) };
}

/** Admins see every link; managers the links they made. */
export async function listShares(database: Database, user: SessionUser) {
  const rows = await linksDb.listSharedLinks(database, isAdmin(user) ? undefined : user.id);
  const now = new Date();
  return rows.map((r) => ({
    id: r.id,
    creatorEmail: r.creatorEmail,
    accountId: r.accountId,
    accountName: r.accountName,
    groupId: r.groupId,
    groupName: r.groupName,
    view: r.view,
    from: r.fromDate,
    to: r.toDate,
    expiresAt: r.expiresAt.toISOString(),
    opens: r.opens,
    lastOpenedAt: r.lastOpenedAt?.toISOString() ?? null,
    status: shareStatus(r, now),
  }));
}
export type ShareRow = Awaited<ReturnType<typeof listShares>>[number];

export async function revokeShare(database: Database, user: SessionUser, id: number) {
  const link = await linksDb.findSharedLink(database, id);
  if (!link || (!isAdmin(user) && link.createdBy !== user.id)) throw new AppError("not_found", "error.noShare");
  await linksDb.revokeSharedLink(database, id);
}

/** What a shared-link URL asks for: its page and scope, as written in the URL. */
export interface ShareRequest {
  view: string;
  account?: string;
  group?: string;
  from?: string;
  to?: string;
}

const gone = () => new AppError("not_found", "error.shareGone");

/**
 * A shared link opened: unknown, expired or revoked → refused; a URL naming anything but the
 * exact page, account or group and range the link was made for → refused. It shows what its
 * creator may still see of that scope, as an anonymous read-only viewer.
 */
export async function resolveShare(database: Database, token: string, asked: ShareRequest, opts: { count: boolean }) {
  if (!isShareTokenShape(token)) throw gone();
  const link = await linksDb.findSharedLinkByHash(database, hashShareToken(token));
  if (!link || shareStatus(link) !== "active" || link.createdBy === null) throw gone();
  const same =
    asked.view === link.view &&
    (asked.account ?? null) === (link.accountId === null ? null : String(link.accountId)) &&
    (asked.group ?? null) === (link.groupId === null ? null : String(link.groupId)) &&
    asked.from === link.fromDate &&
    asked.to === link.toDate;
  if (!same) throw new AppError("forbidden", "error.shareScope");
  const creatorUser: SessionUser | null = await findUserWithAccounts(database, link.createdBy);
  if (!creatorUser) throw gone();
  let accountIds: number[];
  if (link.accountId !== null) {
    if (!creatorUser.accountIds.includes(link.accountId)) throw gone();
    accountIds = [link.accountId];
  } else {
    accountIds = await groupAccountIds(database, creatorUser, link.groupId!).catch(() => {
      throw gone();
    });
  }
  const viewer: SessionUser = { id: 0, email: "", name: "", role: "viewer", accountIds };
  if (opts.count) await linksDb.countSharedLinkOpening(database, link.id);
  return {
    link: { view: link.view, from: link.fromDate, to: link.toDate, expiresAt: link.expiresAt.toISOString() },
    viewer,
    accounts: await visibleAccounts(database, viewer),
    group: link.groupId !== null ? { id: link.groupId, name: link.groupName ?? "", accountIds } : null,
  };
}
