import "server-only";

import { accountTokenKey } from "@/db/accounts";
import type { Database } from "@/db/client";
import { clearOffline, loadEndpointStates, loadLedger, markEndpoint, markOffline } from "@/db/ledger";
import type { ArchivedResponse, WindowResult } from "@/db/store";
import { interruptRunningSyncs, startSyncRun, updateSyncRun } from "@/db/sync-runs";
import { databaseTokenStore, loadCredentials } from "@/lib/accounts/credentials";
import { beijingDateOf, beijingHourOf, type IsoDate } from "@/lib/dates";
import { DatacubeClient, parseAnswer, splitByWindow, windowLabel } from "@/lib/wechat/client";
import { ENDPOINT_NAMES, type EndpointName, ENDPOINTS } from "@/lib/wechat/endpoints";
import { WeChatError } from "@/lib/wechat/errors";
import type { HttpOptions } from "@/lib/wechat/http";
import { TokenManager } from "@/lib/wechat/tokens";
import { nodeTransport } from "@/lib/wechat/transport";

import { answerStatus, planSync, type Window } from "./planner";
import { runGrouped } from "./scheduler";
import { WindowWriter } from "./writer";

/** Enough to let storage batch what arrives while it writes, few enough to bound memory. */
const MAX_UNSTORED_WINDOWS = 24;

export interface SyncOptions {
  accountId: number;
  from: IsoDate;
  to: IsoDate;
  concurrency: number;
  endpoints?: readonly EndpointName[];
  onProgress?: (p: SyncProgress) => void;
  /** Called once the run's sync_runs row exists (callers that return before the run ends). */
  onStart?: (runId: number) => void;
  /** The run's row when it was created ahead (a queued job); otherwise a new one is created. */
  runId?: number;
}

export interface SyncContext {
  database: Database;
  http: HttpOptions;
  tokens: TokenManager;
  /** The app clock (READOUT_TODAY aware). */
  now: () => Date;
}

interface SyncProgress {
  windowsTotal: number;
  windowsDone: number;
  calls: number;
  errors: number;
}

export interface WindowError {
  endpoint: EndpointName;
  beginDate: IsoDate;
  endDate: IsoDate;
  kind: string;
  code: number | null;
  message: string;
}

/** Rows WeChat sent for dates outside the asked window: archived raw, never stored as figures. */
export interface OutsideRows {
  endpoint: EndpointName;
  beginDate: IsoDate;
  endDate: IsoDate;
  rows: number;
  /** The dates they carried (at most a few, for the message). */
  dates: IsoDate[];
}

export interface SyncSummary {
  runId: number;
  accountId: number;
  from: IsoDate;
  to: IsoDate;
  calls: Partial<Record<EndpointName, number>>;
  totalCalls: number;
  rowsWritten: number;
  windowsPlanned: number;
  windowsDone: number;
  /** Days already final, per endpoint: no call made for them. */
  daysSkippedFinal: number;
  retired: EndpointName[];
  quotaBlocked: EndpointName[];
  /** New generation, 47009 today: suspended for the day and probed again on the next day's sync. */
  suspended: EndpointName[];
  /** Interfaces that stopped during this run (quota, retirement, suspension), in plain words. */
  stops: { endpoint: EndpointName; kind: "quota" | "retired" | "suspended"; message: string }[];
  errors: WindowError[];
  /** Rows outside their window, in total and per window. */
  rowsOutsideWindow: number;
  outsideWindow: OutsideRows[];
  /** Set when the whole run stopped (credentials, unauthorized account). */
  fatal: string | null;
  durationMs: number;
}

export class SyncBusyError extends Error {
  constructor(accountId: number) {
    super(`A sync for account ${accountId} is already running.`);
    this.name = "SyncBusyError";
  }
}

/** One token manager per process: concurrent syncs share cached tokens and in-flight fetches. */
export function createTokenManager(database: Database, http: HttpOptions) {
  return new TokenManager(http, databaseTokenStore(database));
}

