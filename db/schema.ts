import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  bigserial,
  boolean,
  check,
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
  unique,
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
  /** Part of every session cookie; bumping it ends every session of the user (lib/auth/sessions.ts). */
  sessionVersion: int("session_version"),
  /** Set for users an admin created or reset: they choose their own password at next sign-in. */
  mustChangePassword: boolean("must_change_password").notNull().default(false),
  createdAt: at("created_at").notNull().defaultNow(),
});

/**
 * Sign-in back-off, one row per key ("email:<lower-cased email>" or "ip:<address>"): failures in a
 * row and when the next attempt may be checked. Keyed by the typed email, whether or not it exists.
 */
export const signInThrottles = pgTable("sign_in_throttles", {
  key: text("key").primaryKey(),
  failures: int("failures"),
  lockedUntil: at("locked_until"),
  updatedAt: at("updated_at").notNull().defaultNow(),
});

/** Who did what, when, from where (lib/audit.ts). Kept when the user is deleted. */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    at: at("at").notNull().defaultNow(),
    actorId: integer("actor_id"),
    /** The signed-in user's email, or the email typed at a sign-in. */
    actorEmail: text("actor_email"),
    action: text("action").notNull(),
    /** What it touched: "account:3", "user:7", "export:overview"… */
    target: text("target"),
    detail: jsonb("detail").notNull().default({}),
    ip: text("ip"),
  },
  (t) => [index("audit_log_at").on(t.at), index("audit_log_action").on(t.action, t.at)],
);

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

/* ---------- morning digests ---------- */

export const DIGEST_LANGUAGES = ["zh", "en"] as const;

/** A morning digest of one account or one client group. */
export const digests = pgTable(
  "digests",
  {
    id: serial("id").primaryKey(),
    name: text("name").notNull(),
    accountId: integer("account_id").references(() => accounts.id, { onDelete: "cascade" }),
    groupId: integer("group_id").references((): AnyPgColumn => clientGroups.id, { onDelete: "cascade" }),
    language: text("language", { enum: DIGEST_LANGUAGES }).notNull().default("zh"),
    enabled: boolean("enabled").notNull().default(true),
    createdBy: integer("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: at("created_at").notNull().defaultNow(),
  },
  (t) => [check("digests_one_scope", sql`(${t.accountId} is null) <> (${t.groupId} is null)`)],
);

export const DESTINATION_KINDS = ["wecom", "feishu", "dingtalk", "email"] as const;
export type DestinationKind = (typeof DESTINATION_KINDS)[number];

/** Where a digest goes. Webhook URLs carry their key, so they are sealed like AppSecrets (lib/crypto.ts). */
export const digestDestinations = pgTable("digest_destinations", {
  id: serial("id").primaryKey(),
  digestId: integer("digest_id")
    .notNull()
    .references(() => digests.id, { onDelete: "cascade" }),
  kind: text("kind", { enum: DESTINATION_KINDS }).notNull(),
  label: text("label").notNull().default(""),
  /** Webhook URL (wecom, feishu, dingtalk), sealed. */
  urlEnc: text("url_enc"),
  /** Signing secret (feishu, dingtalk; optional), sealed. */
  secretEnc: text("secret_enc"),
  /** Email addresses, comma-separated (email). */
  emails: text("emails"),
  createdAt: at("created_at").notNull().defaultNow(),
});

export const DIGEST_SEND_STATUSES = ["sending", "sent", "failed"] as const;
export type DigestSendStatus = (typeof DIGEST_SEND_STATUSES)[number];

/**
 * One row per digest, destination and Beijing day the digest reports on. The unique key is the
 * claim: an instance sends only after its INSERT … ON CONFLICT DO NOTHING created the row.
 */
export const digestSends = pgTable(
  "digest_sends",
  {
    id: serial("id").primaryKey(),
    digestId: integer("digest_id")
      .notNull()
      .references(() => digests.id, { onDelete: "cascade" }),
    destinationId: integer("destination_id")
      .notNull()
      .references(() => digestDestinations.id, { onDelete: "cascade" }),
    day: day("day").notNull(),
    status: text("status", { enum: DIGEST_SEND_STATUSES }).notNull().default("sending"),
    attempts: int("attempts"),
    lastError: text("last_error"),
    claimedAt: at("claimed_at").notNull().defaultNow(),
    sentAt: at("sent_at"),
  },
  (t) => [unique("digest_sends_once").on(t.digestId, t.destinationId, t.day)],
);

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
    /**
     * New generation: 47009 suspends the interface for the day; these are the first and the last
     * day of the current run of consecutive 47009 days (retired after 7).
     */
    offlineSince: day("offline_since"),
    offlineLast: day("offline_last"),
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
    /** null when WeChat sent none (or null). */
    title: text("title"),
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
    /** null when WeChat sent none (or null). */
    title: text("title"),
    targetUser: int("target_user"),
    ...baseMetricColumns(),
    /** int_page_from_<source>_read_{user,count} and feed_share_from_<source>_{user,cnt}, as sent. */
    breakdown: jsonb("breakdown").notNull(),
    extra: extra(),
  },
  (t) => [
    primaryKey({ columns: [t.accountId, t.msgid, t.statDate] }),
    // With the figures lists and rankings read, so those reads never touch the wide rows.
    index("legacy_article_total_send").on(
      t.accountId,
      t.sendDate,
      t.msgid,
      t.statDate,
      t.intPageReadUser,
      t.shareUser,
      t.addToFavUser,
    ),
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
    /** Sent for recent articles only; null for older ones. */
    title: text("title"),
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
    /** null when WeChat sent none (or null). */
    title: text("title"),
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
    // With the figures lists and rankings read, so those reads never touch the wide rows.
    index("article_total_detail_publish").on(
      t.accountId,
      t.publishDate,
      t.msgid,
      t.statDate,
      t.readUser,
      t.shareUser,
      t.collectionUser,
    ),
  ],
);

