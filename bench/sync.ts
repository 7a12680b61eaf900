/**
 * npm run bench:sync — Readout's planned, concurrent sync against the naive sequential client
 * most Node SDK users write (every endpoint, one day at a time), on the simulator at 50 ms latency.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";

import { accountTokenKey, createAccount } from "@/db/accounts";
import { type Database, openDatabase } from "@/db/client";
import { storeWindows } from "@/db/store";
import { loadCredentials } from "@/lib/accounts/credentials";
import { newEncryptionKey } from "@/lib/crypto";
import { addDaysIso, beijingDateOf, eachDay } from "@/lib/dates";
import { planSync } from "@/lib/sync/planner";
import { createTokenManager, runSync } from "@/lib/sync/runner";
import { parseAnswer } from "@/lib/wechat/client";
import { datacubePath, ENDPOINT_NAMES } from "@/lib/wechat/endpoints";
import { nodeTransport } from "@/lib/wechat/transport";

import { createScratchDatabase } from "./scratch";

const { values } = parseArgs({
  options: {
    days: { type: "string", default: "90" },
    "latency-ms": { type: "string", default: "50" },
    concurrency: { type: "string", default: "4" },
    port: { type: "string", default: "4090" },
    // Benchmark on a PostgreSQL server instead of the embedded PGlite (a throwaway database is created).
    "database-url": { type: "string" },
  },
});
const days = Number(values.days);
const latencyMs = Number(values["latency-ms"]);
const concurrency = Number(values.concurrency);
const port = Number(values.port);
const today = beijingDateOf(new Date());
const to = addDaysIso(today, -1);
const from = addDaysIso(to, -(days - 1));
const base = `http://127.0.0.1:${port}`;

async function startSimulatorProcess() {
  // A separate process, as WeChat would be: its CPU work does not share our event loop.
  const child = spawn(
    path.resolve("node_modules/.bin/tsx"),
    [
      "simulator/cli.ts",
      "--port",
      String(port),
      "--accounts",
      "1",
      "--latency-ms",
      String(latencyMs),
      "--legacy-retired-on",
      "never",
      "--today",
      today,
    ],
    { stdio: ["ignore", "pipe", "inherit"] },
  );
  await new Promise<void>((resolve, reject) => {
    child.stdout.on("data", (d: Buffer) => d.toString().includes("listening") && resolve());
    child.on("exit", (code) => reject(new Error(`simulator exited with ${code}`)));
  });
  return child;
}

const stats = async () => ((await (await fetch(`${base}/__stats`)).json()) as { calls: Record<string, number> }).calls;
const datacubeCalls = (calls: Record<string, number>) =>
  Object.entries(calls)
    .filter(([k]) => !k.startsWith("/"))
    .reduce((n, [, v]) => n + v, 0);
const reset = () => fetch(`${base}/__stats/reset`, { method: "POST" });

/** A fresh database of the kind under test, with the simulator's account on it. */
async function withFreshDatabase<T>(fn: (database: Database, accountId: number) => Promise<T>): Promise<T> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "readout-bench-"));
  const scratch = values["database-url"] ? await createScratchDatabase(values["database-url"]) : null;
  const database = await openDatabase({ databaseUrl: scratch?.url, pgliteDir: dir, encryptionKey: newEncryptionKey() });
  try {
    const account = await createAccount(database, {
      authType: "classic",
      name: "Bench",
      appid: "wxsim0000000001",
      secret: "simsecret1",
    });
    return await fn(database, account.id);
  } finally {
    await database.close();
    await scratch?.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function benchReadout() {
  return withFreshDatabase(async (database, accountId) => {
    const http = { baseUrl: base, timeoutMs: 15_000, maxAttempts: 5 };
    const ctx = { database, http, tokens: createTokenManager(database, http), now: () => new Date() };
    await ctx.tokens.source(accountTokenKey(accountId), await loadCredentials(database, accountId)).get();
    await reset();
    const started = performance.now();
    const summary = await runSync(ctx, { accountId, from, to, concurrency });
    const wallMs = Math.round(performance.now() - started);
    if (summary.errors.length || summary.fatal)
      throw new Error(`sync failed: ${summary.fatal ?? summary.errors[0]?.message}`);
    const windows = planSync({
      endpoints: ENDPOINT_NAMES,
      from,
      to,
      today,
      ledger: [],
      retired: new Set(),
      quotaBlockedOn: new Map(),
    }).windows;
    return {
      calls: datacubeCalls(await stats()),
      wallMs,
      concurrency,
      rows: summary.rowsWritten,
      windows: windows.map((w) => ({ endpoint: w.endpoint, begin: w.beginDate, end: w.endDate })),
    };
  });
}

/**
 * How SDK users write it: for every day, every endpoint, await the call, then save the answer.
 * Same transport, validation and storage as Readout; no planner, no concurrency.
 */
function benchSequential() {
  return withFreshDatabase(async (database, accountId) => {
    const token = await createTokenManager(database, { baseUrl: base, timeoutMs: 15_000, maxAttempts: 5 }).fetchFresh(
      await loadCredentials(database, accountId),
    );
    await reset();
    const started = performance.now();
    let rows = 0;
    for (const day of eachDay(from, to)) {
      for (const endpoint of ENDPOINT_NAMES) {
        const res = await nodeTransport({
          url: new URL(`${base}${datacubePath(endpoint)}?access_token=${token.token}`),
          method: "POST",
          body: JSON.stringify({ begin_date: day, end_date: day }),
          timeoutMs: 15_000,
        });
        const answer = parseAnswer(endpoint, JSON.parse(res.body), `${endpoint} ${day}`);
        const [written] = await storeWindows(database.db, [
          {
            accountId,
            endpoint,
            beginDate: day,
            endDate: day,
            status: "final",
            rows: answer.rows,
            attempts: 1,
            responses: [{ httpStatus: res.status, errcode: null, body: res.body, fetchedAt: new Date() }],
          },
        ]);
        rows += written ?? 0;
      }
    }
    return { calls: datacubeCalls(await stats()), wallMs: Math.round(performance.now() - started), rows };
  });
}

/**
 * The same calls Readout made, at the same concurrency, doing nothing with the answers: what
 * the transport and the simulator alone cost on this machine, for reading boundRatio.
 */
async function benchTransportFloor(calls: { endpoint: string; begin: string; end: string }[]) {
  const token = (
    JSON.parse(
      (
        await nodeTransport({
          url: new URL(`${base}/cgi-bin/token?grant_type=client_credential&appid=wxsim0000000001&secret=simsecret1`),
          method: "GET",
          timeoutMs: 15_000,
        })
      ).body,
    ) as { access_token: string }
  ).access_token;
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let c = calls[next++]; c; c = calls[next++]) {
        await nodeTransport({
          url: new URL(`${base}/datacube/${c.endpoint}?access_token=${token}`),
          method: "POST",
          body: JSON.stringify({ begin_date: c.begin, end_date: c.end }),
          timeoutMs: 15_000,
        });
      }
    }),
  );
  return Math.round(performance.now() - started);
}

