import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createAccount } from "@/db/accounts";
import { createInProcessQueue } from "@/db/job-queue";
import { syncRuns } from "@/db/schema";
import { createSyncRun, updateSyncRun } from "@/db/sync-runs";
import { AdminError } from "@/lib/admin/errors";
import { createQueues } from "@/lib/jobs/queues";
import { startSync } from "@/lib/jobs/sync-jobs";
import { isActive, loadSyncStatus, runStatus } from "@/lib/sync/status";

import { createTestDatabase, testingOnPostgres } from "../helpers/db";
import { createHarness, type Harness } from "../helpers/harness";

/** After a crash: nothing blocks syncing, a dead run is named as such, and errors are not a plain "done". */
describe("runs cut off by a crash", () => {
  it.skipIf(testingOnPostgres)(
    "PGlite: runs of the folder still running or queued are interrupted at open",
    async () => {
      const testDb = await createTestDatabase({ shareWithChildProcesses: true });
      try {
        const first = await testDb.open();
        const account = await createAccount(first, {
          authType: "classic",
          name: "A",
          appid: "wxcrash0000000001",
          secret: "s",
        });
        const runId = await createSyncRun(first, {
          accountId: account.id,
          fromDate: "2026-01-01",
          toDate: "2026-01-31",
          windowsTotal: 100,
        });
        await updateSyncRun(first, runId, { windowsDone: 40 });
        await first.close(); // the process "dies" with the run marked running
        const second = await testDb.open();
        const status = await loadSyncStatus(second, account.id);
        expect(status.run).toMatchObject({ id: runId, status: "interrupted", windowsDone: 40 });
      } finally {
        await testDb.drop();
      }
    },
  );

  it("statuses: done with failed windows is not a plain done; a silent running run is stale", () => {
    const now = new Date("2026-03-01T12:00:00Z");
    const fresh = new Date(now.getTime() - 10_000);
    const old = new Date(now.getTime() - 10 * 60_000);
    expect(runStatus({ status: "done", heartbeatAt: fresh, errors: 0 }, now)).toBe("done");
    expect(runStatus({ status: "done", heartbeatAt: fresh, errors: 3 }, now)).toBe("doneWithErrors");
    expect(runStatus({ status: "running", heartbeatAt: fresh, errors: 0 }, now)).toBe("running");
    expect(runStatus({ status: "running", heartbeatAt: old, errors: 0 }, now)).toBe("stale");
    expect(isActive({ status: "running", heartbeatAt: old, errors: 0 }, now)).toBe(false);
    expect(isActive({ status: "queued", heartbeatAt: old, errors: 0 }, now)).toBe(true);
  });

  describe("a stale run is offered to resume", () => {
    let h: Harness;
    beforeAll(async () => {
      h = await createHarness({ today: "2026-03-01", legacyRetiredOn: "never" });
    });
    afterAll(async () => h?.close());

    it("a live run blocks a new start; a stale one does not, and a new run is queued in its place", async () => {
      const queue = createInProcessQueue();
      await createQueues(queue);
      // A run another process started, alive (fresh heartbeat): a conflict.
      const live = await createSyncRun(h.database, {
        accountId: h.account.id,
        fromDate: "2026-02-20",
        toDate: "2026-02-28",
        windowsTotal: 10,
      });
      const refused = await startSync(h.ctx, queue, {
        accountId: h.account.id,
        from: "2026-02-20",
        to: "2026-02-28",
      }).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(AdminError);
      // Its process died: the heartbeat stops.
      await updateSyncRun(h.database, live, { heartbeatAt: new Date(Date.now() - 10 * 60_000) });
      expect((await loadSyncStatus(h.database, h.account.id)).run?.status).toBe("stale");
      const resumed = await startSync(h.ctx, queue, { accountId: h.account.id, from: "2026-02-20", to: "2026-02-28" });
      expect(resumed.runId).toBeGreaterThan(live);
      expect((await loadSyncStatus(h.database, h.account.id)).run).toMatchObject({
        id: resumed.runId,
        status: "queued",
      });
      await queue.stop();
      const [row] = await h.database.db.select().from(syncRuns).where(eq(syncRuns.id, resumed.runId));
      expect(row?.status).toBe("queued");
    });
  });
});
