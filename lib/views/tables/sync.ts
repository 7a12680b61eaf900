/** The account page's exports: the completeness grid and the latest sync run. Pure: the browser imports it too. */
import type { DayCell, EndpointRow } from "@/lib/sync/completeness";
import { DAY_STATUSES } from "@/lib/sync/day-status";
import type { SyncRunView } from "@/lib/sync/status";

import { type Column, field, type Table } from "../columns";

const endpoint = field<{ endpoint: string }, "endpoint">("endpoint", "admin.grid.col.endpoint", "text");

/** The grid in long form: one row an interface and day, with the reason for its status. */
export const COMPLETENESS_DAYS_TABLE: Table<{ endpoint: EndpointRow; day: DayCell }> = {
  id: "days",
  title: "admin.grid.title",
  columns: [
    { key: "endpoint", header: "admin.grid.col.endpoint", format: "text", value: (r) => r.endpoint.endpoint },
    {
      key: "generation",
      header: "admin.grid.col.generation",
      format: "text",
      value: (r) => r.endpoint.generation,
      label: (r) => `generation.${r.endpoint.generation}`,
    },
    { key: "date", header: "unit.date", format: "date", value: (r) => r.day.date },
    {
      key: "status",
      header: "admin.grid.col.status",
      format: "text",
      value: (r) => r.day.status,
      label: (r) => `admin.status.${r.day.status}`,
    },
    { key: "errcode", header: "admin.grid.col.errcode", format: "text", value: (r) => r.day.errcode },
    {
      key: "reason",
      header: "admin.grid.col.reason",
      format: "text",
      value: (r) => r.day.error ?? r.day.reason,
      // WeChat's own words where it gave any.
      label: (r) => (r.day.error !== null ? { en: r.day.error, zh: r.day.error } : `admin.reason.${r.day.reason}`),
    },
    { key: "fetchedAt", header: "admin.grid.col.fetchedAt", format: "time", value: (r) => r.day.fetchedAt },
  ],
};

/** Days of each status, by interface. */
export const COMPLETENESS_SUMMARY_TABLE: Table<EndpointRow> = {
  id: "summary",
  title: "admin.grid.summary",
  columns: [
    endpoint,
    ...DAY_STATUSES.map(
      (s): Column<EndpointRow> => ({ key: s, header: `admin.status.${s}`, format: "count", value: (r) => r.counts[s] }),
    ),
  ],
};

export const SYNC_RUN_TABLE: Table<SyncRunView> = {
  id: "run",
  title: "admin.sync.title",
  columns: [
    field("id", "admin.sync.col.run", "text"),
    field("status", "admin.sync.col.status", "text", { label: (r) => `admin.run.${r.status}` }),
    field("from", "range.from", "date"),
    field("to", "range.to", "date"),
    field("windowsDone", "admin.sync.col.windowsDone", "count"),
    field("windowsTotal", "admin.sync.col.windowsTotal", "count"),
    field("calls", "admin.sync.col.calls", "count"),
    field("errors", "admin.sync.col.errors", "count"),
    field("startedAt", "admin.sync.col.started", "time"),
    field("finishedAt", "admin.sync.col.finished", "time"),
  ],
};