/**
 * Brings an account's data for [from, to] up to date with the fewest calls. Each window is
 * stored as soon as it completes; a later run resumes from the ledger. One run per account
 * at a time across every process sharing the database.
 */
export async function runSync(ctx: SyncContext, opts: SyncOptions): Promise<SyncSummary> {
  const result = await ctx.database.tryWithLock("sync-account", opts.accountId, () => runLocked(ctx, opts));
  if (result === null) throw new SyncBusyError(opts.accountId);
  return result;
}

async function runLocked(ctx: SyncContext, opts: SyncOptions): Promise<SyncSummary> {
  const { database } = ctx;
  const { db } = database;
  const started = Date.now();
  const now = ctx.now();
  const today = beijingDateOf(now);
  const beijingHour = beijingHourOf(now);
  const endpoints = opts.endpoints ?? ENDPOINT_NAMES;

  // We hold the account's lock, so any run still marked running was cut off (unless it is this
  // one: a job retried after its worker died resumes its own run).
  await interruptRunningSyncs(database, opts.accountId, opts.runId);

  const [ledger, states] = await Promise.all([
    loadLedger(db, opts.accountId, { endpoints: [...endpoints] }),
    loadEndpointStates(db, opts.accountId),
  ]);
  const plan = planSync({
    endpoints,
    from: opts.from,
    to: opts.to,
    today,
    ledger,
    retired: states.retired,
    quotaBlockedOn: states.quotaBlockedOn,
    suspendedOn: states.suspendedOn,
  });

  const runId = await startSyncRun(database, {
    runId: opts.runId,
    accountId: opts.accountId,
    fromDate: opts.from,
    toDate: opts.to,
    windowsTotal: plan.windows.length,
  });
  opts.onStart?.(runId);

  const summary: SyncSummary = {
    runId,
    accountId: opts.accountId,
    from: opts.from,
    to: opts.to,
    calls: {},
    totalCalls: 0,
    rowsWritten: 0,
    windowsPlanned: plan.windows.length,
    windowsDone: 0,
    daysSkippedFinal: Object.values(plan.finalDays).reduce((a, b) => a + b, 0),
    retired: [...plan.skippedRetired],
    quotaBlocked: [...plan.skippedQuota],
    suspended: [...plan.skippedSuspended],
    stops: [],
    errors: [],
    rowsOutsideWindow: 0,
    outsideWindow: [],
    fatal: null,
    durationMs: 0,
  };

  const progress = new ProgressReporter(database, runId, summary, plan.windows.length, opts.onProgress);
  try {
    const credentials = await loadCredentials(database, opts.accountId);
    const transport = ctx.http.transport ?? nodeTransport;
    const countingHttp: HttpOptions = {
      ...ctx.http,
      transport: (req) => {
        const endpoint = req.url.pathname.split("/").pop() as EndpointName;
        summary.calls[endpoint] = (summary.calls[endpoint] ?? 0) + 1;
        summary.totalCalls++;
        return transport(req);
      },
    };
    const client = new DatacubeClient(countingHttp, ctx.tokens.source(accountTokenKey(opts.accountId), credentials));
    const writer = new WindowWriter(db);
    const processing = new Set<Promise<void>>();
    await runGrouped(
      plan.windows,
      (w) => w.endpoint,
      opts.concurrency,
      async (window, control) => {
        const outcome = await fetchWindow({ ctx, client, accountId: opts.accountId, window, today, summary, control });
        // Validation and storage run after the slot is free, so the next call goes out first.
        const done = (async () => {
          const result = "answer" in outcome ? validateWindow(outcome, today, beijingHour, summary) : outcome;
          const rows = await writer.store(result);
          summary.rowsWritten += rows;
          summary.windowsDone++;
          progress.tick();
        })();
        processing.add(done);
        void done.finally(() => processing.delete(done)).catch(() => {});
        // Fetched windows not yet stored stay bounded: if storage falls far behind, fetching waits.
        if (processing.size > MAX_UNSTORED_WINDOWS) await done;
      },
    );
    await Promise.all(processing);
    // An interface that answered again ends its 47009 streak.
    const answered = plan.windows
      .map((w) => w.endpoint)
      .filter((e, i, all) => all.indexOf(e) === i && ENDPOINTS[e].generation === "new")
      .filter((e) => !summary.suspended.includes(e) && !summary.retired.includes(e) && summary.calls[e]);
    await clearOffline(db, opts.accountId, answered);
    summary.durationMs = Date.now() - started;
    await progress.finish(summary.fatal ? "failed" : "done");
  } catch (error) {
    if (error instanceof WeChatError) summary.fatal ??= error.message;
    else {
      // Database errors carry the whole statement and its data: logged here, never shown raw.
      console.error("[sync] run stopped:", error);
      summary.fatal ??= "Storing the answers failed (see the server log); nothing of the failed windows was written.";
    }
    summary.durationMs = Date.now() - started;
    await progress.finish("failed");
  }
  return summary;
}

