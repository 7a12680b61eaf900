import { closeDatabase } from "@/db/client";
import { env } from "@/lib/env";
import { getJobQueue, stopJobQueue } from "@/lib/jobs/queues";
import { startWorkers } from "@/lib/jobs/workers";
import { getSyncContext } from "@/lib/sync/context";

/**
 * npm run worker: runs sync jobs (and the daily schedule) apart from the web app. With
 * DATABASE_URL any number of workers and web processes share the jobs of one PostgreSQL.
 */
async function main() {
  const e = env();
  if (!e.DATABASE_URL) {
    console.error("error: npm run worker needs DATABASE_URL (with PGlite the app runs the jobs itself).");
    process.exit(2);
  }
  const ctx = await getSyncContext();
  const queue = await getJobQueue();
  const { accountsAtOnce } = await startWorkers(ctx, queue, { daily: e.DAILY_SYNC === "on" });
  console.log(
    `[worker] ready: ${accountsAtOnce} accounts at once, ${e.WECHAT_MAX_IN_FLIGHT} calls in flight at most, ${e.SYNC_CONCURRENCY} per account`,
  );
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`[worker] ${signal}: finishing the jobs in hand`);
    await stopJobQueue().catch((error: unknown) => console.error("[worker] stopping the queue:", error));
    await closeDatabase().catch(() => {});
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));
}

void main().catch((error: unknown) => {
  console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
