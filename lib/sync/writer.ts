import "server-only";
import type { Db } from "@/db/client";
import { storeWindows, type WindowResult } from "@/db/store";

const MAX_BACKLOG = 16;

/**
 * Commits fetched windows in the background, grouping those that finish together into one
 * transaction (group commit), so that fetching continues while the database writes.
 */
export class WindowWriter {
  private queue: { window: WindowResult; committed: (rows: number) => void }[] = [];
  private flushing: Promise<void> | null = null;
  private failure: unknown = null;

  constructor(private readonly db: Db) {}

  /** Queues a window; waits only while the backlog is long. `committed` runs once it is stored. */
  async store(window: WindowResult, committed: (rows: number) => void): Promise<void> {
    if (this.failure) throw this.failure;
    this.queue.push({ window, committed });
    this.flushing ??= this.flush();
    if (this.queue.length >= MAX_BACKLOG) await this.flushing;
  }

  /** Waits until everything queued is stored; throws if any write failed. */
  async drain(): Promise<void> {
    while (this.flushing) await this.flushing;
    if (this.failure) throw this.failure;
  }

  private async flush() {
    try {
      while (this.queue.length > 0 && !this.failure) {
        const batch = this.queue.splice(0);
        try {
          const rows = await storeWindows(this.db, batch.map((b) => b.window));
          batch.forEach((b, i) => b.committed(rows[i] ?? 0));
        } catch (error) {
          this.failure = error;
        }
      }
    } finally {
      this.flushing = null;
    }
  }
}
