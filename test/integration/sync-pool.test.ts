import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createAccount, listAccounts } from "@/db/accounts";
import { findLatestSyncRun } from "@/db/sync-runs";
import { runSync, SyncBusyError, type SyncSummary } from "@/lib/sync/runner";

import { createHarness, type Harness } from "../helpers/harness";

/**
 * Many syncs at once never starve the pool: a running sync holds no connection between its
 * queries (its lock is a lease row), so 3× the pool size (10) in syncs still leaves room for pages.
 */
describe("30 syncs at once on a pool of 10", () => {
  let h: Harness;
  const ACCOUNTS = 30;

  beforeAll(async () => {
    h = await createHarness(
      { today: "2026-03-01", accounts: ACCOUNTS, legacyRetiredOn: "never", latencyMs: 200 },
      { timeoutMs: 60_000 },
    );
    for (const a of h.sim.truth.accounts.slice(1))
      await createAccount(h.database, { authType: "classic", name: a.name, appid: a.appid, secret: a.secret });
  });
  afterAll(async () => h?.close());

  it("serves reads while every sync runs, and a second sync of a busy account is refused", async () => {
    const accounts = await listAccounts(h.database);
    expect(accounts).toHaveLength(ACCOUNTS);
    let finished = 0;
    const runs = accounts.map((a) =>
      runSync(h.ctx, { accountId: a.id, from: "2026-02-27", to: "2026-02-28", concurrency: 2 }).then((s) => {
        finished++;
        return s;
      }),
    );
    // Wait until every account has a run row: all 30 are inside their lock at once.
    for (let i = 0; i < 200; i++) {
      const started = await Promise.all(accounts.map((a) => findLatestSyncRun(h.database, a.id)));
      if (started.every(Boolean)) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    const duringRuns = await Promise.all(Array.from({ length: 20 }, () => listAccounts(h.database)));
    expect(duringRuns.every((list) => list.length === ACCOUNTS)).toBe(true);
    expect(finished).toBeLessThan(ACCOUNTS);
    await expect(
      runSync(h.ctx, { accountId: accounts[0]!.id, from: "2026-02-27", to: "2026-02-28", concurrency: 1 }),
    ).rejects.toBeInstanceOf(SyncBusyError);

    const summaries: SyncSummary[] = await Promise.all(runs);
    expect(summaries.flatMap((s) => [s.fatal ?? [], ...s.errors.map((e) => e.message)].flat())).toEqual([]);
    // The lock is released: the same account can sync again (only windows that can still change are fetched).
    const again = await runSync(h.ctx, {
      accountId: accounts[0]!.id,
      from: "2026-02-27",
      to: "2026-02-28",
      concurrency: 1,
    });
    expect(again.fatal).toBeNull();
    expect(again.totalCalls).toBeLessThan(summaries[0]!.totalCalls);
  }, 120_000);
});
