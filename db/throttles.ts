import "server-only";

import { inArray, sql } from "drizzle-orm";

import type { Database } from "./client";
import { signInThrottles } from "./schema";

export async function listThrottles({ db }: Database, keys: string[]) {
  if (keys.length === 0) return [];
  return db.select().from(signInThrottles).where(inArray(signInThrottles.key, keys));
}

/**
 * One more failure for key; failures counted before `forgetBefore` (and not locked now) start
 * again from one. Returns the new count.
 */
export async function addThrottleFailure({ db }: Database, key: string, now: Date, forgetBefore: Date) {
  const [row] = await db
    .insert(signInThrottles)
    .values({ key, failures: 1, updatedAt: now })
    .onConflictDoUpdate({
      target: signInThrottles.key,
      set: {
        failures: sql`case when ${signInThrottles.updatedAt} < ${forgetBefore.toISOString()}::timestamptz
          and (${signInThrottles.lockedUntil} is null or ${signInThrottles.lockedUntil} <= ${now.toISOString()}::timestamptz)
          then 1 else ${signInThrottles.failures} + 1 end`,
        updatedAt: now,
      },
    })
    .returning({ failures: signInThrottles.failures });
  return row!.failures;
}

export async function updateThrottleLock({ db }: Database, key: string, lockedUntil: Date | null) {
  await db
    .update(signInThrottles)
    .set({ lockedUntil })
    .where(sql`${signInThrottles.key} = ${key}`);
}

export async function deleteThrottles({ db }: Database, keys: string[]) {
  if (keys.length === 0) return;
  await db.delete(signInThrottles).where(inArray(signInThrottles.key, keys));
}

/** Keys locked at `now` (for the admin page). */
export async function listLockedThrottles({ db }: Database, now: Date) {
  return db
    .select()
    .from(signInThrottles)
    .where(sql`${signInThrottles.lockedUntil} > ${now.toISOString()}::timestamptz`)
    .orderBy(signInThrottles.key);
}
