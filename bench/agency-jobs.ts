import { listAccounts } from "@/db/accounts";
import type { Database } from "@/db/client";
import { createTokenManager, runSync } from "@/lib/sync/runner";

/** Syncs every account of the database in this process, accounts in parallel up to cap / concurrency. */
export async function benchSyncAccounts(args: {
  database: Database;
  base: string;
  today: string;
  from: string;
  to: string;
  cap: number;
  concurrency: number;
}) {
  const { database } = args;
  const http = { baseUrl: args.base, timeoutMs: 15_000, maxAttempts: 5 };
  const ctx = {
    database,
    http,
    tokens: createTokenManager(database, http),
    now: () => new Date(`${args.today}T12:00:00+08:00`),
  };
  const list = await listAccounts(database);
  const cpu = process.cpuUsage();
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.max(1, Math.floor(args.cap / args.concurrency)) }, async () => {
      for (let a = list[next++]; a; a = list[next++]) {
        const s = await runSync(ctx, { accountId: a.id, from: args.from, to: args.to, concurrency: args.concurrency });
        if (s.fatal || s.errors.length) throw new Error(`account ${a.id}: ${s.fatal ?? s.errors[0]?.message}`);
      }
    }),
  );
  const used = process.cpuUsage(cpu);
  return { wallMs: performance.now() - started, cpuMs: (used.user + used.system) / 1000, cap: args.cap };
}
