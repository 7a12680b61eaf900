import "server-only";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getServerSession } from "next-auth";
import { cache } from "react";

import { type Database, getDatabase } from "@/db/client";
import { allAccountIds, assignedAccountIds, findUser } from "@/db/users";

import type { SessionUser } from "./access";
import { authOptions } from "./options";

/**
 * The signed-in user, re-read from the database on every request: a deleted user or a
 * changed role takes effect at once, not when the cookie expires.
 */
export const currentUser = cache(async (): Promise<SessionUser | null> => {
  const session = await getServerSession(authOptions());
  return loadSessionUser(await getDatabase(), session?.user as SessionCookieUser | undefined);
});

/** What the session cookie says: the user id and the session version it was issued with. */
export interface SessionCookieUser {
  id?: string;
  sv?: unknown;
}

export async function loadSessionUser(
  database: Database,
  claims: SessionCookieUser | undefined,
): Promise<SessionUser | null> {
  const id = Number(claims?.id);
  if (!Number.isInteger(id) || id <= 0) return null;
  const user = await findUser(database, id);
  // Signed out everywhere, password or role changed since this cookie was issued: not signed in.
  if (!user || user.sessionVersion !== claims?.sv) return null;
  const accountIds = user.role === "admin" ? await allAccountIds(database) : await assignedAccountIds(database, id);
  const { email, name, role, mustChangePassword } = user;
  return { id, email, name, role, accountIds, mustChangePassword };
}

/** The change-password page: its only way in for a user who must set their own password. */
export const CHANGE_PASSWORD_PATH = "/password";

/** Any signed-in user, including one who must still set their own password (the change-password page). */
export async function requireSignedIn(): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) redirect(`/login?next=${encodeURIComponent((await headers()).get("x-readout-url") ?? "/")}`);
  return user;
}

/**
 * For pages: anonymous visitors go to the sign-in page and come back to the URL they asked for; a
 * user who must set their own password goes to the change-password page, whatever they asked for.
 */
export async function requirePageUser(): Promise<SessionUser> {
  const user = await requireSignedIn();
  if (user.mustChangePassword) redirect(CHANGE_PASSWORD_PATH);
  return user;
}
