import "server-only";

import fs from "node:fs";
import path from "node:path";

import { newEncryptionKey } from "@/lib/crypto";

/**
 * Two processes on one PGlite folder lose writes without any error, so the folder carries a
 * lock file with the owner's pid. A lock left by a dead process is taken over.
 */
/** Folders this process holds, on globalThis because Next.js loads this module once per bundle layer. */
const held = ((globalThis as { __readoutHeldFolders?: Set<string> }).__readoutHeldFolders ??= new Set<string>());

export function acquireFolderLock(dir: string): () => void {
  fs.mkdirSync(dir, { recursive: true });
  const lockPath = path.join(dir, "readout.lock");
  const key = path.resolve(dir);
  if (held.has(key)) {
    throw new Error(`The data folder ${key} is already open in this process; opening it twice would lose writes.`);
  }
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      fs.writeFileSync(lockPath, `${process.pid}\n`, { flag: "wx" });
      held.add(key);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        held.delete(key);
        try {
          if (fs.readFileSync(lockPath, "utf8").trim() === String(process.pid)) fs.unlinkSync(lockPath);
        } catch {
          // already gone
        }
      };
      process.once("exit", release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const owner = Number.parseInt(fs.readFileSync(lockPath, "utf8").trim(), 10);
      if (Number.isInteger(owner) && owner !== process.pid && isAlive(owner)) {
        throw new Error(
          `The data folder ${path.resolve(dir)} is in use by another Readout process (pid ${owner}). ` +
            "PGlite allows one process per folder: stop that process, give this one its own PGLITE_DIR, " +
            "or use PostgreSQL (DATABASE_URL) to run several processes on one database.",
        );
      }
      fs.rmSync(lockPath, { force: true });
    }
  }
  throw new Error(`Could not lock the data folder ${path.resolve(dir)}.`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The embedded setup keeps its encryption key beside the data, created on first run. */
export function loadOrCreateKeyFile(dir: string): string {
  const keyPath = path.join(dir, "encryption.key");
  if (!fs.existsSync(keyPath)) fs.writeFileSync(keyPath, `${newEncryptionKey()}\n`, { mode: 0o600, flag: "wx" });
  return fs.readFileSync(keyPath, "utf8").trim();
}
