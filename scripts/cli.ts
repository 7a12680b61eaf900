import { closeDatabase } from "@/db/client";

/** Runs a CLI body: prints a clear message (no stack for expected errors) and closes the database. */
export async function runCli(main: () => Promise<number | void>) {
  let code = 0;
  try {
    code = (await main()) ?? 0;
  } catch (error) {
    console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
    code = error instanceof UsageError ? 2 : 1;
  }
  await closeDatabase().catch(() => {});
  process.exit(code);
}

export class UsageError extends Error {}
