"use client";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useIntl } from "react-intl";

import { fetchMissing } from "@/lib/actions/sync";
import { addDaysIso, daysBetween, isIsoDate, maxDate, minDate } from "@/lib/dates";
import type { DayCell, EndpointRow } from "@/lib/sync/completeness";
import { DAY_STATUSES, FETCHABLE } from "@/lib/sync/day-status";
import type { CompletenessData } from "@/lib/views/completeness";
import { COMPLETENESS_DAYS_TABLE } from "@/lib/views/tables/sync";

import { ErrorNotice } from "../accounts/error-notice";
import { useAction, useDateTime } from "../accounts/use-action";
import { ExportMenu } from "../export-menu";
import { useCompleteness } from "../hooks/queries";
import { useT } from "../i18n";
import { Panel } from "../panel";
import { RecheckRetired } from "./recheck-retired";

const EARLIEST = "2014-12-01";
const MAX_DAYS = 92;
/** Statuses shown in the legend (unavailable last). */
const LEGEND = DAY_STATUSES;

function defaultGridRange(today: string) {
  const yesterday = addDaysIso(today, -1);
  return { from: addDaysIso(yesterday, -29), to: yesterday };
}

/** A range from the URL, or the last 30 days; never more than the grid shows. */
export function gridRange(today: string, from?: string | null, to?: string | null) {
  if (!from || !to || !isIsoDate(from) || !isIsoDate(to) || from > to || daysBetween(from, to) >= MAX_DAYS)
    return defaultGridRange(today);
  return { from, to };
}

/**
 * Endpoint × day: what Readout holds for each interface on each Beijing day, coloured, with
 * the reason in each cell's tooltip; managers can fetch what is missing.
 */
export function CompletenessGrid({
  accountId,
  canManage,
  isAdmin = false,
  today,
  range,
  onRange,
}: {
  accountId: number;
  canManage: boolean;
  /** Admins may re-check an interface marked retired. */
  isAdmin?: boolean;
  today: string;
  range: { from: string; to: string };
  onRange: (r: { from: string; to: string }) => void;
}) {
  const t = useT();
  const params = { account: accountId, from: range.from, to: range.to };
  const query = useCompleteness(params);
  const [draft, setDraft] = useState(range);
  const [shownRange, setShownRange] = useState(range);
  if (shownRange.from !== range.from || shownRange.to !== range.to) {
    // The URL moved (prev / next): the inputs follow.
    setShownRange(range);
    setDraft(range);
  }
  const length = daysBetween(range.from, range.to) + 1;
  const shift = (days: number) => onRange({ from: addDaysIso(range.from, days), to: addDaysIso(range.to, days) });
  const yesterday = addDaysIso(today, -1);

  return (
    <>
      <Panel
        title={t("admin.grid.title")}
        query={query}
        testId="completeness"
        actions={<ExportMenu view="completeness" params={params} table={COMPLETENESS_DAYS_TABLE.id} />}
      >
        {(d) => (
          <div className="stack">
            <div className="grid-toolbar">
              <button
                type="button"
                onClick={() => shift(-length)}
                disabled={range.from <= EARLIEST}
                data-testid="grid-prev"
              >
                {t("admin.grid.prev")}
              </button>
              <form
                className="range-custom"
                onSubmit={(e) => {
                  e.preventDefault();
                  onRange(gridRange(today, draft.from, draft.to));
                }}
              >
                <label>
                  {t("range.from")}{" "}
                  <input
                    type="date"
                    name="grid-from"
                    min={EARLIEST}
                    value={draft.from}
                    onChange={(e) => setDraft({ ...draft, from: e.target.value })}
                  />
                </label>
                <label>
                  {t("range.to")}{" "}
                  <input
                    type="date"
                    name="grid-to"
                    min={EARLIEST}
                    value={draft.to}
                    onChange={(e) => setDraft({ ...draft, to: e.target.value })}
                  />
                </label>
                <button type="submit">{t("admin.grid.apply")}</button>
              </form>
              <button
                type="button"
                onClick={() => shift(length)}
                disabled={range.to >= yesterday}
                data-testid="grid-next"
              >
                {t("admin.grid.next")}
              </button>
              {canManage ? <FetchMissingAll data={d} accountId={accountId} /> : null}
            </div>
            <p className="muted small">{t("admin.grid.hint")}</p>
            <GridTable data={d} accountId={accountId} canManage={canManage} isAdmin={isAdmin} />
            <Legend />
            <p className="muted small" data-testid="grid-counts">
              {t("admin.grid.counts", d.totals)}
            </p>
          </div>
        )}
      </Panel>
    </>
  );
}

function fetchableSpan(rows: EndpointRow[]): { from: string; to: string; count: number } | null {
  let from: string | null = null;
  let to: string | null = null;
  let count = 0;
  for (const r of rows) {
    // A retired interface is never called again: nothing of it can be fetched.
    if (r.retired) continue;
    for (const c of r.days) {
      if (!FETCHABLE.has(c.status) || (c.status === "quota" && r.quotaBlockedToday)) continue;
      count++;
      from = from ? minDate(from, c.date) : c.date;
      to = to ? maxDate(to, c.date) : c.date;
    }
  }
  return from && to ? { from, to, count } : null;
}

function useFetchMissing(accountId: number) {
  const queryClient = useQueryClient();
  const action = useAction(fetchMissing);
  const run = async (input: { from: string; to: string; endpoint?: EndpointRow["endpoint"] }) => {
    const started = await action.run({ accountId, ...input });
    if (started) await queryClient.invalidateQueries({ queryKey: ["sync-status"] });
  };
  return { ...action, run };
}

