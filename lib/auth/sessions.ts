import "server-only";

import type { Database } from "@/db/client";
import { bumpSessionVersion, findSessionVersion } from "@/db/users";

/**
 * Revocable sessions. The cookie carries the user's session version (`sv`); it is valid only while
 * the users row has the same one. Signing out, a new password, a new role and deletion each move
 * the row on, which ends every session of that user, on every device.
 */
export interface SessionClaims {
  sub?: string;
  sv?: unknown;
}

export async function isSessionCurrent(database: Database, claims: SessionClaims): Promise<boolean> {
  const id = Number(claims.sub);
  if (!Number.isInteger(id) || id <= 0 || typeof claims.sv !== "number") return false;
  return (await findSessionVersion(database, id)) === claims.sv;
}

/** "Sign out everywhere": every cookie issued to the user so far stops working. */
export async function endAllSessions(database: Database, userId: number) {
  await bumpSessionVersion(database, userId);
}
