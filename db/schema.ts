import {
  bigserial,
  customType,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  smallint,
  text,
  timestamp,
} from "drizzle-orm/pg-core";

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => "bytea" });
const day = (name: string) => date(name, { mode: "string" });
const at = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });
const int = (name: string) => integer(name).notNull().default(0);
const accountRef = () =>
  integer("account_id")
    .notNull()
    .references(() => accounts.id, { onDelete: "cascade" });

/* ---------- accounts and credentials ---------- */

export const AUTH_TYPES = ["classic", "stable", "component"] as const;
export type AuthType = (typeof AUTH_TYPES)[number];

export const accounts = pgTable("accounts", {
  id: serial("id").primaryKey(),
  name: text("name").notNull(),
  appid: text("appid").notNull().unique(),
  authType: text("auth_type", { enum: AUTH_TYPES }).notNull().default("classic"),
  /** AES-256-GCM ciphertexts (lib/crypto.ts); never selected for the browser. */
  secretEnc: text("secret_enc"),
  componentAppid: text("component_appid"),
  componentSecretEnc: text("component_secret_enc"),
  componentVerifyTicketEnc: text("component_verify_ticket_enc"),
  authorizerRefreshTokenEnc: text("authorizer_refresh_token_enc"),
  createdAt: at("created_at").notNull().defaultNow(),
  /** Bumped by every sync commit that touches the account: the key of its cached views. */
  dataVersion: int("data_version"),
});

/* ---------- people ---------- */

export const ROLES = ["admin", "manager", "viewer"] as const;
export type Role = (typeof ROLES)[number];

export const users = pgTable("users", {
  id: serial("id").primaryKey(),
  /** Stored lower-cased. */
  email: text("email").notNull().unique(),
  name: text("name").notNull().default(""),
  role: text("role", { enum: ROLES }).notNull().default("viewer"),
  /** argon2id (lib/auth/password.ts); never selected for the browser. */
  passwordHash: text("password_hash").notNull(),
  createdAt: at("created_at").notNull().defaultNow(),
});

/** Which accounts a manager or viewer may see (admins see all). */
export const userAccounts = pgTable(
  "user_accounts",
  {
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    accountId: accountRef(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.accountId] })],
);

/**
 * Leases: who holds the lock (scope, key) until when (PostgreSQL). A holder renews its lease while
 * it works; a process that dies stops renewing, and the lease is free once it expires. Unlike a
 * session-level advisory lock, a lease holds no pool connection while its holder works.
 */
export const leases = pgTable(
  "leases",
  {
    scope: text("scope").notNull(),
    key: integer("key").notNull(),
    owner: text("owner").notNull(),
    expiresAt: at("expires_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.scope, t.key] })],
);

/** One row per Beijing day the daily sync started, so several app processes run it once. */
export const dailySyncs = pgTable("daily_syncs", {
  day: day("day").primaryKey(),
  startedAt: at("started_at").notNull().defaultNow(),
  finishedAt: at("finished_at"),
  accounts: int("accounts"),
  errors: int("errors"),
});

/** Cached access tokens, encrypted. key: "account:<id>" or "component:<component_appid>". */
export const accessTokens = pgTable("access_tokens", {
  cacheKey: text("cache_key").primaryKey(),
  tokenEnc: text("token_enc").notNull(),
  expiresAt: at("expires_at").notNull(),
  fetchedAt: at("fetched_at").notNull().defaultNow(),
});

/* ---------- fetch bookkeeping ---------- */

export const rawResponses = pgTable(
  "raw_responses",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    accountId: accountRef(),
    endpoint: text("endpoint").notNull(),
    beginDate: day("begin_date").notNull(),
    endDate: day("end_date").notNull(),
    httpStatus: smallint("http_status"),
    errcode: integer("errcode"),
    /** The answer exactly as received, gzip-compressed (db/raw-archive.ts reads it back). */
    bodyGzip: bytea("body_gzip").notNull(),
    fetchedAt: at("fetched_at").notNull().defaultNow(),
  },
  (t) => [index("raw_responses_window").on(t.accountId, t.endpoint, t.beginDate)],
);

export const LEDGER_STATUSES = ["final", "provisional", "failed", "quota", "retired"] as const;
export type LedgerStatus = (typeof LEDGER_STATUSES)[number];

export const fetchLedger = pgTable(
  "fetch_ledger",
  {
    accountId: accountRef(),
    endpoint: text("endpoint").notNull(),
    beginDate: day("begin_date").notNull(),
    endDate: day("end_date").notNull(),
    status: text("status", { enum: LEDGER_STATUSES }).notNull(),
    errcode: integer("errcode"),
    error: text("error"),
    rowCount: int("row_count"),
    attempts: int("attempts"),
    fetchedAt: at("fetched_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.endpoint, t.beginDate, t.endDate] })],
);

/** Per account and endpoint: retired (47009, never call again) or out of quota for a Beijing day. */
export const endpointState = pgTable(
  "endpoint_state",
  {
    accountId: accountRef(),
    endpoint: text("endpoint").notNull(),
    retiredAt: at("retired_at"),
    quotaBlockedOn: day("quota_blocked_on"),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.endpoint] })],
);