type FetchedWindow = Omit<WindowResult, "status"> & { answer: unknown };

/** Validates an accepted answer; a malformed one is recorded as a failed window. */
function validateWindow(w: FetchedWindow, today: IsoDate, beijingHour: number, summary: SyncSummary): WindowResult {
  const { answer, ...base } = w;
  try {
    const parsed = parseAnswer(w.endpoint, answer, windowLabel(w.endpoint, w.beginDate, w.endDate));
    const { isDelay } = parsed;
    const { inside: rows, outside } = splitByWindow(parsed.rows as { ref_date: string }[], w.beginDate, w.endDate);
    if (outside.length > 0) {
      summary.rowsOutsideWindow += outside.length;
      summary.outsideWindow.push({
        endpoint: w.endpoint,
        beginDate: w.beginDate,
        endDate: w.endDate,
        rows: outside.length,
        dates: [...new Set(outside.map((r) => r.ref_date))].sort().slice(0, 5),
      });
    }
    const status = answerStatus({ window: w, today, beijingHour, isDelay, rowCount: rows.length });
    return { ...base, status, rows };
  } catch (error) {
    const e =
      error instanceof WeChatError ? error : new WeChatError({ kind: "invalid_response", message: String(error) });
    summary.errors.push({
      endpoint: w.endpoint,
      beginDate: w.beginDate,
      endDate: w.endDate,
      kind: e.kind,
      code: e.code,
      message: e.message,
    });
    return { ...base, status: "failed", errcode: null, error: e.message };
  }
}

/**
 * Calls one window. Errors are decided here (retired and quota stop the endpoint, credentials
 * stop the run); an accepted answer comes back unvalidated.
 */
async function fetchWindow(args: {
  ctx: SyncContext;
  client: DatacubeClient;
  accountId: number;
  window: Window;
  today: IsoDate;
  summary: SyncSummary;
  control: { stopGroup: (group: string) => void; stopAll: () => void };
}): Promise<FetchedWindow | WindowResult> {
  const { ctx, client, accountId, window: w, today, summary } = args;
  const responses: ArchivedResponse[] = [];
  const archive = (r: { httpStatus: number; errcode: number | null; body: string }) => {
    responses.push({ httpStatus: r.httpStatus, errcode: r.errcode, body: r.body, fetchedAt: new Date() });
  };
  const base = { accountId, endpoint: w.endpoint, beginDate: w.beginDate, endDate: w.endDate, responses };
  // Every attempt counts, also those that never got an answer (timeouts, cut connections).
  let attempts = 0;

  try {
    const raw = await client.fetchRaw(w.endpoint, w.beginDate, w.endDate, archive, () => attempts++);
    return { ...base, answer: raw.json, attempts };
  } catch (error) {
    const e =
      error instanceof WeChatError
        ? error
        : new WeChatError({ kind: "unknown", message: error instanceof Error ? error.message : String(error) });
    const failed = { ...base, errcode: e.code, error: e.message, attempts: Math.max(1, attempts) };
    if (e.kind === "retired" || e.kind === "quota") {
      args.control.stopGroup(w.endpoint);
      const stop = await stopEndpoint(ctx, accountId, w.endpoint, e.kind, today);
      const list = { quota: summary.quotaBlocked, retired: summary.retired, suspended: summary.suspended }[stop.kind];
      if (!list.includes(w.endpoint)) {
        list.push(w.endpoint);
        summary.stops.push({ endpoint: w.endpoint, kind: stop.kind, message: stop.message });
      }
      return { ...failed, status: stop.kind === "suspended" ? "failed" : e.kind };
    }
    summary.errors.push({ ...w, kind: e.kind, code: e.code, message: e.message });
    if (e.kind === "credentials" || e.kind === "unauthorized") {
      // Every further call would fail the same way: stop and tell the operator.
      summary.fatal ??= e.message;
      args.control.stopAll();
    }
    return { ...failed, status: "failed" };
  }
}

