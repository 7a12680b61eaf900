/**
 * Runs before `next start` (npm start, the demo): Next prints "Ready" before the app's own
 * start-up code runs, so every "cannot start" is decided here first, with the variable named.
 */
import { env, serverEnvProblems } from "@/lib/env";

export function preflight(): string[] {
  try {
    return serverEnvProblems(env());
  } catch (error) {
    return [error instanceof Error ? error.message : String(error)];
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const problems = preflight();
  if (problems.length) {
    for (const p of problems) console.error(`[readout] cannot start: ${p}`);
    process.exit(1);
  }
}
