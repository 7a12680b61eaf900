import "server-only";

import { randomUUID } from "node:crypto";
import os from "node:os";
import path from "node:path";

import { and, eq, inArray, lt, sql } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";

import { SecretBox } from "@/lib/crypto";
import { env } from "@/lib/env";

import { acquireFolderLock, loadOrCreateKeyFile } from "./folder";
import * as schema from "./schema";
import { leases, syncRuns } from "./schema";

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface Database {
  db: Db;
  kind: "pglite" | "postgres";
  /** Secrets and tokens at rest are sealed with this. */
  secrets: SecretBox;
  /**
   * Runs fn while holding an exclusive lock named by (scope, id) across every process that
   * shares this database; resolves to null without running fn when someone else holds it.
   */
  tryWithLock<T>(scope: LockScope, id: number, fn: () => Promise<T>): Promise<T | null>;
  close(): Promise<void>;
}

/**
 * Runs fn in one transaction. fn gets the database with its handle bound to the transaction, so
 * the query functions of db/ it calls with that handle all run inside it.
 */
export function inTransaction<T>(database: Database, fn: (tx: Database) => Promise<T>): Promise<T> {
  return database.db.transaction((tx) => fn({ ...database, db: tx }));
}

type LockScope = "sync-account" | "daily-sync" | "migrate";

/** A lease lasts this long unless its holder renews it (every third of it while it works). */
export const LEASE_MS = 30_000;

/**
 * PostgreSQL locks shared by every process on the database, as lease rows: taking one is one
 * statement, and nothing holds a pool connection while fn runs (fn's own queries need them).
 */
function leaseLock(db: Db): Database["tryWithLock"] {
  const owner = `${os.hostname()}:${process.pid}:${randomUUID()}`;
  const leaseEnd = () => sql`now() + ${`${LEASE_MS} milliseconds`}::interval`;
  return async (scope, id, fn) => {
    const where = and(eq(leases.scope, scope), eq(leases.key, id), eq(leases.owner, owner));
    const taken = await db
      .insert(leases)
      .values({ scope, key: id, owner, expiresAt: leaseEnd() })
      .onConflictDoUpdate({
        target: [leases.scope, leases.key],
        set: { owner, expiresAt: leaseEnd() },
        setWhere: lt(leases.expiresAt, sql`now()`),
      })
      .returning({ owner: leases.owner });
    if (taken.length === 0) return null;
    const renew = setInterval(() => {
      db.update(leases)
        .set({ expiresAt: leaseEnd() })
        .where(where)
        .catch((error: unknown) => console.error(`[db] renewing the ${scope} lease failed:`, error));
    }, LEASE_MS / 3);
    renew.unref();
    try {
      return await fn();
    } finally {
      clearInterval(renew);
      await db.delete(leases).where(where);
    }
  };
}
const LOCK_SCOPE_IDS: Record<LockScope, number> = { "sync-account": 1, "daily-sync": 2, migrate: 3 };

const MIGRATIONS = path.join(process.cwd(), "db", "migrations");
export const IN_MEMORY = "memory://";

/**
 * Next.js bundles server code in several layers (server components, server actions, route
 * handlers, instrumentation), each with its own copy of this module: a module-level variable
 * would open the PGlite folder once per layer, and each copy would see only its own writes.
 * The one process-wide handle therefore lives on globalThis.
 */
const shared = globalThis as typeof globalThis & { __readoutDatabase?: Promise<Database> };

/** The process-wide database, opened and migrated once. */
export function getDatabase(): Promise<Database> {
  shared.__readoutDatabase ??= openFromEnv().catch((error: unknown) => {
    shared.__readoutDatabase = undefined;
    throw error;
  });
  return shared.__readoutDatabase;
}

/** Closes the process-wide database (CLI exit, tests). */
export async function closeDatabase(): Promise<void> {
  const current = shared.__readoutDatabase;
  shared.__readoutDatabase = undefined;
  if (current) await (await current).close();
}

