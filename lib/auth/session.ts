import "server-only";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getServerSession } from "next-auth";
import { cache } from "react";

import { getDatabase } from "@/db/client";
import { allAccountIds, assignedAccountIds, findUser } from "@/db/users";

import type { SessionUser } from "./access";
import { authOptions } from "./options";

/**
 * The signed-in user, re-read from the database on every request: a deleted user or a
 * changed role takes effect at once, not when the cookie expires.
 */
export const currentUser = cache(async (): Promise<SessionUser | null> => {
  const session = await getServerSession(authOptions());
  const claims = session?.user as { id?: string; sv?: unknown } | undefined;
  const id = Number(claims?.id);
  if (!Number.isInteger(id) || id <= 0) return null;
  const database = await getDatabase();
  const user = await findUser(database, id);
  // Signed out everywhere, password or role changed since this cookie was issued: not signed in.
  if (!user || user.sessionVersion !== claims?.sv) return null;
  const accountIds = user.role === "admin" ? await allAccountIds(database) : await assignedAccountIds(database, id);
  return { id: user.id, email: user.email, name: user.name, role: user.role, accountIds };
});

/** For pages: anonymous visitors go to the sign-in page and come back to the URL they asked for. */
export async function requirePageUser(): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) redirect(`/login?next=${encodeURIComponent((await headers()).get("x-readout-url") ?? "/")}`);
  return user;
}
