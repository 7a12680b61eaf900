import "server-only";

import type { Database } from "@/db/client";
import { findLogin } from "@/db/users";
import { recordAudit } from "@/lib/audit";

import { verifyPassword } from "./password";
import { clearThrottle, emailKey, ipKey, lockedKeys, lockedUntil, recordFailure } from "./throttle";

export type SignInResult =
  | { ok: true; userId: number; sessionVersion: number }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "throttled"; retryAt: Date };

/**
 * One sign-in attempt: refused without looking at the password while the email or the IP is
 * backed off; otherwise checked, counted and recorded. The answer is the same whether or not the
 * email exists (unknown emails are throttled and timed like known ones).
 */
export async function attemptSignIn(
  database: Database,
  input: { email: string; password: string; ip: string },
  now: Date = new Date(),
): Promise<SignInResult> {
  const email = input.email.trim().toLowerCase();
  const keys = { email: emailKey(email), ip: ipKey(input.ip) };
  const retryAt = await lockedUntil(database, [keys.email, keys.ip], now);
  if (retryAt) {
    await recordAudit(database, {
      email,
      action: "sign-in.throttled",
      ip: input.ip,
      detail: { until: retryAt.toISOString() },
      at: now,
    });
    return { ok: false, reason: "throttled", retryAt };
  }
  const login = await findLogin(database, email);
  // Verify against a fixed hash when the email is unknown, so timing does not tell.
  const ok = await verifyPassword(login?.passwordHash ?? DUMMY_HASH, input.password);
  if (login && ok) {
    await clearThrottle(database, [keys.email]);
    await recordAudit(database, { actor: { id: login.id, email }, action: "sign-in", ip: input.ip, at: now });
    return { ok: true, userId: login.id, sessionVersion: login.sessionVersion };
  }
  await recordFailure(database, keys, now);
  await recordAudit(database, { email, action: "sign-in.failed", ip: input.ip, at: now });
  return { ok: false, reason: "invalid" };
}

/** Admin: ends the back-off of an email (and of an IP, if given) at once. */
export async function liftLockout(database: Database, target: { email?: string; ip?: string }) {
  await clearThrottle(database, [
    ...(target.email ? [emailKey(target.email)] : []),
    ...(target.ip ? [ipKey(target.ip)] : []),
  ]);
}

/** Emails whose sign-in is locked at `now`, with the end of the lock (for the users page). */
export async function lockedEmails(database: Database, now: Date = new Date()): Promise<Map<string, Date>> {
  const out = new Map<string, Date>();
  for (const row of await lockedKeys(database, now))
    if (row.key.startsWith("email:") && row.lockedUntil) out.set(row.key.slice("email:".length), row.lockedUntil);
  return out;
}

const DUMMY_HASH = "$argon2id$v=19$m=19456,t=2,p=1$2ZK0QIU33JN9G/EhnHdWsw$UYqlgcvIj06udNTeopLQRPjGKs326VVq9STJU02B0uo";
