import "server-only";

import { z } from "zod";

import { accountIdSchema } from "@/lib/report-params";
import { loadSyncStatus } from "@/lib/sync/status";

import { defineView } from "./types";

/** ?account=3: the account's latest sync run with its progress (polled while it runs). */
export const syncStatusView = defineView({
  schema: z.object({ account: accountIdSchema }),
  accounts: (p) => [p.account],
  load: (database, p) => loadSyncStatus(database, p.account),
  tables: (data) => [
    {
      id: "run",
      title: "admin.sync.title",
      columns: [
        { key: "id", header: "admin.sync.col.run" },
        { key: "status", header: "admin.sync.col.status" },
        { key: "from", header: "range.from" },
        { key: "to", header: "range.to" },
        { key: "windowsDone", header: "admin.sync.col.windowsDone" },
        { key: "windowsTotal", header: "admin.sync.col.windowsTotal" },
        { key: "calls", header: "admin.sync.col.calls" },
        { key: "errors", header: "admin.sync.col.errors" },
        { key: "startedAt", header: "admin.sync.col.started" },
        { key: "finishedAt", header: "admin.sync.col.finished" },
      ],
      rows: data.run
        ? [
            {
              id: data.run.id,
              status: data.run.status,
              from: data.run.from,
              to: data.run.to,
              windowsDone: data.run.windowsDone,
              windowsTotal: data.run.windowsTotal,
              calls: data.run.calls,
              errors: data.run.errors,
              startedAt: data.run.startedAt,
              finishedAt: data.run.finishedAt,
            },
          ]
        : [],
    },
  ],
  fileName: (p) => `sync-status-${p.account}`,
});
