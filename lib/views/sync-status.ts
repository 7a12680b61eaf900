import "server-only";

import { z } from "zod";

import { accountIdSchema } from "@/lib/report-params";
import { loadSyncStatus } from "@/lib/sync/status";

import { exportTable } from "./columns";
import { SYNC_RUN_TABLE } from "./tables/sync";
import { defineView } from "./types";

/** ?account=3: the account's latest sync run with its progress (polled while it runs). */
export const syncStatusView = defineView({
  schema: z.object({ account: accountIdSchema }),
  accounts: (p) => [p.account],
  load: (database, p) => loadSyncStatus(database, p.account),
  tables: (data, _input, label) => [exportTable(SYNC_RUN_TABLE, data.run ? [data.run] : [], label)],
  fileName: () => "sync-status",
});
