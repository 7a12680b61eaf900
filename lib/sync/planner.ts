import type { LedgerStatus } from "@/db/schema";
import { addDaysIso, daysBetween, eachDay, type IsoDate, maxDate, minDate } from "@/lib/dates";
import { type EndpointName, ENDPOINTS } from "@/lib/wechat/endpoints";

export interface Window {
  endpoint: EndpointName;
  beginDate: IsoDate;
  endDate: IsoDate;
}

export interface LedgerFact {
  endpoint: string;
  beginDate: IsoDate;
  endDate: IsoDate;
  status: LedgerStatus;
}

export interface PlanInput {
  endpoints: readonly EndpointName[];
  from: IsoDate;
  to: IsoDate;
  /** Beijing today; the newest date WeChat serves is the day before. */
  today: IsoDate;
  /** Ledger entries, oldest fetch first: a later entry overrides an earlier one day by day. */
  ledger: readonly LedgerFact[];
  retired: ReadonlySet<string>;
  quotaBlockedOn: ReadonlyMap<string, IsoDate>;
  /** New generation: the day of the latest 47009 (suspended for that day, probed the next). */
  suspendedOn?: ReadonlyMap<string, IsoDate>;
}

export interface Plan {
  windows: Window[];
  /** Days in range already final, per endpoint (no call needed). */
  finalDays: Partial<Record<EndpointName, number>>;
  skippedRetired: EndpointName[];
  skippedQuota: EndpointName[];
  skippedSuspended: EndpointName[];
}

/**
 * The smallest set of calls that brings [from, to] up to date: days already final are skipped,
 * the rest is grouped into runs of consecutive days and cut into windows of the endpoint's
 * longest span.
 */
export function planSync(input: PlanInput): Plan {
  const plan: Plan = { windows: [], finalDays: {}, skippedRetired: [], skippedQuota: [], skippedSuspended: [] };
  const yesterday = addDaysIso(input.today, -1);
  for (const endpoint of input.endpoints) {
    const spec = ENDPOINTS[endpoint];
    if (input.retired.has(endpoint)) {
      plan.skippedRetired.push(endpoint);
      continue;
    }
    if (input.quotaBlockedOn.get(endpoint) === input.today) {
      plan.skippedQuota.push(endpoint);
      continue;
    }
    if (input.suspendedOn?.get(endpoint) === input.today) {
      plan.skippedSuspended.push(endpoint);
      continue;
    }
    const begin = maxDate(input.from, spec.firstDate);
    const end = minDate(input.to, yesterday);
    if (begin > end) continue;

    const status = dayStatuses(
      input.ledger.filter((e) => e.endpoint === endpoint),
      begin,
      end,
    );
    const pending = eachDay(begin, end).filter((d) => status.get(d) !== "final");
    plan.finalDays[endpoint] = daysBetween(begin, end) + 1 - pending.length;
    for (const run of consecutiveRuns(pending)) {
      for (let i = 0; i < run.length; i += spec.maxSpanDays) {
        const chunk = run.slice(i, i + spec.maxSpanDays);
        plan.windows.push({ endpoint, beginDate: chunk[0]!, endDate: chunk[chunk.length - 1]! });
      }
    }
  }
  return plan;
}

/** Status of each day in [begin, end] according to the newest ledger entry covering it. */
function dayStatuses(ledger: readonly LedgerFact[], begin: IsoDate, end: IsoDate): Map<IsoDate, LedgerStatus> {
  const status = new Map<IsoDate, LedgerStatus>();
  for (const entry of ledger) {
    const from = maxDate(entry.beginDate, begin);
    const to = minDate(entry.endDate, end);
    if (from > to) continue;
    for (const d of eachDay(from, to)) status.set(d, entry.status);
  }
  return status;
}

function consecutiveRuns(days: IsoDate[]): IsoDate[][] {
  const runs: IsoDate[][] = [];
  for (const d of days) {
    const last = runs[runs.length - 1];
    if (last && addDaysIso(last[last.length - 1]!, 1) === d) last.push(d);
    else runs.push([d]);
  }
  return runs;
}

/**
 * Whether a successful answer for a window is final: not when WeChat flags it (is_delay), not
 * while its figures can still grow (cumulative curves), not for yesterday before 08:00
 * Beijing, and not for an empty legacy answer about the last few days (WeChat sometimes
 * answers [] for a day that has data).
 */
export function answerStatus(opts: {
  window: Window;
  today: IsoDate;
  beijingHour: number;
  isDelay: boolean;
  rowCount: number;
}): "final" | "provisional" {
  const spec = ENDPOINTS[opts.window.endpoint];
  const yesterday = addDaysIso(opts.today, -1);
  const age = daysBetween(opts.window.endDate, yesterday);
  if (opts.isDelay) return "provisional";
  if (age < spec.mutableDays) return "provisional";
  if (age === 0 && opts.beijingHour < 8) return "provisional";
  if (opts.rowCount === 0 && spec.generation === "legacy" && age < 3) return "provisional";
  return "final";
}
