import "server-only";

import { createInProcessQueue, type JobQueue, openPgBossQueue, type QueueSpec } from "@/db/job-queue";
import { env } from "@/lib/env";

/** The queues Readout's jobs run on, and how each retries. */
export const QUEUES = {
  /** One account's sync of a range: one active per account, retried with backoff. */
  sync: { policy: "singleton", retryLimit: 8, retryDelaySeconds: 15, expireInSeconds: 3600 },
  /** The daily check (cron, Beijing time): queues yesterday's sync, then hourly re-checks of provisional days. */
  "daily-sync": { policy: "standard", retryLimit: 3, retryDelaySeconds: 60, expireInSeconds: 900 },
} satisfies Record<string, QueueSpec>;
export type QueueName = keyof typeof QUEUES;

const shared = globalThis as typeof globalThis & { __readoutJobQueue?: Promise<JobQueue> };

/** The process's job queue: pg-boss with DATABASE_URL, else the in-process runner. */
export function getJobQueue(): Promise<JobQueue> {
  shared.__readoutJobQueue ??= (async () => {
    const e = env();
    const queue = e.DATABASE_URL
      ? await openPgBossQueue(e.DATABASE_URL, { maintenanceIntervalSeconds: e.JOB_MAINTENANCE_SECONDS })
      : createInProcessQueue();
    await createQueues(queue, e.JOB_EXPIRE_SECONDS);
    return queue;
  })().catch((error: unknown) => {
    shared.__readoutJobQueue = undefined;
    throw error;
  });
  return shared.__readoutJobQueue;
}

export async function createQueues(queue: JobQueue, expireInSeconds?: number) {
  for (const [name, spec] of Object.entries(QUEUES))
    await queue.createQueue(name, { ...spec, expireInSeconds: expireInSeconds ?? spec.expireInSeconds });
}

export async function stopJobQueue() {
  const current = shared.__readoutJobQueue;
  shared.__readoutJobQueue = undefined;
  if (current) await (await current).stop();
}