export interface DatabaseConfig {
  /** PostgreSQL connection string; when absent, PGlite in pgliteDir. */
  databaseUrl?: string;
  /** A folder, or "memory://" for a throwaway in-memory database. */
  pgliteDir: string;
  encryptionKey?: string;
}

function openFromEnv(): Promise<Database> {
  const e = env();
  return openDatabase({
    databaseUrl: e.DATABASE_URL,
    pgliteDir: e.PGLITE_DIR,
    encryptionKey: e.READOUT_ENCRYPTION_KEY,
  });
}

export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  if (config.databaseUrl) {
    if (!config.encryptionKey) {
      throw new Error("READOUT_ENCRYPTION_KEY is required with DATABASE_URL (openssl rand -base64 32).");
    }
    return openPostgres(config.databaseUrl, new SecretBox(config.encryptionKey));
  }
  return openPglite(config.pgliteDir, config.encryptionKey);
}

async function openPostgres(url: string, secrets: SecretBox): Promise<Database> {
  const { Pool } = await import("pg");
  const { drizzle } = await import("drizzle-orm/node-postgres");
  const { migrate } = await import("drizzle-orm/node-postgres/migrator");
  const pool = new Pool({ connectionString: url, max: 10 });
  pool.on("error", (error) => console.error("[db] idle PostgreSQL client error:", error.message));
  const db = drizzle(pool, { schema }) as unknown as Db;

  const tryWithLock = leaseLock(db);

  // Several app instances may start together: one migrates, the others wait for it.
  const migrator = await pool.connect();
  try {
    await migrator.query("select pg_advisory_lock($1, 0)", [LOCK_SCOPE_IDS.migrate]);
    try {
      await migrate(drizzle(migrator), { migrationsFolder: MIGRATIONS });
    } finally {
      await migrator.query("select pg_advisory_unlock($1, 0)", [LOCK_SCOPE_IDS.migrate]);
    }
  } finally {
    migrator.release();
  }

  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await pool.end();
  };
  return { db, kind: "postgres", secrets, tryWithLock, close };
}

async function openPglite(dir: string, configuredKey: string | undefined): Promise<Database> {
  const { RemotePglite } = await import("./pglite-remote");
  const { drizzle } = await import("drizzle-orm/pglite");
  const { migrate } = await import("drizzle-orm/pglite/migrator");

  const inMemory = dir === IN_MEMORY;
  const releaseFolder = inMemory ? () => {} : acquireFolderLock(dir);
  try {
    const key = configuredKey ?? (inMemory ? undefined : loadOrCreateKeyFile(dir));
    const secrets = new SecretBox(key ?? (await import("@/lib/crypto")).newEncryptionKey());
    const client = new RemotePglite(inMemory ? undefined : path.join(dir, "pg"));
    await client.waitReady;
    // drizzle's PGlite driver only calls query/exec/transaction, which the remote client serves.
    const asPglite = client as unknown as import("@electric-sql/pglite").PGlite;
    const db = drizzle({ client: asPglite, schema }) as unknown as Db;
    await migrate(drizzle({ client: asPglite }), { migrationsFolder: MIGRATIONS });
    // This process owns the folder: a run still marked running or queued died with the last one.
    await db
      .update(syncRuns)
      .set({ status: "interrupted", finishedAt: new Date() })
      .where(inArray(syncRuns.status, ["running", "queued"]));

    // One process owns the folder, so an in-process lock table is exclusive across the app.
    const held = new Set<string>();
    const tryWithLock: Database["tryWithLock"] = async (scope, id, fn) => {
      const name = `${scope}:${id}`;
      if (held.has(name)) return null;
      held.add(name);
      try {
        return await fn();
      } finally {
        held.delete(name);
      }
    };

    return {
      db,
      kind: "pglite",
      secrets,
      tryWithLock,
      close: async () => {
        await client.close();
        releaseFolder();
      },
    };
  } catch (error) {
    releaseFolder();
    throw error;
  }
}
