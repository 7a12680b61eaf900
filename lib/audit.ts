import "server-only";

import { createAuditEntry, listAuditEntries } from "@/db/audit";
import type { Database } from "@/db/client";
import { clientIp } from "@/lib/client-ip";

/** Everything the audit log records (the admin page filters by these). */
export const AUDIT_ACTIONS = [
  "sign-in",
  "sign-in.failed",
  "sign-in.throttled",
  "sign-out",
  "password.change",
  "user.create",
  "user.update",
  "user.delete",
  "user.unlock",
  "account.create",
  "account.credentials",
  "account.delete",
  "sync.start",
  "export",
  "share-link.create",
  "share-link.revoke",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditRecord {
  /** Who: the signed-in user, or null with `email` for a sign-in attempt. */
  actor?: { id: number; email: string } | null;
  email?: string;
  action: AuditAction;
  target?: string;
  detail?: Record<string, unknown>;
  /** The client IP; read from the current request when left out. */
  ip?: string | null;
  /** Defaults to now (tests pass their clock). */
  at?: Date;
}

async function requestIp(): Promise<string | null> {
  try {
    const { headers } = await import("next/headers");
    return clientIp(await headers());
  } catch {
    return null; // outside a request (CLI, daily sync)
  }
}

/**
 * Records who did what, when and from where. Never throws: a failed audit write is logged and the
 * operation it describes still stands.
 */
export async function recordAudit(database: Database, record: AuditRecord): Promise<void> {
  try {
    await createAuditEntry(database, {
      actorId: record.actor?.id ?? null,
      actorEmail: (record.actor?.email ?? record.email ?? null)?.slice(0, 320),
      action: record.action,
      target: record.target ?? null,
      detail: record.detail ?? {},
      ip: record.ip === undefined ? await requestIp() : record.ip,
      at: record.at,
    });
  } catch (error) {
    console.error(`[readout] audit write failed (${record.action}):`, error instanceof Error ? error.message : error);
  }
}

export { listAuditEntries };
