import "server-only";

import { z } from "zod";

import type { Database } from "@/db/client";
import { loadEndpointStates, loadLedger } from "@/db/ledger";
import { listAnsweredWindows } from "@/db/raw-archive";
import { beijingToday } from "@/lib/clock";
import { daysBetween, type IsoDate } from "@/lib/dates";
import { issueError } from "@/lib/i18n/zod";
import { accountIdSchema, isoDateSchema } from "@/lib/report-params";
import { completenessGrid } from "@/lib/sync/completeness";
import { DAY_STATUSES, type DayStatus } from "@/lib/sync/day-status";

import { exportTable } from "./columns";
import { COMPLETENESS_DAYS_TABLE, COMPLETENESS_SUMMARY_TABLE } from "./tables/sync";
import { defineView } from "./types";

/** Widest grid one request draws: three months of columns. */
const MAX_GRID_DAYS = 92;

const completenessSchema = z
  .object({ account: accountIdSchema, from: isoDateSchema, to: isoDateSchema })
  .refine((v) => v.from <= v.to, { error: issueError("validation.rangeOrder"), path: ["from"] })
  .refine((v) => v.from > v.to || daysBetween(v.from, v.to) < MAX_GRID_DAYS, {
    error: issueError("validation.gridSpan", { days: MAX_GRID_DAYS }),
    path: ["to"],
  });

/** The account's endpoint × day statuses over [from, to] (fetch_ledger, endpoint_state, planner rules). */
export async function loadCompleteness(
  database: Database,
  accountId: number,
  from: IsoDate,
  to: IsoDate,
  today: IsoDate,
) {
  const { db } = database;
  const [ledger, states, answered] = await Promise.all([
    loadLedger(db, accountId, { from, to }),
    loadEndpointStates(db, accountId),
    listAnsweredWindows(db, accountId, from, to),
  ]);
  const rows = completenessGrid({
    from,
    to,
    today,
    ledger,
    retired: states.retired,
    quotaBlockedOn: states.quotaBlockedOn,
    answered,
  });
  const totals = Object.fromEntries(DAY_STATUSES.map((s) => [s, rows.reduce((n, r) => n + r.counts[s], 0)])) as Record<
    DayStatus,
    number
  >;
  return { account: accountId, from, to, today, rows, totals };
}

export const completenessView = defineView({
  schema: completenessSchema,
  accounts: (p) => [p.account],
  load: (database, p) => loadCompleteness(database, p.account, p.from, p.to, beijingToday()),
  tables: (data, _input, label) => [
    exportTable(
      COMPLETENESS_DAYS_TABLE,
      data.rows.flatMap((endpoint) => endpoint.days.map((day) => ({ endpoint, day }))),
      label,
    ),
    exportTable(COMPLETENESS_SUMMARY_TABLE, data.rows, label),
  ],
  fileName: (p) => `completeness-${p.from}_${p.to}`,
});

export type CompletenessData = Awaited<ReturnType<typeof completenessView.load>>;
