import "server-only";

import type { JobQueue } from "@/db/job-queue";
import { env } from "@/lib/env";

import { beijingDateOf } from "../dates";
import { digestOptionsFromEnv } from "../digests/options";
import { sendDueDigests } from "../digests/send";
import type { SyncContext } from "../sync/runner";
import type { QueueName } from "./queues";
import { runDailyJob, runSyncJob } from "./sync-jobs";

/**
 * Starts this process's job workers: sync jobs, as many accounts at once as the global cap
 * allows at the per-account concurrency, and the daily check on its cron (Beijing time).
 */
export async function startWorkers(ctx: SyncContext, queue: JobQueue, opts: { daily: boolean }) {
  const e = env();
  const accountsAtOnce = Math.max(1, Math.floor(e.WECHAT_MAX_IN_FLIGHT / e.SYNC_CONCURRENCY));
  // Digests go out once every account of their scope has yesterday final: checked after each
  // sync and on each hourly check. Sends are claimed in the database, so each goes out once.
  const sendDigests = () =>
    sendDueDigests(ctx.database, beijingDateOf(ctx.now()), {
      ...digestOptionsFromEnv(),
      log: (line) => console.log(`[digests] ${line}`),
    }).catch((error: unknown) => console.error("[digests] check failed:", error));
  await queue.work("sync" satisfies QueueName, accountsAtOnce, async (data) => {
    await runSyncJob(ctx, data, e.SYNC_CONCURRENCY);
    await sendDigests();
  });
  await queue.work("daily-sync" satisfies QueueName, 1, async () => {
    const outcome = await runDailyJob(ctx, queue, e.DAILY_SYNC_HOUR);
    if (outcome.kind !== "too-early") {
      console.log(`[jobs] daily check ${outcome.day}: ${outcome.kind}, ${outcome.accounts} accounts queued`);
      await sendDigests();
    }
  });
  if (opts.daily) {
    // Every hour from DAILY_SYNC_HOUR to 23:00 Beijing time; the first queues the day's sync.
    await queue.schedule("daily-sync" satisfies QueueName, `1 ${e.DAILY_SYNC_HOUR}-23 * * *`, "Asia/Shanghai");
    await queue.send("daily-sync" satisfies QueueName, {});
  }
  return { accountsAtOnce };
}
