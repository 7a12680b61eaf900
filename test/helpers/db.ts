import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import pg from "pg";

import { type Database, type DatabaseConfig, IN_MEMORY, openDatabase } from "@/db/client";
import { newEncryptionKey } from "@/lib/crypto";

/** Set by scripts/test-all.sh for the PostgreSQL pass; unset means PGlite. */
const adminUrl = process.env.TEST_DATABASE_URL;
export const testingOnPostgres = Boolean(adminUrl);

export interface TestDatabase {
  config: DatabaseConfig & { encryptionKey: string };
  /** Environment for a child process (CLI) using the same database. */
  env: Record<string, string>;
  open(): Promise<Database>;
  drop(): Promise<void>;
}

/**
 * A throwaway database: a fresh PostgreSQL database on the test server, or PGlite (in memory,
 * or in a temp folder when a child process must share it).
 */
export async function createTestDatabase(opts: { shareWithChildProcesses?: boolean } = {}): Promise<TestDatabase> {
  const encryptionKey = newEncryptionKey();
  const opened: Database[] = [];
  const open = async () => {
    const db = await openDatabase(config);
    opened.push(db);
    return db;
  };
  // Closing twice is harmless (a test may close a database before drop()).
  const closeAll = async () => {
    for (const db of opened.splice(0)) await db.close().catch(() => {});
  };

  let config: TestDatabase["config"];
  let drop: () => Promise<void>;
  if (adminUrl) {
    const name = `readout_test_${process.pid}_${randomBytes(4).toString("hex")}`;
    await withAdmin((c) => c.query(`create database ${name}`));
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    config = { databaseUrl: url.toString(), pgliteDir: IN_MEMORY, encryptionKey };
    drop = async () => {
      await closeAll();
      await withAdmin((c) => c.query(`drop database if exists ${name} with (force)`));
    };
  } else if (opts.shareWithChildProcesses) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "readout-test-"));
    config = { pgliteDir: dir, encryptionKey };
    drop = async () => {
      await closeAll();
      fs.rmSync(dir, { recursive: true, force: true });
    };
  } else {
    config = { pgliteDir: IN_MEMORY, encryptionKey };
    drop = closeAll;
  }
  const env: Record<string, string> = {
    READOUT_ENCRYPTION_KEY: encryptionKey,
    ...(config.databaseUrl ? { DATABASE_URL: config.databaseUrl } : { PGLITE_DIR: config.pgliteDir }),
  };
  return { config, env, open, drop };
}

async function withAdmin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
