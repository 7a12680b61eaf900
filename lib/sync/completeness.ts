import type { LedgerStatus } from "@/db/schema";
import { addDaysIso, eachDay, type IsoDate } from "@/lib/dates";
import { type EndpointName, ENDPOINTS, endpointsOf, type Generation } from "@/lib/wechat/endpoints";

import { DAY_STATUSES, type DayStatus } from "./day-status";

type DayReason =
  | "final"
  | "provisional-mutable" // cumulative figures still grow for N days
  | "provisional" // WeChat flagged it (is_delay), fetched before 08:00, or an empty recent answer
  | "provisional-retired" // provisional, and the interface is retired: it stays as it is
  | "missing"
  | "failed"
  | "quota"
  | "quota-today" // not fetched: the quota ran out today
  | "retired"
  | "before-first-date"
  | "not-published";

export interface DayCell {
  date: IsoDate;
  status: DayStatus;
  reason: DayReason;
  errcode: number | null;
  /** WeChat's problem as stored (English, redacted), for failed / quota / retired. */
  error: string | null;
  /** When the entry deciding the status was written (ISO). */
  fetchedAt: string | null;
  /** An earlier fetch stored figures for this day although the newest entry is not a success. */
  hasEarlierData: boolean;
}

export interface EndpointRow {
  endpoint: EndpointName;
  generation: Generation;
  firstDate: IsoDate;
  mutableDays: number;
  retired: boolean;
  quotaBlockedToday: boolean;
  days: DayCell[];
  counts: Record<DayStatus, number>;
}

export interface LedgerRow {
  endpoint: string;
  beginDate: IsoDate;
  endDate: IsoDate;
  status: LedgerStatus;
  errcode: number | null;
  error: string | null;
  fetchedAt: Date;
}

export interface CompletenessInput {
  from: IsoDate;
  to: IsoDate;
  today: IsoDate;
  /** Oldest fetch first: a later entry overrides an earlier one day by day (as the planner reads it). */
  ledger: readonly LedgerRow[];
  retired: ReadonlySet<string>;
  quotaBlockedOn: ReadonlyMap<string, IsoDate>;
  /**
   * Windows WeChat once answered successfully (from the raw archive): a later failed fetch of
   * the same window replaces its ledger entry, but not the figures stored then.
   */
  answered?: readonly { endpoint: string; beginDate: IsoDate; endDate: IsoDate }[];
}

/** Rows grouped by generation, new first: the grid's row order. */
const GRID_ENDPOINTS: readonly EndpointName[] = [
  ...endpointsOf("new"),
  ...endpointsOf("user"),
  ...endpointsOf("legacy"),
];

const emptyCounts = () => Object.fromEntries(DAY_STATUSES.map((s) => [s, 0])) as Record<DayStatus, number>;

/** Endpoint × day statuses from the ledger and endpoint states, by the planner's rules. */
export function completenessGrid(input: CompletenessInput): EndpointRow[] {
  const days = eachDay(input.from, input.to);
  const yesterday = addDaysIso(input.today, -1);
  return GRID_ENDPOINTS.map((endpoint) => {
    const spec = ENDPOINTS[endpoint];
    const retired = input.retired.has(endpoint);
    const quotaBlockedToday = input.quotaBlockedOn.get(endpoint) === input.today;
    const clip = (w: { beginDate: IsoDate; endDate: IsoDate }) =>
      eachDay(w.beginDate > input.from ? w.beginDate : input.from, w.endDate < input.to ? w.endDate : input.to);
    const newest = new Map<IsoDate, LedgerRow>();
    const hadData = new Set<IsoDate>();
    for (const entry of input.ledger) {
      if (entry.endpoint !== endpoint) continue;
      for (const d of clip(entry)) {
        if (entry.status === "final" || entry.status === "provisional") hadData.add(d);
        newest.set(d, entry);
      }
    }
    for (const w of input.answered ?? []) if (w.endpoint === endpoint) for (const d of clip(w)) hadData.add(d);
    const counts = emptyCounts();
    const cells = days.map((date): DayCell => {
      const cell = (status: DayStatus, reason: DayReason, entry?: LedgerRow): DayCell => ({
        date,
        status,
        reason,
        errcode: entry?.errcode ?? null,
        error: entry?.error ?? null,
        fetchedAt: entry?.fetchedAt.toISOString() ?? null,
        hasEarlierData: hadData.has(date) && !!entry && entry.status !== "final" && entry.status !== "provisional",
      });
      const entry = newest.get(date);
      if (date > yesterday) return cell("unavailable", "not-published");
      if (date < spec.firstDate) return cell("unavailable", "before-first-date");
      if (entry) {
        switch (entry.status) {
          case "final":
            return cell("final", "final", entry);
          case "provisional":
            if (retired) return cell("provisional", "provisional-retired", entry);
            return cell(
              "provisional",
              spec.mutableDays > 0 && date > addDaysIso(yesterday, -spec.mutableDays)
                ? "provisional-mutable"
                : "provisional",
              entry,
            );
          case "failed":
            return cell("failed", "failed", entry);
          case "quota":
            return cell("quota", "quota", entry);
          case "retired":
            return cell("retired", "retired", entry);
        }
      }
      if (retired) return cell("retired", "retired");
      if (quotaBlockedToday) return cell("quota", "quota-today");
      return cell("missing", "missing");
    });
    for (const c of cells) counts[c.status]++;
    return {
      endpoint,
      generation: spec.generation,
      firstDate: spec.firstDate,
      mutableDays: spec.mutableDays,
      retired,
      quotaBlockedToday,
      days: cells,
      counts,
    };
  });
}
