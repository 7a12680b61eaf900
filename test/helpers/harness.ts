import { createAccount } from "@/db/accounts";
import type { Database } from "@/db/client";
import { addDaysIso, type IsoDate } from "@/lib/dates";
import { createTokenManager, runSync, type SyncContext } from "@/lib/sync/runner";
import { ENDPOINT_NAMES, type EndpointName } from "@/lib/wechat/endpoints";
import type { HttpOptions } from "@/lib/wechat/http";
import { startSimulator } from "@/simulator/server";

import { storedRows, truthRows } from "./compare";
import { createTestDatabase, type TestDatabase } from "./db";

export type SimulatorOptions = Parameters<typeof startSimulator>[0];

/** A simulator, a throwaway database and one account on it, with a clock both sides share. */
export async function createHarness(simulator: SimulatorOptions & { today: IsoDate }, http: Partial<HttpOptions> = {}) {
  const sim = await startSimulator({ accounts: 1, seed: 1, ...simulator });
  const testDb: TestDatabase = await createTestDatabase();
  const database: Database = await testDb.open();
  let today = simulator.today;
  const httpOptions: HttpOptions = { baseUrl: sim.url, timeoutMs: 2_000, maxAttempts: 5, minBackoffMs: 5, ...http };
  const ctx: SyncContext = {
    database,
    http: httpOptions,
    tokens: createTokenManager(database, httpOptions),
    now: () => new Date(`${today}T12:00:00+08:00`),
  };
  const simAccount = sim.truth.accounts[0]!;
  const account = await createAccount(database, {
    authType: "classic",
    name: simAccount.name,
    appid: simAccount.appid,
    secret: simAccount.secret,
  });

  const stats = async () => {
    const res = await fetch(`${sim.url}/__stats`);
    return (await res.json()) as { calls: Record<string, number>; total: number };
  };

  return {
    sim,
    database,
    testDb,
    ctx,
    account,
    appid: simAccount.appid,
    get today() {
      return today;
    },
    get yesterday() {
      return addDaysIso(today, -1);
    },
    setToday(date: IsoDate) {
      today = date;
      sim.setToday(date);
    },
    sync: (from: IsoDate, to: IsoDate, concurrency = 4) =>
      runSync(ctx, { accountId: account.id, from, to, concurrency }),
    stats,
    resetStats: () => fetch(`${sim.url}/__stats/reset`, { method: "POST" }),
    /** Per endpoint: [stored rows, ground-truth rows], both canonical and sorted. */
    async compareWithTruth(from: IsoDate, to: IsoDate, endpoints: readonly EndpointName[] = ENDPOINT_NAMES) {
      const out: Record<string, { stored: string[]; truth: string[] }> = {};
      for (const endpoint of endpoints) {
        out[endpoint] = {
          stored: await storedRows(database, account.id, endpoint, from, to),
          truth: truthRows(sim.truth, simAccount.appid, endpoint, from, to, today),
        };
      }
      return out;
    },
    async close() {
      await sim.close();
      await testDb.drop();
    },
  };
}

export type Harness = Awaited<ReturnType<typeof createHarness>>;

/** Datacube calls only (token calls are keyed by path). */
export function datacubeCalls(calls: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(calls).filter(([k]) => !k.startsWith("/")));
}
