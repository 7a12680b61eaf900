import http from "node:http";

import { closeDatabase, getDatabase } from "@/db/client";
import { resolveAuthSecret } from "@/lib/auth/secret";
import { PEER_HEADER } from "@/lib/client-ip";
import { env, serverEnvProblems } from "@/lib/env";

// Route handlers never see the socket; stamp each request with its TCP peer (overwriting anything
// the client sent under that name) so sign-in throttling and the audit log know the client IP.
// eslint-disable-next-line @typescript-eslint/unbound-method -- re-bound to each server below
const emit = http.Server.prototype.emit;
http.Server.prototype.emit = function (this: http.Server, event: string, ...args: unknown[]) {
  if (event === "request") {
    const request = args[0] as http.IncomingMessage;
    request.headers[PEER_HEADER] = request.socket.remoteAddress ?? "unknown";
  }
  return emit.apply(this, [event, ...args] as Parameters<typeof emit>);
} as typeof http.Server.prototype.emit;

try {
  const problem = serverEnvProblems(env())[0];
  if (problem) throw new Error(problem);
  resolveAuthSecret();
  const database = await getDatabase();
  console.log(`[readout] database ready (${database.kind})`);
} catch (error) {
  // Without a database every page would answer 500 forever: stop with the reason instead.
  console.error(`[readout] cannot start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}

// Sync jobs run inside the server unless JOB_WORKERS=off (then `npm run worker` processes run
// them). Never in tests or scripts, which do not load this file.
if (env().JOB_WORKERS === "on") {
  const { getJobQueue } = await import("@/lib/jobs/queues");
  const { startWorkers } = await import("@/lib/jobs/workers");
  const { getSyncContext } = await import("@/lib/sync/context");
  const queue = await getJobQueue();
  const { accountsAtOnce } = await startWorkers(await getSyncContext(), queue, { daily: env().DAILY_SYNC === "on" });
  console.log(
    `[readout] sync jobs run here (${queue.kind}, ${accountsAtOnce} accounts at once)` +
      (env().DAILY_SYNC === "on"
        ? `; daily sync after ${String(env().DAILY_SYNC_HOUR).padStart(2, "0")}:00 Beijing time`
        : ""),
  );
}

// On SIGTERM/SIGINT Next stops taking requests, lets the ones in flight finish, then exits; the
// database is closed just before that exit, so PGlite shuts down cleanly (no crash recovery, no
// sequence jump at the next start).
let stopping = false;
function closeDatabaseBeforeExit() {
  if (stopping) return;
  stopping = true;
  const exit = process.exit.bind(process);
  let closing: Promise<void> | undefined;
  process.exit = ((code?: number) => {
    closing ??= closeDatabase().catch((error: unknown) => console.error("[readout] closing the database:", error));
    void closing.finally(() => exit(code));
  }) as typeof process.exit;
  // Should nothing else end the process (NEXT_MANUAL_SIG_HANDLE), end it here.
  setTimeout(() => process.exit(0), 10_000);
}
process.on("SIGTERM", closeDatabaseBeforeExit);
process.on("SIGINT", closeDatabaseBeforeExit);
