/**
 * npm run bench:agency [--accounts N] — an agency's first backfill: N simulator accounts × 365 days
 * at 50 ms latency, the simulator in its own process. Prints calls (must equal N × the
 * single-account minimum), wall time, wall / bound (bound = calls × latency / the global cap) and
 * the app's CPU milliseconds per call.
 *
 * --mode jobs (default): the sync jobs of every account run in this one process, as `npm run
 * worker` runs them, under the global cap. --mode cli: one `npm run sync` process per account,
 * --parallel at a time (how accounts were synced before the job queue; kept for comparison).
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";

import { createAccount } from "@/db/accounts";
import { openDatabase } from "@/db/client";
import { newEncryptionKey } from "@/lib/crypto";
import { addDaysIso, beijingDateOf } from "@/lib/dates";
import { planSync } from "@/lib/sync/planner";
import { ENDPOINT_NAMES } from "@/lib/wechat/endpoints";

import { benchSyncAccounts } from "./agency-jobs";
import { createScratchDatabase } from "./scratch";

const { values } = parseArgs({
  options: {
    accounts: { type: "string", default: "20" },
    days: { type: "string", default: "365" },
    "latency-ms": { type: "string", default: "50" },
    cap: { type: "string", default: "16" },
    concurrency: { type: "string", default: "4" },
    mode: { type: "string", default: "jobs" },
    parallel: { type: "string", default: "1" },
    port: { type: "string", default: "4091" },
    "database-url": { type: "string" },
  },
});
const accounts = Number(values.accounts);
const days = Number(values.days);
const latencyMs = Number(values["latency-ms"]);
const cap = Number(values.cap);
const concurrency = Number(values.concurrency);
const port = Number(values.port);
const today = beijingDateOf(new Date());
const to = addDaysIso(today, -1);
const from = addDaysIso(to, -(days - 1));
const base = `http://127.0.0.1:${port}`;
const tsx = path.resolve("node_modules/.bin/tsx");

async function startSimulatorProcess() {
  const child = spawn(
    tsx,
    [
      "simulator/cli.ts",
      ...["--port", String(port), "--accounts", String(accounts), "--latency-ms", String(latencyMs)],
      ...["--legacy-retired-on", "never", "--today", today],
    ],
    { stdio: ["ignore", "pipe", "inherit"] },
  );
  await new Promise<void>((resolve, reject) => {
    child.stdout.on("data", (d: Buffer) => d.toString().includes("listening") && resolve());
    child.on("exit", (code) => reject(new Error(`simulator exited with ${code}`)));
  });
  return child;
}

const datacubeCalls = async () => {
  const { calls } = (await (await fetch(`${base}/__stats`)).json()) as { calls: Record<string, number> };
  return Object.entries(calls)
    .filter(([k]) => !k.startsWith("/"))
    .reduce((n, [, v]) => n + v, 0);
};

const appids = Array.from({ length: accounts }, (_, i) => `wxsim${String(i + 1).padStart(10, "0")}`);

/** CPU time of this process's waited-for children (utime + stime), in ms. */
function childrenCpuMs(): number {
  const fields = fs.readFileSync("/proc/self/stat", "utf8").split(") ")[1]!.split(" ");
  // After "pid (comm) ", field 3 is index 0: cutime is field 16, cstime field 17.
  return ((Number(fields[13]) + Number(fields[14])) * 1000) / 100;
}

async function runCliMode(env: NodeJS.ProcessEnv) {
  const parallel = Number(values.parallel);
  let next = 0;
  const run = (appid: string) =>
    new Promise<void>((resolve, reject) => {
      const child = spawn(
        tsx,
        [
          "--conditions=react-server",
          "scripts/sync.ts",
          ...["--account", appid, "--from", from, "--to", to, "--concurrency", String(concurrency)],
        ],
        { env, stdio: ["ignore", "ignore", "inherit"] },
      );
      child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`sync ${appid} exited ${code}`))));
    });
  const cpuBefore = childrenCpuMs();
  const started = performance.now();
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      for (let a = appids[next++]; a; a = appids[next++]) await run(a);
    }),
  );
  return { wallMs: performance.now() - started, cpuMs: childrenCpuMs() - cpuBefore, cap: concurrency * parallel };
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "readout-agency-"));
  const scratch = values["database-url"] ? await createScratchDatabase(values["database-url"]) : null;
  const encryptionKey = newEncryptionKey();
  const simulator = await startSimulatorProcess();
  try {
    const database = await openDatabase({ databaseUrl: scratch?.url, pgliteDir: dir, encryptionKey });
    for (const [i, appid] of appids.entries())
      await createAccount(database, {
        authType: "classic",
        name: `Agency ${i + 1}`,
        appid,
        secret: `simsecret${i + 1}`,
      });
    const minimumPerAccount = planSync({
      endpoints: ENDPOINT_NAMES,
      from,
      to,
      today,
      ledger: [],
      retired: new Set(),
      quotaBlockedOn: new Map(),
    }).windows.length;
    await fetch(`${base}/__stats/reset`, { method: "POST" });
    console.error(
      `${accounts} accounts × ${days} days (${from}..${to}) at ${latencyMs} ms, mode ${values.mode}, on ${scratch ? "PostgreSQL" : "PGlite"}`,
    );

    let result: { wallMs: number; cpuMs: number; cap: number };
    if (values.mode === "cli") {
      await database.close();
      result = await runCliMode({
        ...process.env,
        DATABASE_URL: scratch?.url ?? "",
        PGLITE_DIR: dir,
        READOUT_ENCRYPTION_KEY: encryptionKey,
        WECHAT_API_BASE: base,
        READOUT_TODAY: today,
        DAILY_SYNC: "off",
      });
    } else {
      try {
        result = await benchSyncAccounts({
          database,
          databaseUrl: scratch?.url,
          base,
          today,
          from,
          to,
          cap,
          concurrency,
        });
      } finally {
        await database.close();
      }
    }
    const calls = await datacubeCalls();
    const minimum = minimumPerAccount * accounts;
    const boundMs = (calls * latencyMs) / result.cap;
    const line = {
      accounts,
      days,
      latencyMs,
      cap: result.cap,
      calls,
      minimum,
      wallMs: Math.round(result.wallMs),
      boundMs: Math.round(boundMs),
      boundRatio: Number((result.wallMs / boundMs).toFixed(3)),
      cpuMsPerCall: Number((result.cpuMs / calls).toFixed(2)),
    };
    console.error(
      `${calls} calls (minimum ${minimum}) in ${line.wallMs} ms; bound ${line.boundMs} ms (ratio ${line.boundRatio}); ${line.cpuMsPerCall} ms CPU per call`,
    );
    console.log(JSON.stringify(line));
  } finally {
    simulator.kill("SIGTERM");
    await scratch?.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
