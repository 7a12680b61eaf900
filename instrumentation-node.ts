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

// The daily sync runs inside the server (never in tests or scripts, which do not load this file).
if (env().DAILY_SYNC === "on") {
  const { startDailySync } = await import("@/lib/sync/daily");
  const { getSyncContext } = await import("@/lib/sync/context");
  startDailySync(getSyncContext, { hour: env().DAILY_SYNC_HOUR, concurrency: env().SYNC_CONCURRENCY });
  console.log(
    `[readout] daily sync on: every account after ${String(env().DAILY_SYNC_HOUR).padStart(2, "0")}:00 Beijing time`,
  );
}
