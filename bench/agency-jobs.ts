import { listAccounts } from "@/db/accounts";
import type { Database } from "@/db/client";
import { createInProcessQueue, openPgBossQueue } from "@/db/job-queue";
import { limitInFlight } from "@/lib/jobs/limit";
import { createQueues } from "@/lib/jobs/queues";
import { enqueueSync, runSyncJob } from "@/lib/jobs/sync-jobs";
import { createTokenManager, type SyncContext } from "@/lib/sync/runner";
import { nodeTransport } from "@/lib/wechat/transport";

/**
 * Syncs every account of the database as `npm run worker` does: one sync job per account on the
 * job queue (pg-boss with a database URL, else the in-process runner), worked in this process
 * with cap / concurrency accounts at once and at most `cap` calls in flight.
 */
export async function benchSyncAccounts(args: {
  database: Database;
  databaseUrl?: string;
  base: string;
  today: string;
  from: string;
  to: string;
  cap: number;
  concurrency: number;
}) {
  const { database } = args;
  const http = {
    baseUrl: args.base,
    timeoutMs: 15_000,
    maxAttempts: 5,
    transport: limitInFlight(nodeTransport, args.cap),
  };
  const ctx: SyncContext = {
    database,
    http,
    tokens: createTokenManager(database, http),
    now: () => new Date(`${args.today}T12:00:00+08:00`),
  };
  const queue = args.databaseUrl ? await openPgBossQueue(args.databaseUrl) : createInProcessQueue();
  await createQueues(queue);
  const list = await listAccounts(database);
  const cpu = process.cpuUsage();
  const started = performance.now();
  let left = list.length;
  const allDone = new Promise<void>((resolve, reject) => {
    void queue.work("sync", Math.max(1, Math.floor(args.cap / args.concurrency)), async (data) => {
      try {
        await runSyncJob(ctx, data, args.concurrency);
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
      if (--left === 0) resolve();
    });
  });
  for (const a of list) await enqueueSync(ctx, queue, { accountId: a.id, from: args.from, to: args.to });
  await allDone;
  const used = process.cpuUsage(cpu);
  const wallMs = performance.now() - started;
  await queue.stop();
  return { wallMs, cpuMs: (used.user + used.system) / 1000, cap: args.cap };
}
