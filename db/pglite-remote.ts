import "server-only";

import path from "node:path";
import { Worker } from "node:worker_threads";

interface QueryResult {
  rows: unknown[];
  fields: { name: string; dataTypeID: number }[];
  affectedRows?: number;
}

interface QueryOptions {
  rowMode?: "array" | "object";
  parsers?: Record<number, (value: string) => unknown>;
}

/** What drizzle's PGlite driver needs from a client, served by a PGlite in a worker thread. */
export interface PgliteLike {
  query(sql: string, params?: unknown[], options?: QueryOptions): Promise<QueryResult>;
  exec(sql: string): Promise<QueryResult[]>;
  transaction<T>(fn: (tx: PgliteLike) => Promise<T>): Promise<T>;
}

type Pending = { resolve: (v: unknown) => void; reject: (e: Error) => void };

class DatabaseWorkerError extends Error {
  code?: string;
  detail?: string;
  constraint?: string;
}

/**
 * PGlite in a worker thread. Its queries run on another core and never block this thread's
 * event loop; transactions keep PGlite's semantics (one at a time, other queries wait).
 */
export class RemotePglite implements PgliteLike {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private stopped: Error | null = null;
  readonly waitReady: Promise<void>;

  constructor(dataDir: string | undefined) {
    this.worker = new Worker(path.join(process.cwd(), "db", "pglite-worker.mjs"), { workerData: { dataDir } });
    this.waitReady = new Promise((resolve, reject) => {
      const onReady = (m: { ready?: boolean; error?: string }) => {
        if (!("ready" in m)) return;
        this.worker.off("message", onReady);
        if (m.ready) resolve();
        else reject(new Error(`The embedded database did not start: ${m.error}`));
      };
      this.worker.on("message", onReady);
    });
    this.worker.on("message", (m: { id?: number; ok?: boolean; result?: unknown; error?: Record<string, string> }) => {
      if (m.id === undefined) return;
      const p = this.pending.get(m.id);
      if (!p) return;
      this.pending.delete(m.id);
      if (m.ok) p.resolve(m.result);
      else p.reject(Object.assign(new DatabaseWorkerError(m.error?.message ?? "database error"), m.error));
    });
    this.worker.on("error", (error) => this.failAll(error));
    this.worker.on("exit", (code) => this.failAll(new Error(`The database thread stopped (exit code ${code}).`)));
    this.waitReady.catch(() => {});
    // The thread must not keep a finished CLI alive: it is referenced only while starting or
    // while a request is pending.
    void this.waitReady.then(
      () => this.pending.size === 0 && this.worker.unref(),
      () => {},
    );
  }

  private failAll(error: Error) {
    this.stopped ??= error;
    for (const p of this.pending.values()) p.reject(error);
    this.pending.clear();
  }

  private call<T>(message: Record<string, unknown>): Promise<T> {
    if (this.stopped) return Promise.reject(this.stopped);
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      if (this.pending.size === 1) this.worker.ref();
      this.worker.postMessage({ ...message, id });
    }).finally(() => {
      if (this.pending.size === 0) this.worker.unref();
    });
  }

  private client(txId?: number): PgliteLike {
    return {
      query: (sql, params = [], options = {}) =>
        this.call<QueryResult>({
          op: "query",
          txId,
          sql,
          params,
          rowMode: options.rowMode,
          // drizzle only ever asks for identity parsers (keep dates and timestamps as text).
          rawTypes: Object.keys(options.parsers ?? {}).map(Number),
        }),
      exec: (sql) => this.call<QueryResult[]>({ op: "exec", txId, sql }),
      transaction: (fn) =>
        txId === undefined ? this.transaction(fn) : Promise.reject(new Error("nested transactions use savepoints")),
    };
  }

  query(sql: string, params?: unknown[], options?: QueryOptions) {
    return this.client().query(sql, params, options);
  }

  exec(sql: string) {
    return this.client().exec(sql);
  }

  async transaction<T>(fn: (tx: PgliteLike) => Promise<T>): Promise<T> {
    const { txId } = await this.call<{ txId: number }>({ op: "begin" });
    let result: T;
    try {
      result = await fn(this.client(txId));
    } catch (error) {
      await this.call({ op: "end", txId, commit: false });
      throw error;
    }
    await this.call({ op: "end", txId, commit: true });
    return result;
  }

  async close() {
    if (this.stopped) return;
    await this.call({ op: "close" }).catch(() => {});
    this.stopped = new Error("The database is closed.");
    await this.worker.terminate();
  }
}
