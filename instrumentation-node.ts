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
