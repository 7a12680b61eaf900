import "server-only";

import cronParser from "cron-parser";

/**
 * The job queue behind syncs: pg-boss on PostgreSQL (durable jobs shared by every web and worker
 * process), and on the embedded PGlite a small in-process runner with the same interface (one
 * process owns the folder, so there is no one to share with; runs cut off by a restart are
 * marked interrupted when the folder opens).
 */

export interface QueueSpec {
  /** "singleton": at most one active job per singletonKey (one sync per account at a time). */
  policy: "standard" | "singleton";
  retryLimit: number;
  /** Seconds before the first retry; doubled at each further one (retryBackoff). */
  retryDelaySeconds: number;
  /** An active job not finished after this long (its worker died) is retried. */
  expireInSeconds: number;
}

export interface JobMeta {
  id: string;
  retryCount: number;
}

export type JobHandler = (data: unknown, job: JobMeta) => Promise<void>;

export interface JobQueue {
  kind: "pg-boss" | "in-process";
  createQueue(name: string, spec: QueueSpec): Promise<void>;
  /** The job's id, or null when the queue refused it as a duplicate. */
  send(name: string, data: object, opts?: { singletonKey?: string }): Promise<string | null>;
  /** Runs up to `concurrency` jobs of the queue at once in this process. */
  work(name: string, concurrency: number, handler: JobHandler): Promise<void>;
  /** Sends a job to `name` at every time the cron expression matches, in time zone tz. */
  schedule(name: string, cron: string, tz: string): Promise<void>;
  stop(): Promise<void>;
}

export async function openPgBossQueue(
  connectionString: string,
  opts: { maintenanceIntervalSeconds?: number; pollingIntervalSeconds?: number } = {},
): Promise<JobQueue> {
  const { default: PgBoss } = await import("pg-boss");
  const boss = new PgBoss({
    connectionString,
    max: 4,
    application_name: "readout-jobs",
    ...(opts.maintenanceIntervalSeconds ? { maintenanceIntervalSeconds: opts.maintenanceIntervalSeconds } : {}),
  });
  boss.on("error", (error) => console.error("[jobs] pg-boss:", error.message));
  await boss.start();
  const polling = opts.pollingIntervalSeconds ?? 1;
  return {
    kind: "pg-boss",
    async createQueue(name, spec) {
      if (await boss.getQueue(name)) return;
      try {
        await boss.createQueue(name, {
          name,
          policy: spec.policy,
          retryLimit: spec.retryLimit,
          retryDelay: spec.retryDelaySeconds,
          retryBackoff: true,
          expireInSeconds: spec.expireInSeconds,
        });
      } catch (error) {
        // Another process created it at the same moment.
        if (!(await boss.getQueue(name))) throw error;
      }
    },
    send: (name, data, o = {}) => boss.send(name, data, o.singletonKey ? { singletonKey: o.singletonKey } : {}),
    async work(name, concurrency, handler) {
      for (let i = 0; i < concurrency; i++) {
        await boss.work<object>(name, { batchSize: 1, pollingIntervalSeconds: polling }, async (jobs) => {
          for (const job of jobs) {
            const retryCount = (job as unknown as { retryCount?: number }).retryCount ?? 0;
            await handler(job.data, { id: job.id, retryCount });
          }
        });
      }
    },
    async schedule(name, cron, tz) {
      await boss.schedule(name, cron, {}, { tz });
    },
    stop: () => boss.stop({ graceful: true, wait: true, timeout: 10_000 }),
  };
}

interface MemoryJob {
  id: string;
  name: string;
  data: object;
  singletonKey?: string;
  retryCount: number;
  runAt: number;
}

/** The in-process runner: the same queues, policies and retries, held in memory. */
export function createInProcessQueue(): JobQueue {
  const specs = new Map<string, QueueSpec>();
  const handlers = new Map<string, { handler: JobHandler; concurrency: number; active: number }>();
  const pending: MemoryJob[] = [];
  const activeKeys = new Set<string>();
  const timers = new Set<NodeJS.Timeout>();
  let seq = 0;
  let stopped = false;
  const running = new Set<Promise<void>>();

  const pump = () => {
    if (stopped) return;
    const now = Date.now();
    for (let i = 0; i < pending.length; i++) {
      const job = pending[i]!;
      const worker = handlers.get(job.name);
      if (!worker || worker.active >= worker.concurrency || job.runAt > now) continue;
      const key = job.singletonKey === undefined ? null : `${job.name}:${job.singletonKey}`;
      if (key && specs.get(job.name)?.policy === "singleton" && activeKeys.has(key)) continue;
      pending.splice(i--, 1);
      worker.active++;
      if (key) activeKeys.add(key);
      const done = worker
        .handler(job.data, { id: job.id, retryCount: job.retryCount })
        .catch((error: unknown) => {
          const spec = specs.get(job.name);
          if (spec && job.retryCount < spec.retryLimit) {
            const delay = spec.retryDelaySeconds * 1000 * 2 ** job.retryCount;
            pending.push({ ...job, retryCount: job.retryCount + 1, runAt: Date.now() + delay });
            later(delay);
          } else console.error(`[jobs] ${job.name} ${job.id} failed:`, error);
        })
        .finally(() => {
          worker.active--;
          if (key) activeKeys.delete(key);
          running.delete(done);
          pump();
        });
      running.add(done);
    }
  };
  const later = (ms: number) => {
    const t = setTimeout(() => {
      timers.delete(t);
      pump();
    }, ms);
    t.unref();
    timers.add(t);
  };

  return {
    kind: "in-process",
    createQueue: async (name, spec) => void specs.set(name, spec),
    async send(name, data, o = {}) {
      const id = `mem-${++seq}`;
      pending.push({ id, name, data, singletonKey: o.singletonKey, retryCount: 0, runAt: 0 });
      queueMicrotask(pump);
      return id;
    },
    async work(name, concurrency, handler) {
      handlers.set(name, { handler, concurrency, active: 0 });
      pump();
    },
    async schedule(name, cron, tz) {
      let last = Date.now();
      const t = setInterval(() => {
        const now = Date.now();
        const next = cronParser
          .parseExpression(cron, { tz, currentDate: new Date(last) })
          .next()
          .toDate();
        last = now;
        if (next.getTime() <= now) pending.push({ id: `mem-${++seq}`, name, data: {}, retryCount: 0, runAt: 0 });
        pump();
      }, 30_000);
      t.unref();
      timers.add(t as unknown as NodeJS.Timeout);
    },
    async stop() {
      stopped = true;
      for (const t of timers) clearTimeout(t);
      await Promise.allSettled([...running]);
    },
  };
}