async function main() {
  const simulator = await startSimulatorProcess();
  try {
    console.error(
      `sync ${from}..${to} (${days} days) against the simulator at ${latencyMs} ms latency, on ${values["database-url"] ? "PostgreSQL" : "PGlite"}`,
    );
    const readout = await benchReadout();
    console.error(
      `readout:    ${readout.calls} calls, ${readout.wallMs} ms at concurrency ${readout.concurrency}, ${readout.rows} rows stored`,
    );
    const floorMs = await benchTransportFloor(readout.windows);
    console.error(
      `floor:      the same ${readout.windows.length} calls at concurrency ${concurrency} with no processing: ${floorMs} ms`,
    );
    const sequential = await benchSequential();
    console.error(`sequential: ${sequential.calls} calls, ${sequential.wallMs} ms, ${sequential.rows} rows stored`);
    const boundMs = (readout.calls * latencyMs) / readout.concurrency;
    const speedup = sequential.wallMs / readout.wallMs;
    const boundRatio = readout.wallMs / boundMs;
    console.error(
      `speedup ${speedup.toFixed(2)}x; readout wall / (calls x latency / concurrency = ${boundMs} ms) = ${boundRatio.toFixed(3)}`,
    );
    console.error(`readout wall / transport floor = ${(readout.wallMs / floorMs).toFixed(3)}`);
    console.log(
      JSON.stringify({
        days,
        latencyMs,
        readout: { calls: readout.calls, wallMs: readout.wallMs, concurrency: readout.concurrency },
        sequential: { calls: sequential.calls, wallMs: sequential.wallMs },
        speedup: Number(speedup.toFixed(2)),
        boundRatio: Number(boundRatio.toFixed(3)),
      }),
    );
  } finally {
    simulator.kill("SIGTERM");
  }
}

void main();
