/**
 * npm run bench:portfolio [--accounts 100] [--days 365] [--runs 5] [--database-url URL] — the
 * portfolio view's data time: N simulator accounts × D days of the ground truth stored the way a
 * sync stores it (storeWindows: rows, raw answers and final ledger entries; no HTTP, the
 * simulator's truth is read in-process), then the view's data load for every account at once
 * (loadPortfolio, as GET /api/views/portfolio runs it), timed --runs times after one cold run.
 * The hourly interfaces (getuserreadhour, getusersharehour) are left out unless --all-endpoints:
 * the view never reads them and they are most of the rows. Its last line is
 * {"accounts","days","rows","seedMs","coldMs","medianMs","minMs","maxMs","queries"}.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";

import { createAccount } from "@/db/accounts";
import { openDatabase } from "@/db/client";
import { storeWindows, type WindowResult } from "@/db/store";
import { newEncryptionKey } from "@/lib/crypto";
import { addDaysIso, type IsoDate } from "@/lib/dates";
import { loadPortfolio } from "@/lib/views/portfolio";
import { parseAnswer, windowLabel } from "@/lib/wechat/client";
import { ENDPOINT_NAMES, ENDPOINTS } from "@/lib/wechat/endpoints";
import { createGroundTruth } from "@/simulator/truth";

import { createScratchDatabase } from "./scratch";

const { values } = parseArgs({
  options: {
    accounts: { type: "string", default: "100" },
    days: { type: "string", default: "365" },
    runs: { type: "string", default: "5" },
    today: { type: "string", default: "2026-11-21" },
    "all-endpoints": { type: "boolean", default: false },
    "database-url": { type: "string" },
  },
});
const accounts = Number(values.accounts);
const days = Number(values.days);
const runs = Number(values.runs);
const today: IsoDate = values.today;
const to = addDaysIso(today, -1);
const from = addDaysIso(to, -(days - 1));
const HOURLY = new Set(["getuserreadhour", "getusersharehour"]);
const endpoints = ENDPOINT_NAMES.filter((e) => values["all-endpoints"] || !HOURLY.has(e));

async function analyze(url: string) {
  const { Client } = await import("pg");
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("analyze");
  } finally {
    await client.end();
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "readout-portfolio-"));
  const scratch = values["database-url"] ? await createScratchDatabase(values["database-url"]) : null;
  try {
    const database = await openDatabase({
      databaseUrl: scratch?.url,
      pgliteDir: dir,
      encryptionKey: newEncryptionKey(),
    });
    const truth = createGroundTruth({ seed: 1, accounts });
    console.error(
      `${accounts} accounts × ${days} days (${from}..${to}), ${endpoints.length} interfaces, on ${scratch ? "PostgreSQL" : "PGlite"}`,
    );
    const seedStarted = performance.now();
    let rows = 0;
    const ids: number[] = [];
    for (const [i, sim] of truth.accounts.entries()) {
      const account = await createAccount(database, {
        authType: "classic",
        name: sim.name,
        appid: sim.appid,
        secret: sim.secret,
      });
      ids.push(account.id);
      // One final window per interface over the whole range (from its first date): the rows a sync stores.
      const windows: WindowResult[] = endpoints.flatMap((endpoint) => {
        const begin = ENDPOINTS[endpoint].firstDate > from ? ENDPOINTS[endpoint].firstDate : from;
        if (begin > to) return [];
        const answer = truth.rows(sim.appid, endpoint, begin, to, { today });
        const parsed = parseAnswer(endpoint, { list: answer.list }, windowLabel(endpoint, begin, to));
        return [
          {
            accountId: account.id,
            endpoint,
            beginDate: begin,
            endDate: to,
            status: "final" as const,
            rows: parsed.rows,
            attempts: 1,
            responses: [],
          },
        ];
      });
      for (const w of windows) rows += (await storeWindows(database.db, [w]))[0] ?? 0;
      if ((i + 1) % 10 === 0) console.error(`  seeded ${i + 1}/${accounts} accounts, ${rows} rows`);
    }
    // A long-running database has its statistics; a freshly filled one gets them now.
    if (scratch) await analyze(scratch.url);
    const seedMs = performance.now() - seedStarted;

    // Counted as the driver sees them: the view's statements for all accounts together.
    let queries = 0;
    const client = (database.db as unknown as { session?: { client?: { query?: (...a: unknown[]) => unknown } } })
      .session?.client;
    const original = client?.query?.bind(client);
    if (client && original)
      client.query = (...a: unknown[]) => {
        queries++;
        return original(...a);
      };
    const time = async () => {
      const started = performance.now();
      const loaded = await loadPortfolio(database, ids, to, today);
      if (loaded.length !== accounts) throw new Error(`expected ${accounts} rows, got ${loaded.length}`);
      return performance.now() - started;
    };
    const coldMs = await time();
    const perRun = queries;
    const times: number[] = [];
    for (let r = 0; r < runs; r++) times.push(await time());
    if (client && original) client.query = original;
    await database.close();

    const line = {
      accounts,
      days,
      rows,
      seedMs: Math.round(seedMs),
      coldMs: Math.round(coldMs),
      medianMs: Math.round(median(times)),
      minMs: Math.round(Math.min(...times)),
      maxMs: Math.round(Math.max(...times)),
      queries: perRun,
    };
    console.error(
      `portfolio data for ${accounts} accounts: cold ${line.coldMs} ms, then median ${line.medianMs} ms ` +
        `(min ${line.minMs}, max ${line.maxMs}, ${runs} runs); ${perRun} queries per load; ${rows} rows seeded in ${line.seedMs} ms`,
    );
    console.log(JSON.stringify(line));
  } finally {
    await scratch?.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
