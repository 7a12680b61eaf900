import "server-only";

import type { Database } from "@/db/client";
import {
  addThrottleFailure,
  deleteThrottles,
  listLockedThrottles,
  listThrottles,
  updateThrottleLock,
} from "@/db/throttles";

/**
 * Sign-in back-off. Each typed email and each client IP counts failures in a row; past the free
 * ones every failure locks the key for twice as long as the one before (1 s, 2 s, 4 s … up to
 * 15 min). An email's count ends with a correct password or an admin lifting it; an IP's when it
 * has been quiet for an hour. The IP allows more failures, so one office behind one address is
 * not locked out by one person's typos, while guessing across many emails still is.
 */
export const THROTTLE = {
  email: { free: 5 },
  ip: { free: 100 },
  maxLockMs: 15 * 60_000,
  forgetAfterMs: 60 * 60_000,
} as const;

export const emailKey = (email: string) => `email:${email.trim().toLowerCase()}`;
export const ipKey = (ip: string) => `ip:${ip}`;

export function lockMs(failures: number, free: number): number {
  if (failures < free) return 0;
  return Math.min(1000 * 2 ** Math.min(failures - free, 30), THROTTLE.maxLockMs);
}

/** The latest instant any of the keys is locked until, if one is locked at `now`. */
export async function lockedUntil(database: Database, keys: string[], now: Date): Promise<Date | null> {
  const rows = await listThrottles(database, keys);
  const until = rows.map((r) => r.lockedUntil).filter((d): d is Date => d !== null && d > now);
  return until.length ? new Date(Math.max(...until.map((d) => d.getTime()))) : null;
}

export async function recordFailure(database: Database, keys: { email: string; ip: string }, now: Date) {
  const forgetBefore = new Date(now.getTime() - THROTTLE.forgetAfterMs);
  for (const [key, free] of [
    [keys.email, THROTTLE.email.free],
    [keys.ip, THROTTLE.ip.free],
  ] as const) {
    const failures = await addThrottleFailure(database, key, now, forgetBefore);
    const ms = lockMs(failures, free);
    await updateThrottleLock(database, key, ms ? new Date(now.getTime() + ms) : null);
  }
}

export const clearThrottle = (database: Database, keys: string[]) => deleteThrottles(database, keys);

export const lockedKeys = (database: Database, now: Date) => listLockedThrottles(database, now);
