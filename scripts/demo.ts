/**
 * npm run demo: the simulator plus the app on the embedded database, with demo accounts whose
 * history was fetched the way an operator who had run Readout all along would have it: legacy
 * interfaces until WeChat retired them, the new generation since it started.
 */
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

import { closeDatabase, getDatabase } from "@/db/client";
import { findUserByEmail } from "@/db/users";
import { createAccount } from "@/lib/accounts/manage";
import { listAccounts } from "@/lib/accounts/queries";
import { addDaysIso, beijingDateOf, type IsoDate } from "@/lib/dates";
import { env } from "@/lib/env";
import { httpOptionsFromEnv } from "@/lib/sync/context";
import { createTokenManager, runSync, type SyncContext } from "@/lib/sync/runner";
import { createUser } from "@/lib/users/manage";
import { endpointsOf } from "@/lib/wechat/endpoints";
import { startSimulator } from "@/simulator/server";

import { preflight } from "./preflight";

const HISTORY_FROM = "2025-06-01";
/** Fixed, documented sign-ins: only the demo creates them. */
export const DEMO_USERS = [
  { email: "admin@demo.readout", password: "demo-admin", role: "admin", name: "Demo admin", accounts: [] as number[] },
  { email: "manager@demo.readout", password: "demo-manager", role: "manager", name: "Demo manager", accounts: [0, 1] },
  { email: "viewer@demo.readout", password: "demo-viewer", role: "viewer", name: "Demo viewer", accounts: [2] },
] as const;
const LEGACY_RETIRED_ON = "2026-07-01";
const SIMULATOR_PORT = Number(process.env.SIMULATOR_PORT ?? 4010);
const PORT = Number(process.env.PORT ?? 3000);

async function main() {
  const today = env().READOUT_TODAY ?? beijingDateOf(new Date());
  const simulator = await startSimulator({
    port: SIMULATOR_PORT,
    accounts: 3,
    today: LEGACY_RETIRED_ON,
    legacyRetiredOn: LEGACY_RETIRED_ON,
  });
  console.log(`[demo] WeChat simulator on ${simulator.url}`);
  process.env.WECHAT_API_BASE = simulator.url;

  await backfill(simulator, today);
  await addDemoUsers();
  await closeDatabase();

  if (buildIsStale()) {
    console.log("[demo] building the app (first run, or the code changed) ...");
    const build = spawnSync("npx", ["next", "build"], {
      stdio: "inherit",
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    });
    if (build.status !== 0) throw new Error("next build failed");
  }
  const problems = preflight();
  if (problems.length) throw new Error(problems.join("\n"));
  const app = spawn("npx", ["next", "start", "-H", "127.0.0.1", "-p", String(PORT)], {
    stdio: "inherit",
    env: {
      ...process.env,
      NEXT_TELEMETRY_DISABLED: "1",
      WECHAT_API_BASE: simulator.url,
      NEXTAUTH_URL: process.env.NEXTAUTH_URL || `http://127.0.0.1:${PORT}`,
    },
  });
  console.log(`[demo] Readout on http://127.0.0.1:${PORT}`);
  const stop = () => app.kill("SIGTERM");
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  app.on("exit", (code) => {
    void simulator.close().finally(() => process.exit(code ?? 0));
  });
}

const SOURCE_DIRS = ["app", "components", "lib", "db"];
const SOURCE_FILES = [
  "next.config.ts",
  "proxy.ts",
  "instrumentation.ts",
  "instrumentation-node.ts",
  "package-lock.json",
];

/** No build yet, or a source file is newer than it (after a pull, say). */
function buildIsStale(): boolean {
  const buildId = path.join(".next", "BUILD_ID");
  if (!fs.existsSync(buildId)) return true;
  const builtAt = fs.statSync(buildId).mtimeMs;
  const newer = (file: string): boolean => {
    const stat = fs.statSync(file, { throwIfNoEntry: false });
    if (!stat) return false;
    if (stat.isDirectory()) return fs.readdirSync(file).some((name) => newer(path.join(file, name)));
    return stat.mtimeMs > builtAt;
  };
  return [...SOURCE_DIRS, ...SOURCE_FILES].some(newer);
}

/** The three demo sign-ins, once; account indexes refer to the demo accounts in id order. */
async function addDemoUsers() {
  const database = await getDatabase();
  const accountIds = (await listAccounts(database)).map((a) => a.id);
  for (const u of DEMO_USERS) {
    if (await findUserByEmail(database, u.email)) continue;
    const ids = u.accounts.map((i) => accountIds[i]).filter((id): id is number => id !== undefined);
    await createUser(database, { email: u.email, password: u.password, role: u.role, name: u.name, accountIds: ids });
  }
  console.log(`[demo] sign in as ${DEMO_USERS.map((u) => `${u.email} / ${u.password}`).join(", ")}`);
}

/** Adds the demo accounts once and brings their history up to date. */
async function backfill(simulator: Awaited<ReturnType<typeof startSimulator>>, today: IsoDate) {
  const database = await getDatabase();
  const existing = await listAccounts(database);
  if (existing.length === 0) {
    for (const a of simulator.truth.accounts) {
      await createAccount(database, { authType: "classic", name: a.name, appid: a.appid, secret: a.secret });
    }
  }
  const accounts = await listAccounts(database);
  const http = httpOptionsFromEnv();
  const tokens = createTokenManager(database, { ...http, baseUrl: simulator.url });
  const contextOn = (date: IsoDate): SyncContext => ({
    database,
    http: { ...http, baseUrl: simulator.url },
    tokens,
    now: () => new Date(`${date}T12:00:00+08:00`),
  });

  const phases: { on: IsoDate; from: IsoDate; endpoints: Parameters<typeof runSync>[1]["endpoints"] }[] = [];
  if (today > LEGACY_RETIRED_ON) {
    // The history an operator collected up to the last day WeChat still served the legacy six.
    phases.push({ on: addDaysIso(LEGACY_RETIRED_ON, -1), from: HISTORY_FROM, endpoints: endpointsOf("legacy") });
  }
  phases.push({ on: today, from: HISTORY_FROM, endpoints: undefined });

  for (const phase of phases) {
    simulator.setToday(phase.on);
    const started = Date.now();
    const summaries = await Promise.all(
      accounts.map((a) =>
        runSync(contextOn(phase.on), {
          accountId: a.id,
          from: phase.from,
          to: addDaysIso(phase.on, -1),
          concurrency: 4,
          endpoints: phase.endpoints,
        }),
      ),
    );
    const calls = summaries.reduce((n, s) => n + s.totalCalls, 0);
    const errors = summaries.flatMap((s) => s.errors);
    console.log(
      `[demo] synced ${accounts.length} accounts up to ${addDaysIso(phase.on, -1)}: ${calls} calls, ${errors.length} errors, ${Math.round((Date.now() - started) / 1000)} s`,
    );
    for (const e of errors.slice(0, 5)) console.error(`[demo]   ${e.endpoint} ${e.beginDate}: ${e.message}`);
  }
}

main().catch((error: unknown) => {
  console.error(`[demo] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