/**
 * Records why an interface stops. 47009 retires the legacy six at once (WeChat retired them in
 * 2026); on a new-generation interface it is more likely a permission or transient problem, so
 * it only suspends the interface for the day, and retires it after 7 consecutive days of 47009.
 */
async function stopEndpoint(
  ctx: SyncContext,
  accountId: number,
  endpoint: EndpointName,
  kind: "retired" | "quota",
  today: IsoDate,
): Promise<{ kind: "quota" | "retired" | "suspended"; message: string }> {
  const { db } = ctx.database;
  if (kind === "quota") {
    await markEndpoint(db, accountId, endpoint, { quotaBlockedOn: today });
    return {
      kind,
      message: `${endpoint}: the daily quota is used up (45009); it is fetched again tomorrow, nothing is lost.`,
    };
  }
  if (ENDPOINTS[endpoint].generation === "legacy") {
    await markEndpoint(db, accountId, endpoint, { retiredAt: new Date() });
    return {
      kind,
      message: `${endpoint}: WeChat has retired this interface (47009); it is not called again, its history stays.`,
    };
  }
  const streak = await markOffline(db, accountId, endpoint, today);
  if (streak.retired) {
    return {
      kind: "retired",
      message: `${endpoint}: WeChat answered 47009 (interface offline) on ${streak.days} days in a row; it now counts as retired and is not called again until an admin re-checks it.`,
    };
  }
  return {
    kind: "suspended",
    message: `${endpoint}: WeChat answered 47009 (interface offline), day ${streak.days} of 7 in a row; suspended for today and tried again tomorrow.`,
  };
}

/** Keeps the sync_runs row current (for progress bars that survive a reload) without a write per window. */
class ProgressReporter {
  private lastWrite = 0;
  private pending: Promise<void> = Promise.resolve();

  constructor(
    private readonly database: Database,
    private readonly runId: number,
    private readonly summary: SyncSummary,
    private readonly windowsTotal: number,
    private readonly listener?: (p: SyncProgress) => void,
  ) {}

  private snapshot(): SyncProgress {
    return {
      windowsTotal: this.windowsTotal,
      windowsDone: this.summary.windowsDone,
      calls: this.summary.totalCalls,
      errors: this.summary.errors.length,
    };
  }

  tick() {
    const p = this.snapshot();
    this.listener?.(p);
    if (Date.now() - this.lastWrite < 500) return;
    this.lastWrite = Date.now();
    this.pending = this.pending
      .then(() => this.write(p, "running"))
      .catch((error: unknown) => console.error("[sync] progress write failed:", error));
  }

  async finish(status: "done" | "failed") {
    const p = this.snapshot();
    this.listener?.(p);
    await this.pending;
    await this.write(p, status);
  }

  private async write(p: SyncProgress, status: "running" | "done" | "failed") {
    await updateSyncRun(this.database, this.runId, {
      windowsDone: p.windowsDone,
      calls: p.calls,
      errors: p.errors,
      heartbeatAt: new Date(),
      // The summary goes with the final status: a page that sees "done" stops asking and must
      // already find why nothing was fetched.
      ...(status === "running" ? {} : { status, finishedAt: new Date(), summary: this.summary }),
    });
  }
}
