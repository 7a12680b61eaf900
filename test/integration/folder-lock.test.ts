import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { listAccounts } from "@/db/accounts";
import { openDatabase } from "@/db/client";
import { newEncryptionKey } from "@/lib/crypto";

import { spawnCli } from "../helpers/cli";
import { testingOnPostgres } from "../helpers/db";

// PGlite-only behaviour; on the PostgreSQL pass there is no folder to lock.
describe.skipIf(testingOnPostgres)("PGlite data folder", () => {
  it("refuses a folder another live process holds, and takes over one left by a dead process", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "readout-lock-"));
    const encryptionKey = newEncryptionKey();
    try {
      const owner = await openDatabase({ pgliteDir: dir, encryptionKey });
      // A second handle in the same process (another Next.js bundle layer, say) is refused too.
      await expect(openDatabase({ pgliteDir: dir, encryptionKey })).rejects.toThrow(/already open in this process/);
      const other = await spawnCli("accounts", ["list"], { PGLITE_DIR: dir, READOUT_ENCRYPTION_KEY: encryptionKey })
        .output;
      expect(other.code).toBe(1);
      expect(other.stderr).toMatch(/is in use by another Readout process \(pid \d+\)/);
      await owner.close();

      // A lock file whose process is gone (as after SIGKILL) does not block.
      fs.writeFileSync(path.join(dir, "readout.lock"), "999999\n");
      const reopened = await openDatabase({ pgliteDir: dir, encryptionKey });
      expect(await listAccounts(reopened)).toEqual([]);
      await reopened.close();
      expect(fs.existsSync(path.join(dir, "readout.lock"))).toBe(false);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