function FetchMissingAll({ data, accountId }: { data: CompletenessData; accountId: number }) {
  const t = useT();
  const span = fetchableSpan(data.rows);
  const action = useFetchMissing(accountId);
  return (
    <span className="fetch-missing">
      <button
        type="button"
        className="primary"
        disabled={!span || action.pending}
        title={span ? t("admin.grid.fetchMissingAll", { count: span.count }) : t("admin.grid.nothingToFetch")}
        onClick={() => span && void action.run({ from: span.from, to: span.to })}
        data-testid="fetch-missing"
      >
        {t("admin.grid.fetchMissing")}
      </button>
      <ErrorNotice error={action.error} testId="fetch-missing-error" />
    </span>
  );
}

function GridTable({
  data,
  accountId,
  canManage,
  isAdmin,
}: {
  data: CompletenessData;
  accountId: number;
  canManage: boolean;
  isAdmin: boolean;
}) {
  const t = useT();
  const intl = useIntl();
  const days = data.rows[0]?.days.map((c) => c.date) ?? [];
  // Month labels over the day numbers.
  const months: { label: string; span: number }[] = [];
  for (const d of days) {
    const label = intl.formatDate(`${d}T12:00:00+08:00`, { year: "numeric", month: "short" });
    const last = months[months.length - 1];
    if (last && last.label === label) last.span++;
    else months.push({ label, span: 1 });
  }
  const groups = (["new", "user", "legacy"] as const).map((g) => ({
    generation: g,
    rows: data.rows.filter((r) => r.generation === g),
  }));
  return (
    <div className="grid-scroll">
      <table className="completeness" data-testid="completeness-grid" data-from={data.from} data-to={data.to}>
        <thead>
          <tr>
            <th rowSpan={2} className="endpoint-col">
              {t("admin.grid.col.endpoint")}
            </th>
            {months.map((m, i) => (
              <th key={i} colSpan={m.span} className="month">
                {m.span >= 3 ? m.label : ""}
              </th>
            ))}
          </tr>
          <tr>
            {days.map((d) => (
              <th key={d} className="day" title={d}>
                {Number(d.slice(8))}
              </th>
            ))}
          </tr>
        </thead>
        {groups.map((g) => (
          <tbody key={g.generation} data-generation={g.generation}>
            <tr className="group">
              <th colSpan={days.length + 1}>{t(`generation.${g.generation}`)}</th>
            </tr>
            {g.rows.map((r) => (
              <GridRow key={r.endpoint} row={r} accountId={accountId} canManage={canManage} isAdmin={isAdmin} />
            ))}
          </tbody>
        ))}
      </table>
    </div>
  );
}

function GridRow({
  row,
  accountId,
  canManage,
  isAdmin,
}: {
  row: EndpointRow;
  accountId: number;
  canManage: boolean;
  isAdmin: boolean;
}) {
  const t = useT();
  const tooltip = useTooltip();
  const span = fetchableSpan([row]);
  const action = useFetchMissing(accountId);
  return (
    <tr data-endpoint={row.endpoint} data-testid={`grid-row-${row.endpoint}`}>
      <th scope="row" className="endpoint-col">
        <span className="endpoint-name">{row.endpoint}</span>
        <span className="muted small"> {t("admin.grid.firstDate", { date: row.firstDate })}</span>
        {canManage && span ? (
          <button
            type="button"
            className="link fetch-row"
            disabled={action.pending}
            title={t("admin.grid.fetchMissingRow", { endpoint: row.endpoint })}
            aria-label={t("admin.grid.fetchMissingRow", { endpoint: row.endpoint })}
            onClick={() => void action.run({ from: span.from, to: span.to, endpoint: row.endpoint })}
            data-testid={`fetch-missing-${row.endpoint}`}
          >
            ↻
          </button>
        ) : null}
        {isAdmin && row.retired ? <RecheckRetired accountId={accountId} endpoint={row.endpoint} /> : null}
        {action.error ? (
          <span className="error small" role="alert">
            {" "}
            {action.error.message}
          </span>
        ) : null}
      </th>
      {row.days.map((c) => {
        const text = tooltip(row.endpoint, c);
        return (
          <td
            key={c.date}
            className={`cell s-${c.status}`}
            data-status={c.status}
            data-date={c.date}
            data-reason={c.reason}
            title={text}
            aria-label={text}
          />
        );
      })}
    </tr>
  );
}

/** "2026-07-02 · getuserread: Retired. WeChat has retired … errcode 47009. Fetched …" */
function useTooltip() {
  const t = useT();
  const when = useDateTime();
  return (endpoint: string, c: DayCell) => {
    const lines = [`${c.date} · ${endpoint}: ${t(`admin.status.${c.status}`)}`, t(`admin.reason.${c.reason}`)];
    if (c.hasEarlierData) lines.push(t("admin.grid.earlierData"));
    if (c.error) lines.push(c.errcode !== null ? `errcode ${c.errcode}: ${c.error}` : c.error);
    else if (c.errcode !== null) lines.push(`errcode ${c.errcode}`);
    if (c.fetchedAt) lines.push(t("admin.grid.fetchedAt", { time: when(c.fetchedAt) }));
    return lines.join("\n");
  };
}

function Legend() {
  const t = useT();
  return (
    <ul className="grid-legend" aria-label={t("admin.grid.legend")} data-testid="grid-legend">
      {LEGEND.map((s) => (
        <li key={s}>
          <span className={`cell s-${s}`} aria-hidden="true" />
          {t(`admin.status.${s}`)}
        </li>
      ))}
    </ul>
  );
}
