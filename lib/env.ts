import { z } from "zod";

import { isIsoDate } from "@/lib/dates";

/** Server configuration, validated once. Every variable is listed in the README. */
const schema = z.object({
  DATABASE_URL: z.string().url().optional(),
  PGLITE_DIR: z.string().min(1).default(".data"),
  WECHAT_API_BASE: z.string().url().default("https://api.weixin.qq.com"),
  WECHAT_TIMEOUT_MS: z.coerce.number().int().positive().default(15_000),
  WECHAT_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(10).default(5),
  READOUT_ENCRYPTION_KEY: z
    .string()
    .regex(/^[A-Za-z0-9+/]{43}=$/, "must be 32 bytes in base64 (openssl rand -base64 32)")
    .optional(),
  READOUT_TODAY: z.string().refine(isIsoDate, "must be a YYYY-MM-DD date").optional(),
  SYNC_CONCURRENCY: z.coerce.number().int().min(1).max(32).default(4),
  NEXTAUTH_SECRET: z.string().min(16, "use at least 16 characters (openssl rand -base64 32)").optional(),
  NEXTAUTH_URL: z.string().url().optional(),
  /** Beijing hour after which the daily sync fetches yesterday (WeChat publishes around 08:00). */
  DAILY_SYNC_HOUR: z.coerce.number().int().min(0).max(23).default(8),
  DAILY_SYNC: z.enum(["on", "off"]).default("on"),
  /** SMTP server for email digests: smtp://user:pass@host:587 or smtps://…:465. */
  SMTP_URL: z
    .string()
    .url()
    .refine((v) => /^smtps?:\/\//.test(v), "must start with smtp:// or smtps://")
    .optional(),
  DIGEST_MAIL_FROM: z.string().min(3).default("Readout <readout@localhost>"),
  /** Extra webhook hosts (host:port, comma-separated) digests may post to besides the robots' own. */
  DIGEST_WEBHOOK_HOSTS: z.string().default(""),
  /**
   * How many reverse proxies stand in front of the app. Set: the client IP is read from
   * X-Forwarded-For (that many entries from the right). Unset: the TCP peer; X-Forwarded-For is ignored.
   */
  TRUSTED_PROXY: z.coerce.number().int().min(1).max(10).optional(),
  /** Calls to WeChat in flight at once in one process, across every sync it runs (the global cap). */
  WECHAT_MAX_IN_FLIGHT: z.coerce.number().int().min(1).max(256).default(16),
  /** Whether this web process also runs sync jobs ("off" when `npm run worker` processes do). */
  JOB_WORKERS: z.enum(["on", "off"]).default("on"),
  /** Seconds after which an active job whose worker died is retried (PostgreSQL). */
  JOB_EXPIRE_SECONDS: z.coerce.number().int().min(5).optional(),
  /** How often pg-boss looks for expired jobs, in seconds (PostgreSQL). */
  JOB_MAINTENANCE_SECONDS: z.coerce.number().int().min(1).optional(),
});

export type Env = z.infer<typeof schema>;

let cached: Env | undefined;

export function env(): Env {
  if (cached) return cached;
  // An empty variable means "not set" (so DATABASE_URL= switches back to PGlite).
  const present = Object.fromEntries(Object.entries(process.env).filter(([, v]) => v !== ""));
  const parsed = schema.safeParse(present);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`Invalid environment:\n${problems}`);
  }
  cached = parsed.data;
  return cached;
}

/** For tests that change process.env between cases. */
export function resetEnvCache() {
  cached = undefined;
}

/**
 * What the web server needs beyond valid values: with DATABASE_URL, the secrets every instance must
 * share. Checked before `next start` (scripts/preflight.ts, npm start and the demo) and again in
 * instrumentation, so a missing one stops the server with the variable named instead of turning
 * every request into a 500.
 */
export function serverEnvProblems(e: Env): string[] {
  const problems: string[] = [];
  if (e.DATABASE_URL && !e.NEXTAUTH_SECRET)
    problems.push("NEXTAUTH_SECRET must be set when DATABASE_URL is (every app process needs the same one).");
  if (e.DATABASE_URL && !e.READOUT_ENCRYPTION_KEY)
    problems.push("READOUT_ENCRYPTION_KEY is required with DATABASE_URL (openssl rand -base64 32).");
  return problems;
}