/* ---------- agencies: client groups and shared links ---------- */

/** A client or a region: a named set of accounts. An account may be in several groups. */
export const clientGroups = pgTable("client_groups", {
  id: serial("id").primaryKey(),
  name: text("name").notNull().unique(),
  createdAt: at("created_at").notNull().defaultNow(),
});

export const clientGroupAccounts = pgTable(
  "client_group_accounts",
  {
    groupId: integer("group_id")
      .notNull()
      .references(() => clientGroups.id, { onDelete: "cascade" }),
    accountId: accountRef(),
  },
  (t) => [primaryKey({ columns: [t.groupId, t.accountId] }), index("client_group_accounts_account").on(t.accountId)],
);

export const SHARED_VIEWS = ["overview", "articles", "hourly", "shares"] as const;
export type SharedView = (typeof SHARED_VIEWS)[number];

/**
 * A read-only link to one report view (one account, or one group for the articles list, one
 * page, one range). Only the SHA-256 of its token is stored.
 */
export const sharedLinks = pgTable(
  "shared_links",
  {
    id: serial("id").primaryKey(),
    tokenHash: text("token_hash").notNull().unique(),
    createdBy: integer("created_by").references(() => users.id, { onDelete: "set null" }),
    accountId: integer("account_id").references(() => accounts.id, { onDelete: "cascade" }),
    groupId: integer("group_id").references(() => clientGroups.id, { onDelete: "cascade" }),
    view: text("view", { enum: SHARED_VIEWS }).notNull(),
    fromDate: day("from_date").notNull(),
    toDate: day("to_date").notNull(),
    expiresAt: at("expires_at").notNull(),
    revokedAt: at("revoked_at"),
    opens: int("opens"),
    lastOpenedAt: at("last_opened_at"),
    createdAt: at("created_at").notNull().defaultNow(),
  },
  (t) => [index("shared_links_account").on(t.accountId), index("shared_links_group").on(t.groupId)],
);

/* ---------- user analysis (followers) ---------- */

/** getusersummary: followers gained and lost on a day, per follow source (user_source). */
export const followerSummary = pgTable(
  "follower_summary",
  {
    accountId: accountRef(),
    refDate: day("ref_date").notNull(),
    userSource: integer("user_source").notNull(),
    newUser: int("new_user"),
    cancelUser: int("cancel_user"),
    extra: extra(),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.refDate, t.userSource] })],
);

/** getusercumulate: total followers at the end of a day. */
export const followerCumulate = pgTable(
  "follower_cumulate",
  {
    accountId: accountRef(),
    refDate: day("ref_date").notNull(),
    cumulateUser: int("cumulate_user"),
    extra: extra(),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.refDate] })],
);
