import { parseArgs } from "node:util";

import { OptionError, type SimulatorOptions } from "./options";
import { startSimulator } from "./server";
import { COMPONENT_APPID, COMPONENT_SECRET } from "./state";

/** npm run simulator -- [flags]: the WeChat datacube simulator as a standalone server. */

const USAGE = `usage: npm run simulator -- [options]
  --port N                  port to listen on (default 4010; 0 = any free port)
  --host H                  address to listen on (default 127.0.0.1)
  --seed N                  ground-truth seed (default 1)
  --accounts N              simulated accounts (default 3)
  --today YYYY-MM-DD        the simulator's Beijing date (default: follow the real date)
  --legacy-retired-on D     date the legacy six start answering 47009, or "never" (default 2026-07-01)
  --latency-ms N            delay before every answer (default 0)
  --fault-rate R            share of datacube calls that fail, 0..1 (default 0)
  --timeout-fault-ms N      how long a timeout fault holds a request (default 10000)
  --revoke-token-every N    revoke the token of every Nth datacube call (default 0 = never)
  --quota N                 calls per account, interface and day before 45009
  --delay-days N            new generation: last N days are provisional (is_delay)
  --text-plain-errors       serve error bodies as text/plain
  --token-overlap-s N       seconds an old token keeps working after a new one (default 300)
  --token-ttl-s N           token lifetime in seconds (default 7200)
  --ip-whitelist IPS        comma-separated caller IPs allowed to fetch tokens; others get 40164
  --unverified-appids IDS   comma-separated AppIDs whose datacube calls answer 48001 (unverified)
  --out-of-window-rows      answers also carry rows for other dates than the asked ones
  --omit-user-source        getuserread(hour) total rows come without user_source
  --utf8-bom                answers start with a UTF-8 byte order mark
  --null-strings            title and content_url come as null
  --offline-endpoints NAMES comma-separated new-generation interfaces that answer 47009
  --help                    show this`;

const FLAGS = {
  port: { type: "string" },
  host: { type: "string" },
  seed: { type: "string" },
  accounts: { type: "string" },
  today: { type: "string" },
  "legacy-retired-on": { type: "string" },
  "latency-ms": { type: "string" },
  "fault-rate": { type: "string" },
  "timeout-fault-ms": { type: "string" },
  "revoke-token-every": { type: "string" },
  quota: { type: "string" },
  "delay-days": { type: "string" },
  "text-plain-errors": { type: "boolean" },
  "token-overlap-s": { type: "string" },
  "token-ttl-s": { type: "string" },
  "ip-whitelist": { type: "string" },
  "unverified-appids": { type: "string" },
  "out-of-window-rows": { type: "boolean" },
  "omit-user-source": { type: "boolean" },
  "utf8-bom": { type: "boolean" },
  "null-strings": { type: "boolean" },
  "offline-endpoints": { type: "string" },
  help: { type: "boolean" },
} as const;

const NUMERIC: (keyof SimulatorOptions)[] = [
  "port",
  "seed",
  "accounts",
  "latencyMs",
  "faultRate",
  "timeoutFaultMs",
  "revokeTokenEvery",
  "quota",
  "delayDays",
  "tokenOverlapS",
  "tokenTtlS",
];

const flagOf = (option: string) => `--${option.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
const optionOf = (flag: string) =>
  flag.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase()) as keyof SimulatorOptions;

class UsageError extends Error {}

function parseCli(argv: string[]): SimulatorOptions | "help" {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: FLAGS, strict: true, allowPositionals: false });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  if (parsed.values.help) return "help";
  const options: Record<string, unknown> = { port: 4010 };
  for (const [flag, value] of Object.entries(parsed.values)) {
    if (flag === "help" || value === undefined) continue;
    const option = optionOf(flag);
    if (NUMERIC.includes(option)) {
      const text = String(value).trim();
      const number = text === "" ? Number.NaN : Number(text);
      if (!Number.isFinite(number)) throw new UsageError(`--${flag} must be a number (got ${JSON.stringify(value)})`);
      options[option] = number;
    } else {
      options[option] = value;
    }
  }
  return options as SimulatorOptions;
}

async function main(): Promise<void> {
  let options: SimulatorOptions | "help";
  try {
    options = parseCli(process.argv.slice(2));
  } catch (error) {
    console.error(`simulator: ${(error as Error).message}\n\n${USAGE}`);
    process.exit(2);
  }
  if (options === "help") {
    console.log(USAGE);
    return;
  }

  let sim;
  try {
    sim = await startSimulator(options);
  } catch (error) {
    if (error instanceof OptionError) {
      console.error(`simulator: ${flagOf(error.option)} ${error.message.slice(error.option.length + 2)}`);
      process.exit(2);
    }
    const code = (error as NodeJS.ErrnoException).code;
    console.error(
      `simulator: cannot listen on ${options.host ?? "127.0.0.1"}:${options.port}${code ? ` (${code})` : ""}: ${(error as Error).message}`,
    );
    process.exit(1);
  }

  console.log(
    `simulator listening on ${sim.url} (accounts ${sim.truth.accounts.length}, seed ${sim.truth.seed}, today ${sim.today()})`,
  );
  for (const a of sim.truth.accounts)
    console.log(`  ${a.appid}  secret ${a.secret}  refresh token ${a.refreshToken}  ${a.name}`);
  console.log(
    `  third-party platform: component_appid ${COMPONENT_APPID}  component_appsecret ${COMPONENT_SECRET}  (any verify ticket)`,
  );

  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    console.log(`simulator: ${signal}, closing`);
    sim.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on("SIGINT", () => shutdown("SIGINT"));
  process.on("SIGTERM", () => shutdown("SIGTERM"));
}

void main();
