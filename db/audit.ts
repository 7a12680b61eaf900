import "server-only";

import { and, desc, eq, gte, ilike, lt, or, type SQL } from "drizzle-orm";

import type { Database } from "./client";
import { auditLog } from "./schema";

export interface AuditEntry {
  actorId?: number | null;
  actorEmail?: string | null;
  action: string;
  target?: string | null;
  detail?: Record<string, unknown>;
  ip?: string | null;
  at?: Date;
}

export async function createAuditEntry({ db }: Database, entry: AuditEntry) {
  await db.insert(auditLog).values({
    actorId: entry.actorId ?? null,
    actorEmail: entry.actorEmail ?? null,
    action: entry.action,
    target: entry.target ?? null,
    detail: entry.detail ?? {},
    ip: entry.ip ?? null,
    ...(entry.at ? { at: entry.at } : {}),
  });
}

export interface AuditFilter {
  action?: string;
  /** Part of the actor's email, the target or the IP. */
  search?: string;
  /** Instants: [since, until). */
  since?: Date;
  until?: Date;
  limit: number;
  offset: number;
}

/** Newest first. */
export async function listAuditEntries({ db }: Database, f: AuditFilter) {
  const where: (SQL | undefined)[] = [];
  if (f.action) where.push(eq(auditLog.action, f.action));
  if (f.since) where.push(gte(auditLog.at, f.since));
  if (f.until) where.push(lt(auditLog.at, f.until));
  if (f.search) {
    const like = `%${f.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(or(ilike(auditLog.actorEmail, like), ilike(auditLog.target, like), ilike(auditLog.ip, like)));
  }
  return db
    .select()
    .from(auditLog)
    .where(and(...where))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(f.limit)
    .offset(f.offset);
}
