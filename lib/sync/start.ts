import "server-only";

import type { Database } from "@/db/client";
import { listFinalWindows, loadEndpointStates } from "@/db/ledger";
import { addDaysIso, daysBetween, type IsoDate, maxDate, minDate } from "@/lib/dates";
import { issueText } from "@/lib/i18n/zod";
import { EARLIEST_DATE } from "@/lib/report-params";
import { ENDPOINT_NAMES, ENDPOINTS } from "@/lib/wechat/endpoints";

/** Longest backfill one request may start (a year and a day); longer ones go in pieces. */
const MAX_BACKFILL_DAYS = 366;
/** "Sync now" for an account with nothing final yet fetches this many days. */
const DEFAULT_SYNC_DAYS = 30;

/**
 * What "Sync now" fetches: from the day after the newest final day of the account's interfaces
 * that still answer (the earliest such day across them, so none is left behind; DEFAULT_SYNC_DAYS
 * back for an interface with nothing final) up to yesterday. Days already final are skipped
 * by the planner anyway; the start only bounds what is considered.
 */
export async function syncNowRange(
  database: Database,
  accountId: number,
  today: IsoDate,
): Promise<{ from: IsoDate; to: IsoDate }> {
  const yesterday = addDaysIso(today, -1);
  const fallback = addDaysIso(yesterday, -(DEFAULT_SYNC_DAYS - 1));
  const [rows, states] = await Promise.all([
    listFinalWindows(database.db, accountId),
    loadEndpointStates(database.db, accountId),
  ]);
  const lastFinal = new Map<string, IsoDate>();
  for (const r of rows) if ((lastFinal.get(r.endpoint) ?? "") < r.endDate) lastFinal.set(r.endpoint, r.endDate);
  let from = yesterday;
  for (const endpoint of ENDPOINT_NAMES) {
    if (states.retired.has(endpoint) || ENDPOINTS[endpoint].firstDate > yesterday) continue;
    const last = lastFinal.get(endpoint);
    const start = last ? addDaysIso(last, 1) : maxDate(fallback, ENDPOINTS[endpoint].firstDate);
    from = minDate(from, start);
  }
  return { from: maxDate(minDate(from, yesterday), EARLIEST_DATE), to: yesterday };
}

/** Problems with a requested range [from, to] (backfill, fetch missing), keyed by field. */
export function rangeProblems(
  r: { from: IsoDate; to: IsoDate },
  today: IsoDate,
  maxDays = MAX_BACKFILL_DAYS,
): Record<"from" | "to", string[]> {
  const out: Record<"from" | "to", string[]> = { from: [], to: [] };
  const yesterday = addDaysIso(today, -1);
  if (r.from < EARLIEST_DATE) out.from.push(issueText("validation.beforeEarliest", { date: EARLIEST_DATE }));
  if (r.to > yesterday) out.to.push(issueText("validation.afterYesterday", { date: yesterday }));
  if (r.from > r.to) out.from.push(issueText("validation.rangeOrder"));
  else if (daysBetween(r.from, r.to) + 1 > maxDays)
    out.to.push(issueText("validation.backfillSpan", { days: maxDays }));
  return out;
}