export const SYNC_STATUSES = ["queued", "running", "done", "failed", "interrupted"] as const;

export const syncRuns = pgTable(
  "sync_runs",
  {
    id: serial("id").primaryKey(),
    accountId: accountRef(),
    fromDate: day("from_date").notNull(),
    toDate: day("to_date").notNull(),
    status: text("status", { enum: SYNC_STATUSES }).notNull().default("running"),
    windowsTotal: int("windows_total"),
    windowsDone: int("windows_done"),
    calls: int("calls"),
    errors: int("errors"),
    summary: jsonb("summary"),
    startedAt: at("started_at").notNull().defaultNow(),
    heartbeatAt: at("heartbeat_at").notNull().defaultNow(),
    finishedAt: at("finished_at"),
  },
  (t) => [index("sync_runs_account").on(t.accountId, t.startedAt)],
);

/* ---------- legacy generation rows ---------- */

const baseMetricColumns = () => ({
  intPageReadUser: int("int_page_read_user"),
  intPageReadCount: int("int_page_read_count"),
  oriPageReadUser: int("ori_page_read_user"),
  oriPageReadCount: int("ori_page_read_count"),
  shareUser: int("share_user"),
  shareCount: int("share_count"),
  addToFavUser: int("add_to_fav_user"),
  addToFavCount: int("add_to_fav_count"),
});

/** Fields WeChat sent that Readout does not model, kept as received (usually {}). */
const extra = () => jsonb("extra").notNull().default({});

/** getarticlesummary: one article's figures for one day. */
export const legacyArticleDaily = pgTable(
  "legacy_article_daily",
  {
    accountId: accountRef(),
    refDate: day("ref_date").notNull(),
    msgid: text("msgid").notNull(),
    title: text("title").notNull().default(""),
    ...baseMetricColumns(),
    extra: extra(),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.refDate, t.msgid] })],
);

/** getarticletotal, one row per (article, stat_date); figures cumulative since sending. */
export const legacyArticleTotal = pgTable(
  "legacy_article_total",
  {
    accountId: accountRef(),
    msgid: text("msgid").notNull(),
    statDate: day("stat_date").notNull(),
    sendDate: day("send_date").notNull(),
    title: text("title").notNull().default(""),
    targetUser: int("target_user"),
    ...baseMetricColumns(),
    /** int_page_from_<source>_read_{user,count} and feed_share_from_<source>_{user,cnt}, as sent. */
    breakdown: jsonb("breakdown").notNull(),
    extra: extra(),
  },
  (t) => [
    primaryKey({ columns: [t.accountId, t.msgid, t.statDate] }),
    index("legacy_article_total_send").on(t.accountId, t.sendDate),
  ],
);

/** getuserread: per day and read source (99999999 = all). */
export const legacyUserRead = pgTable(
  "legacy_user_read",
  {
    accountId: accountRef(),
    refDate: day("ref_date").notNull(),
    userSource: integer("user_source").notNull(),
    ...baseMetricColumns(),
    extra: extra(),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.refDate, t.userSource] })],
);

