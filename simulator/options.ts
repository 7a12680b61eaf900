import { isIsoDate, type IsoDate } from "@/lib/dates";

/** Everything the simulator can be told; each is also a CLI flag (camelCase -> --kebab-case). */
export interface SimulatorOptions {
  /** 0 = a random free port. */
  port?: number;
  host?: string;
  seed?: number;
  accounts?: number;
  /** The simulator's Beijing date. Without it the simulator follows the real Beijing date. */
  today?: IsoDate;
  /** From this date (by the simulator's clock) the six legacy endpoints answer 47009; "never" keeps them. */
  legacyRetiredOn?: IsoDate;
  /** Added before every answer. */
  latencyMs?: number;
  /** Chance that a datacube call fails (system error, 5xx, timeout or truncated JSON). */
  faultRate?: number;
  /** How long a timeout fault holds the request before dropping the connection. */
  timeoutFaultMs?: number;
  /** Every Nth datacube call revokes the token it carries (0 = never). */
  revokeTokenEvery?: number;
  /** Calls per account, per interface, per simulator day before 45009. */
  quota?: number;
  /** New generation: the last N days are provisional (is_delay, partial figures). */
  delayDays?: number;
  /** Serve error bodies as text/plain, like some WeChat front ends do. */
  textPlainErrors?: boolean;
  /** A newly issued token retires the account's previous one after this many seconds. */
  tokenOverlapS?: number;
  tokenTtlS?: number;
  /** Comma-separated caller IPs allowed to fetch tokens; others get 40164 naming their IP ("" = no whitelist). */
  ipWhitelist?: string;
  /** Comma-separated AppIDs of unverified accounts: their datacube calls answer 48001. */
  unverifiedAppids?: string;
  /** Answers also carry rows for dates outside the asked window (the day before, and two years back). */
  outOfWindowRows?: boolean;
  /** getuserread(hour) total rows come without user_source, like the docs' examples. */
  omitUserSource?: boolean;
  /** Answers start with a UTF-8 byte order mark. */
  utf8Bom?: boolean;
  /** title and content_url come as null. */
  nullStrings?: boolean;
  /** Comma-separated new-generation interfaces that answer 47009. */
  offlineEndpoints?: string;
}

export type ResolvedOptions = Required<Omit<SimulatorOptions, "today">> & { today: IsoDate | undefined };

/** Large enough never to matter unless a test sets its own. */
const DEFAULT_QUOTA = 10_000_000;

const DEFAULT_OPTIONS: ResolvedOptions = {
  port: 0,
  host: "127.0.0.1",
  seed: 1,
  accounts: 3,
  today: undefined,
  legacyRetiredOn: "2026-07-01",
  latencyMs: 0,
  faultRate: 0,
  timeoutFaultMs: 10_000,
  revokeTokenEvery: 0,
  quota: DEFAULT_QUOTA,
  delayDays: 0,
  textPlainErrors: false,
  tokenOverlapS: 300,
  tokenTtlS: 7200,
  ipWhitelist: "",
  unverifiedAppids: "",
  outOfWindowRows: false,
  omitUserSource: false,
  utf8Bom: false,
  nullStrings: false,
  offlineEndpoints: "",
};

/** A bad option value; `option` is the SimulatorOptions key, so a CLI can name its flag. */
export class OptionError extends Error {
  constructor(
    readonly option: keyof SimulatorOptions,
    message: string,
  ) {
    super(`${option}: ${message}`);
    this.name = "OptionError";
  }
}

type Check = (value: unknown) => string | undefined;

const integer =
  (min: number, max: number): Check =>
  (v) =>
    typeof v === "number" && Number.isInteger(v) && v >= min && v <= max
      ? undefined
      : `must be an integer from ${min} to ${max}`;
const number =
  (min: number, max: number): Check =>
  (v) =>
    typeof v === "number" && Number.isFinite(v) && v >= min && v <= max
      ? undefined
      : `must be a number from ${min} to ${max}`;
function list(item: RegExp, what: string): Check {
  return (v) =>
    typeof v === "string" && listOption(v).every((x) => item.test(x))
      ? undefined
      : `must be ${what} separated by commas`;
}
const boolean: Check = (v) => (typeof v === "boolean" ? undefined : "must be true or false");
const date: Check = (v) => (typeof v === "string" && isIsoDate(v) ? undefined : "must be a date written YYYY-MM-DD");

const CHECKS: { [K in keyof SimulatorOptions]-?: Check } = {
  port: integer(0, 65535),
  host: (v) => (typeof v === "string" && v.length > 0 ? undefined : "must be a host name or address"),
  seed: integer(-(2 ** 31), 2 ** 31 - 1),
  accounts: integer(1, 1000),
  today: date,
  legacyRetiredOn: (v) => (v === "never" ? undefined : date(v) && 'must be a date written YYYY-MM-DD, or "never"'),
  latencyMs: integer(0, 600_000),
  faultRate: number(0, 1),
  timeoutFaultMs: integer(0, 3_600_000),
  revokeTokenEvery: integer(0, Number.MAX_SAFE_INTEGER),
  quota: integer(1, Number.MAX_SAFE_INTEGER),
  delayDays: integer(0, 30),
  textPlainErrors: boolean,
  tokenOverlapS: integer(0, 86_400),
  tokenTtlS: integer(1, 86_400 * 30),
  ipWhitelist: list(/^[0-9a-fA-F.:]+$/, "IP addresses"),
  unverifiedAppids: list(/^wx[0-9a-zA-Z]+$/, "AppIDs"),
  outOfWindowRows: boolean,
  omitUserSource: boolean,
  utf8Bom: boolean,
  nullStrings: boolean,
  offlineEndpoints: list(/^get[a-z]+$/, "interface names"),
};

/** Splits a comma-separated option ("" = empty list). */
export const listOption = (value: string) =>
  value
    .split(",")
    .map((v) => v.trim())
    .filter(Boolean);

export function resolveOptions(options: SimulatorOptions = {}): ResolvedOptions {
  for (const key of Object.keys(options) as (keyof SimulatorOptions)[]) {
    const check = CHECKS[key];
    if (!check) throw new OptionError(key, "is not an option");
    const value = options[key];
    if (value === undefined) continue;
    const problem = check(value);
    if (problem) throw new OptionError(key, `${problem} (got ${JSON.stringify(value)})`);
  }
  const defined = Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined));
  return { ...DEFAULT_OPTIONS, ...defined };
}
