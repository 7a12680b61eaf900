import "server-only";

import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

import { env } from "@/lib/env";

/**
 * The key that signs session cookies. NEXTAUTH_SECRET wins; on the embedded database a
 * random one is created in the data folder on first start (never committed). Several app
 * processes on PostgreSQL must share one, so there it has to come from the environment.
 */
let resolved: string | undefined;

export function resolveAuthSecret(): string {
  resolved ??= readOrCreateSecret();
  return resolved;
}

function readOrCreateSecret(): string {
  const e = env();
  if (e.NEXTAUTH_SECRET) return e.NEXTAUTH_SECRET;
  if (e.DATABASE_URL)
    throw new Error("NEXTAUTH_SECRET must be set when DATABASE_URL is (every app process needs the same one).");
  const file = path.join(e.PGLITE_DIR, "auth.secret");
  if (!fs.existsSync(file)) {
    fs.mkdirSync(e.PGLITE_DIR, { recursive: true });
    fs.writeFileSync(file, crypto.randomBytes(32).toString("base64"), { mode: 0o600, flag: "wx" });
  }
  return fs.readFileSync(file, "utf8").trim();
}