/** getuserreadhour: per day, hour (0..23, from ref_hour HHMM) and read source. */
export const legacyUserReadHour = pgTable(
  "legacy_user_read_hour",
  {
    accountId: accountRef(),
    refDate: day("ref_date").notNull(),
    hour: smallint("hour").notNull(),
    userSource: integer("user_source").notNull(),
    ...baseMetricColumns(),
    extra: extra(),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.refDate, t.hour, t.userSource] })],
);

/** getusershare: per day and share scene. */
export const legacyUserShare = pgTable(
  "legacy_user_share",
  {
    accountId: accountRef(),
    refDate: day("ref_date").notNull(),
    shareScene: integer("share_scene").notNull(),
    shareCount: int("share_count"),
    shareUser: int("share_user"),
    extra: extra(),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.refDate, t.shareScene] })],
);

/** getusersharehour: per day, hour and share scene. */
export const legacyUserShareHour = pgTable(
  "legacy_user_share_hour",
  {
    accountId: accountRef(),
    refDate: day("ref_date").notNull(),
    hour: smallint("hour").notNull(),
    shareScene: integer("share_scene").notNull(),
    shareCount: int("share_count"),
    shareUser: int("share_user"),
    extra: extra(),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.refDate, t.hour, t.shareScene] })],
);

/* ---------- new generation rows ---------- */

/** getarticleread: readers of one article on one day, by scene. */
export const articleRead = pgTable(
  "article_read",
  {
    accountId: accountRef(),
    refDate: day("ref_date").notNull(),
    msgid: text("msgid").notNull(),
    readUser: int("read_user"),
    readUserSource: jsonb("read_user_source").notNull(),
    extra: extra(),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.refDate, t.msgid] })],
);

/** getarticleshare: sharers of one article on one day. */
export const articleShare = pgTable(
  "article_share",
  {
    accountId: accountRef(),
    refDate: day("ref_date").notNull(),
    msgid: text("msgid").notNull(),
    shareUser: int("share_user"),
    extra: extra(),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.refDate, t.msgid] })],
);

/** getbizsummary: the account's day. */
export const bizSummary = pgTable(
  "biz_summary",
  {
    accountId: accountRef(),
    refDate: day("ref_date").notNull(),
    readUser: int("read_user"),
    readUserSource: jsonb("read_user_source").notNull(),
    shareUser: int("share_user"),
    zaikanUser: int("zaikan_user"),
    likeUser: int("like_user"),
    commentCount: int("comment_count"),
    collectionUser: int("collection_user"),
    redirectOriPageUser: int("redirect_ori_page_user"),
    sendPageCount: int("send_page_count"),
    extra: extra(),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.refDate] })],
);

/** getarticletotaldetail, one row per (article, stat_date); figures cumulative since publishing. */
export const articleTotalDetail = pgTable(
  "article_total_detail",
  {
    accountId: accountRef(),
    msgid: text("msgid").notNull(),
    statDate: day("stat_date").notNull(),
    publishDate: day("publish_date").notNull(),
    publishType: smallint("publish_type").notNull().default(0),
    title: text("title").notNull().default(""),
    contentUrl: text("content_url"),
    readUser: int("read_user"),
    readUserSource: jsonb("read_user_source").notNull(),
    shareUser: int("share_user"),
    zaikanUser: int("zaikan_user"),
    likeUser: int("like_user"),
    commentCount: int("comment_count"),
    collectionUser: int("collection_user"),
    praiseMoney: int("praise_money"),
    readSubscribeUser: int("read_subscribe_user"),
    readDeliveryRate: doublePrecision("read_delivery_rate"),
    readFinishRate: doublePrecision("read_finish_rate"),
    readAvgActivetime: doublePrecision("read_avg_activetime"),
    readJumpPosition: jsonb("read_jump_position").notNull(),
    extra: extra(),
  },
  (t) => [
    primaryKey({ columns: [t.accountId, t.msgid, t.statDate] }),
    index("article_total_detail_publish").on(t.accountId, t.publishDate),
  ],
);
