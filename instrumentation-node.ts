import { getDatabase } from "@/db/client";
import { env } from "@/lib/env";

try {
  env();
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
