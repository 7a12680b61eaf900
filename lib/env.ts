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
