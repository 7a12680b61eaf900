import "server-only";

import { z } from "zod";

import { createAuditEntry, listAuditEntries } from "@/db/audit";
import type { Database } from "@/db/client";
import { AUDIT_ACTIONS, type AuditAction } from "@/lib/audit-actions";
import { clientIp } from "@/lib/client-ip";

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

export { AUDIT_ACTIONS, type AuditAction, listAuditEntries };

export const AUDIT_PAGE_SIZE = 100;

/** The admin page's filter (?action=&q=&page=); anything unparsable means no filter. */
export const auditFilterSchema = z.object({
  action: z.enum(AUDIT_ACTIONS).optional().catch(undefined),
  q: z.string().trim().max(200).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).default(1).catch(1),
});
export type AuditPageFilter = z.output<typeof auditFilterSchema>;

export function listAudit(database: Database, f: AuditPageFilter) {
  return listAuditEntries(database, {
    action: f.action,
    search: f.q || undefined,
    limit: AUDIT_PAGE_SIZE,
    offset: (f.page - 1) * AUDIT_PAGE_SIZE,
  });
}
