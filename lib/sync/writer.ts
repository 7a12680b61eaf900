import "server-only";

import type { Db } from "@/db/client";
import { storeWindows, type WindowResult } from "@/db/store";

/**
 * Commits fetched windows in the background, grouping those that finish together into one
 * statement (group commit), so that fetching continues while the database writes.
 */
export class WindowWriter {
  private queue: { window: WindowResult; committed: (rows: number) => void; failed: (error: unknown) => void }[] = [];
  private flushing: Promise<void> | null = null;

  constructor(private readonly db: Db) {}

  /** Resolves with the rows written once the window is stored. */
  store(window: WindowResult): Promise<number> {
    return new Promise((committed, failed) => {
      this.queue.push({ window, committed, failed });
      this.flushing ??= this.flush();
    });
  }

  private async flush() {
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0);
        try {
          const rows = await storeWindows(
            this.db,
            batch.map((b) => b.window),
          );
          batch.forEach((b, i) => b.committed(rows[i] ?? 0));
        } catch (error) {
          batch.forEach((b) => b.failed(error));
        }
      }
    } finally {
      this.flushing = null;
    }
  }
}
