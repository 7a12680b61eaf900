import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createAccount } from "@/db/accounts";
import { addDaysIso, beijingDateOf } from "@/lib/dates";
import { ENDPOINT_NAMES } from "@/lib/wechat/endpoints";
import { startSimulator } from "@/simulator/server";

import { lastJsonLine, spawnCli } from "../helpers/cli";
import { dumpAccount, truthRows } from "../helpers/compare";
import { createTestDatabase, type TestDatabase } from "../helpers/db";

let sim: Awaited<ReturnType<typeof startSimulator>>;
const databases: TestDatabase[] = [];

/** A fresh database with the simulator's first account, closed again so a CLI process can own it. */
async function freshDatabase() {
  const testDb = await createTestDatabase({ shareWithChildProcesses: true });
  databases.push(testDb);
  const database = await testDb.open();
  const account = await createAccount(database, {
    authType: "classic",
    name: "Sim",
    appid: "wxsim0000000001",
    secret: "simsecret1",
  });
  await database.close();
  return { testDb, accountId: account.id };
}

async function dump(testDb: TestDatabase, accountId: number) {
  const database = await testDb.open();
  try {
    return await dumpAccount(database, accountId);
  } finally {
    await database.close();
  }
}

afterAll(async () => {
  await sim?.close();
  for (const d of databases) await d.drop();
});

describe("sync CLI: time zones", () => {
  // No READOUT_TODAY: each process works out today's Beijing date from the real clock in its own TZ.
  const today = beijingDateOf(new Date());
  const to = addDaysIso(today, -1);
  const from = addDaysIso(to, -9);

  beforeAll(async () => {
    sim = await startSimulator({ accounts: 1, legacyRetiredOn: "never", today });
  });

  it("gives identical databases under UTC, Asia/Shanghai and America/Los_Angeles", async () => {
    const dumps = [];
    for (const TZ of ["UTC", "Asia/Shanghai", "America/Los_Angeles"]) {
      const { testDb, accountId } = await freshDatabase();
      const run = spawnCli("sync", ["--account", "wxsim0000000001", "--from", from, "--to", "yesterday"], {
        ...testDb.env,
        WECHAT_API_BASE: sim.url,
        TZ,
      });
      const out = await run.output;
      expect(out.code, `${TZ}: ${out.stderr}`).toBe(0);
      const summary = lastJsonLine(out.stdout);
      expect(summary.to, TZ).toBe(to);
      expect(summary.errors, TZ).toBe(0);
      dumps.push(await dump(testDb, accountId));
    }
    expect(dumps[1]).toEqual(dumps[0]);
    expect(dumps[2]).toEqual(dumps[0]);
    for (const endpoint of ENDPOINT_NAMES) {
      expect(dumps[0]!.rows[endpoint], endpoint).toEqual(
        truthRows(sim.truth, "wxsim0000000001", endpoint, from, to, today),
      );
    }
  });
});

describe("sync CLI: crash safety", () => {
  it("a sync killed with SIGKILL and run again ends with the same database as an uninterrupted one", async () => {
    const today = "2026-04-01";
    const slow = await startSimulator({ accounts: 1, legacyRetiredOn: "never", today, latencyMs: 4 });
    try {
      const args = ["--account", "wxsim0000000001", "--from", "2026-01-01", "--to", "yesterday"];
      const env = { WECHAT_API_BASE: slow.url, READOUT_TODAY: today };

      const interrupted = await freshDatabase();
      const victim = spawnCli("sync", args, { ...interrupted.testDb.env, ...env });
      // Kill it once it is well under way.
      for (let i = 0; i < 600; i++) {
        const { total } = (await (await fetch(`${slow.url}/__stats`)).json()) as { total: number };
        if (total >= 250) break;
        await new Promise((r) => setTimeout(r, 50));
      }
      victim.kill("SIGKILL");
      const killed = await victim.output;
      expect(killed.signal).toBe("SIGKILL");

      const resumed = await spawnCli("sync", args, { ...interrupted.testDb.env, ...env }).output;
      expect(resumed.code, resumed.stderr).toBe(0);
      const resumedSummary = lastJsonLine(resumed.stdout);
      expect(resumedSummary.daysSkippedFinal as number).toBeGreaterThan(0);

      const clean = await freshDatabase();
      const straight = await spawnCli("sync", args, { ...clean.testDb.env, ...env }).output;
      expect(straight.code, straight.stderr).toBe(0);

      const [a, b] = [await dump(interrupted.testDb, interrupted.accountId), await dump(clean.testDb, clean.accountId)];
      expect(a.ledger.length).toBeGreaterThan(0);
      expect(a).toEqual(b);
    } finally {
      await slow.close();
    }
  });
});
