"use client";
import type { UseQueryResult } from "@tanstack/react-query";
import { type ReactNode, useId } from "react";

import type { PeriodComparison } from "@/lib/analytics/comparison";
import type { IsoDate } from "@/lib/dates";
import type { ViewName } from "@/lib/views";
import { type Cell, type Format, KPI_TABLE, type KpiFigure, type KpiSet } from "@/lib/views/columns";

import { useFormatCell, useHeaderText } from "./cells";
import { ExportMenu } from "./export-menu";
import type { ViewParams } from "./hooks/use-view";
import { useFormat, useT } from "./i18n";
import { Panel } from "./panel";

/**
 * A headline figure; with a comparison, its change against the previous period over the days
 * with data in both, or why there is none. With a definition, the label is focusable and the
 * definition shows on hover and focus (and is the label's accessible description). `data-value`,
 * `data-previous` and `data-delta-*` carry the raw figures for tests.
 */
export function FigureCard({
  testId,
  label,
  definition,
  format,
  value,
  change,
  hint,
}: {
  testId: string;
  label: string;
  definition?: string;
  format: Format;
  value: Cell;
  change?: { previous: number | null; comparison: PeriodComparison };
  hint?: string;
}) {
  const cell = useFormatCell();
  const comparison = change?.comparison;
  return (
    <div
      className="kpi"
      data-testid={testId}
      data-value={value ?? ""}
      data-previous={change ? (change.previous ?? "") : undefined}
      data-comparison={
        comparison ? (comparison.kind === "incomplete" ? comparison.reason : comparison.kind) : undefined
      }
      data-delta-pct={comparison?.kind === "delta" ? (comparison.pct ?? "") : undefined}
      data-delta-days={comparison?.kind === "delta" ? comparison.days : undefined}
    >
      <FigureLabel testId={testId} label={label} definition={definition} />
      <div className="kpi-value">{cell(format, value)}</div>
      {comparison ? (
        <Change format={format} comparison={comparison} />
      ) : hint ? (
        <div className="kpi-delta muted">{hint}</div>
      ) : null}
    </div>
  );
}

/** The figure's name; with a definition, a focusable term whose tooltip (and description) is the definition. */
export function FigureLabel({ testId, label, definition }: { testId: string; label: string; definition?: string }) {
  const id = `${useId()}-def`;
  if (!definition) return <div className="kpi-label">{label}</div>;
  return (
    <div className="kpi-label kpi-term">
      <span tabIndex={0} aria-describedby={id} data-testid={`${testId}-label`}>
        {label}
      </span>
      <span role="tooltip" id={id} className="kpi-definition" data-testid={`${testId}-definition`}>
        {definition}
      </span>
    </div>
  );
}

function Change({ format, comparison }: { format: Format; comparison: PeriodComparison }) {
  const t = useT();
  const f = useFormat();
  const cell = useFormatCell();
  if (comparison.kind === "none") return <div className="kpi-delta flat">{t("delta.none")}</div>;
  if (comparison.kind === "incomplete")
    return (
      <div className="kpi-delta flat muted" data-testid="kpi-incomplete">
        {comparison.reason === "noCommonDays"
          ? t("delta.incomplete.noCommonDays")
          : t(`delta.incomplete.${comparison.reason}`, { date: comparison.date })}
      </div>
    );
  const { pct, previous, days } = comparison;
  const direction = pct == null ? "flat" : pct > 0 ? "up" : pct < 0 ? "down" : "flat";
  return (
    <div className={`kpi-delta ${direction}`}>
      {pct == null ? "–" : `${pct > 0 ? "▲" : pct < 0 ? "▼" : "•"} ${f.percent(Math.abs(pct))}`}
      <span className="muted"> ({cell(format, previous)})</span>
      <div className="muted kpi-days">{t("delta.days", { days })}</div>
    </div>
  );
}

/** A page's KPI cards, in the set's order; `show` leaves out figures the page has nothing to say about. */
function KpiCards<Totals, Day extends { date: IsoDate }, F extends KpiFigure>({
  set,
  figures,
  show,
}: {
  set: KpiSet<Totals, string, Day>;
  figures: readonly F[];
  show?: (figure: F) => boolean;
}) {
  const header = useHeaderText();
  const t = useT();
  return (
    <div className="kpis">
      {set.kpis.map((k) => {
        const figure = figures.find((f) => f.metric === k.id);
        if (!figure || (show && !show(figure))) return null;
        return (
          <FigureCard
            key={k.id}
            testId={`kpi-${k.id}`}
            label={header(k.label)}
            definition={t(k.definition)}
            format={k.format}
            value={figure.value}
            change={figure}
          />
        );
      })}
    </div>
  );
}

/**
 * A view's KPI panel: the set's title, its cards, its export (while there are figures), and the
 * page's notes under the cards.
 */
export function KpiPanel<Totals, Day extends { date: IsoDate }, D extends { kpis: readonly KpiFigure[] }>({
  view,
  params,
  set,
  query,
  show,
  isEmpty,
  emptyText,
  children,
}: {
  view: ViewName;
  params: ViewParams;
  set: KpiSet<Totals, string, Day>;
  query: Pick<UseQueryResult<D>, "data" | "error" | "isPending" | "refetch">;
  show?: (figure: D["kpis"][number]) => boolean;
  isEmpty?: (data: D) => boolean;
  emptyText?: ReactNode;
  children?: (data: D) => ReactNode;
}) {
  const header = useHeaderText();
  const hasFigures = query.data !== undefined && !isEmpty?.(query.data);
  return (
    <Panel
      title={header(set.title)}
      query={query}
      testId={`${view}-kpis`}
      isEmpty={isEmpty}
      emptyText={emptyText}
      actions={hasFigures ? <ExportMenu view={view} params={params} table={KPI_TABLE} /> : null}
    >
      {(d) => (
        <>
          <KpiCards set={set} figures={d.kpis} show={show} />
          {children?.(d)}
        </>
      )}
    </Panel>
  );
}
