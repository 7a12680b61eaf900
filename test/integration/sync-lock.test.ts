import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createTokenManager, runSync, SyncBusyError } from "@/lib/sync/runner";

import { testingOnPostgres } from "../helpers/db";
import { createHarness, type Harness } from "../helpers/harness";

describe("one sync per account at a time", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness({ today: "2026-03-01", legacyRetiredOn: "never", latencyMs: 20 });
  });
  afterAll(async () => h?.close());

  it("refuses a second sync of the same account while one runs, from another process too", async () => {
    // On PostgreSQL a second connection pool stands for a second app instance.
    const other = testingOnPostgres ? await h.testDb.open() : h.database;
    const otherCtx = { ...h.ctx, database: other, tokens: createTokenManager(other, h.ctx.http) };
    const first = h.sync("2026-02-01", "2026-02-10");
    await new Promise((r) => setTimeout(r, 300));
    await expect(
      runSync(otherCtx, { accountId: h.account.id, from: "2026-02-01", to: "2026-02-10", concurrency: 2 }),
    ).rejects.toBeInstanceOf(SyncBusyError);
    const summary = await first;
    expect(summary.errors).toEqual([]);
    // Once the first has finished, the lock is free again.
    const again = await runSync(otherCtx, {
      accountId: h.account.id,
      from: "2026-02-01",
      to: "2026-02-10",
      concurrency: 2,
    });
    expect(again.fatal).toBeNull();
  });
});
