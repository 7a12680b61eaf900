/**
 * Every failure the WeChat client can report. Callers branch on `kind`; `code` is WeChat's
 * errcode when there was one. Messages never contain tokens or secrets (see redact()).
 */
export type WeChatErrorKind =
  | "token" // 40001 40014 42001: cached token no longer valid
  | "credentials" // 40013 40125 40164 40243: the operator must fix the account's settings
  | "unauthorized" // 48001 50001: account not verified or permission set 7 missing
  | "quota" // 45009: daily quota used up
  | "retired" // 47009: interface offline for good
  | "request" // 41001 47001 61500 61501: our request is wrong (a bug)
  | "transient" // -1 45011 61503 HTTP 5xx, timeouts, network errors, truncated bodies
  | "invalid_response" // an answer we cannot read as the documented shape
  | "unknown";

const KIND_BY_CODE: Record<number, WeChatErrorKind> = {
  [-1]: "transient",
  40001: "token",
  40014: "token",
  42001: "token",
  41001: "request",
  40002: "request",
  47001: "request",
  61500: "request",
  61501: "request",
  40013: "credentials",
  40125: "credentials",
  40164: "credentials",
  40243: "credentials",
  41002: "credentials",
  41004: "credentials",
  61003: "credentials",
  61006: "credentials",
  45009: "quota",
  45011: "transient",
  47009: "retired",
  48001: "unauthorized",
  50001: "unauthorized",
  61503: "transient",
};

const PLAIN_WORDS: Record<number, string> = {
  [-1]: "WeChat is busy (-1); try again in a few minutes.",
  40001: "The access token was rejected (40001); Readout fetches a new one automatically.",
  40002: "Invalid grant_type (40002).",
  40013: "WeChat does not know this AppID (40013). Check the AppID in the account settings.",
  40125: "The AppSecret is wrong (40125). Copy it again from the WeChat admin console (设置与开发 → 基本配置).",
  40164:
    "This server's IP address is not on the account's IP whitelist (40164). Add it under 设置与开发 → 基本配置 → IP白名单.",
  40243: "The AppSecret is frozen (40243). Unfreeze or reset it in the WeChat admin console.",
  41001: "The request carried no access token (41001).",
  41002: "The AppID is missing (41002). Enter the account's AppID.",
  41004: "The AppSecret is missing (41004). Enter the account's AppSecret.",
  45009: "The daily API quota for this interface is used up (45009). Readout continues tomorrow; nothing is lost.",
  45011: "Too many calls per minute (45011); Readout slows down and retries.",
  47001: "WeChat could not read the request body (47001).",
  47009: "WeChat has retired this interface (47009). Cached history stays available.",
  48001:
    "This account may not use the data interfaces (48001): it must be a verified (认证) account, and a third-party platform needs permission set 7.",
  50001: "This account is not authorized for this interface (50001).",
  61003: "The third-party platform is not authorized by this account (61003).",
  61006:
    "The component_verify_ticket is invalid or expired (61006). Use the latest ticket WeChat pushed to the platform.",
  61500: "WeChat rejected the date format (61500).",
  61501: "WeChat rejected the date range (61501).",
  61503: "WeChat has not finished preparing this data (61503); Readout retries later.",
};

export class WeChatError extends Error {
  readonly kind: WeChatErrorKind;
  readonly code: number | null;
  readonly httpStatus: number | null;
  /** The caller IP WeChat reported with 40164, for the operator to whitelist. */
  readonly ip: string | null;

  constructor(opts: {
    kind: WeChatErrorKind;
    code?: number | null;
    httpStatus?: number | null;
    message: string;
    ip?: string | null;
  }) {
    super(redact(opts.message));
    this.name = "WeChatError";
    this.kind = opts.kind;
    this.code = opts.code ?? null;
    this.httpStatus = opts.httpStatus ?? null;
    this.ip = opts.ip ?? null;
  }

  get retryable(): boolean {
    return this.kind === "transient";
  }
}

/** Builds the error for an `{errcode, errmsg}` answer. */
export function errorFromCode(code: number, errmsg: string, where: string, httpStatus: number | null): WeChatError {
  const ip = code === 40164 ? (/invalid ip ([0-9a-fA-F.:]+)/.exec(errmsg)?.[1] ?? null) : null;
  const words = PLAIN_WORDS[code] ?? `WeChat answered errcode ${code}.`;
  const withIp = ip ? `${words} IP to add: ${ip}.` : words;
  return new WeChatError({
    kind: KIND_BY_CODE[code] ?? "unknown",
    code,
    httpStatus,
    ip,
    message: `${where}: ${withIp} (errmsg: ${errmsg})`,
  });
}

const SECRET_NAMES = "(?:[a-z_]*access_token|[a-z_]*secret|[a-z_]*refresh_token|component_verify_ticket)";
const SECRET_PARAM = new RegExp(`(${SECRET_NAMES}=)[^&\\s"']+`, "gi");
const SECRET_JSON = new RegExp(`("${SECRET_NAMES}"\\s*:\\s*")[^"]*`, "gi");

/** Removes tokens and secrets from anything that may reach a log line or an error message. */
export function redact(text: string): string {
  return text.replace(SECRET_PARAM, "$1[redacted]").replace(SECRET_JSON, "$1[redacted]");
}
