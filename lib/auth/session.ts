import "server-only";

import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { getToken } from "next-auth/jwt";
import { cache } from "react";

import { type Database, getDatabase } from "@/db/client";
import { findUserWithAccounts } from "@/db/users";

import type { SessionUser } from "./access";
import { resolveAuthSecret } from "./secret";

/**
 * The signed-in user, re-read from the database on every request: a deleted user or a
 * changed role takes effect at once, not when the cookie expires.
 */
export const currentUser = cache(async (): Promise<SessionUser | null> => {
  // The cookie alone, as getServerSession reads it, without its jwt callback (a query this
  // function repeats) and without re-encrypting a cookie a server component cannot set. No
  // Authorization header: only the cookie signs a request in.
  const jar = Object.fromEntries((await cookies()).getAll().map((c) => [c.name, c.value]));
  // getToken reads only req.cookies (a plain object will do) and req.headers.authorization.
  const req = { cookies: jar, headers: {} } as unknown as Parameters<typeof getToken>[0]["req"];
  const claims = await getToken({ req, secret: resolveAuthSecret() });
  return loadSessionUser(await getDatabase(), claims ? { id: claims.sub, sv: claims.sv } : undefined);
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
  const user = await findUserWithAccounts(database, id);
  // Signed out everywhere, password or role changed since this cookie was issued: not signed in.
  if (!user || user.sessionVersion !== claims?.sv) return null;
  const { email, name, role, mustChangePassword, accountIds } = user;
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
