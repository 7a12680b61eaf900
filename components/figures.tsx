"use client";
import type { UseQueryResult } from "@tanstack/react-query";
import type { ReactNode } from "react";

import type { ViewName } from "@/lib/views";
import { type Cell, type Format, KPI_TABLE, type KpiFigure, type KpiSet } from "@/lib/views/columns";

import { useFormatCell, useHeaderText } from "./cells";
import { ExportMenu } from "./export-menu";
import type { ViewParams } from "./hooks/use-view";
import { useFormat, useT } from "./i18n";
import { Panel } from "./panel";

/**
 * A headline figure; with a previous period, its change against it. `data-value` (and
 * `data-previous`) carry the raw figures for tests.
 */
export function FigureCard({
  testId,
  label,
  format,
  value,
  change,
  hint,
}: {
  testId: string;
  label: string;
  format: Format;
  value: Cell;
  change?: { previous: number | null; pct: number | null };
  hint?: string;
}) {
  const cell = useFormatCell();
  return (
    <div
      className="kpi"
      data-testid={testId}
      data-value={value ?? ""}
      data-previous={change ? (change.previous ?? "") : undefined}
    >
      <div className="kpi-label">{label}</div>
      <div className="kpi-value">{cell(format, value)}</div>
      {change ? <Change format={format} {...change} /> : hint ? <div className="kpi-delta muted">{hint}</div> : null}
    </div>
  );
}

function Change({ format, previous, pct }: { format: Format; previous: number | null; pct: number | null }) {
  const t = useT();
  const f = useFormat();
  const cell = useFormatCell();
  const direction = pct == null ? "flat" : pct > 0 ? "up" : pct < 0 ? "down" : "flat";
  return (
    <div className={`kpi-delta ${direction}`}>
      {pct == null ? t("delta.none") : `${pct > 0 ? "▲" : pct < 0 ? "▼" : "•"} ${f.percent(Math.abs(pct))}`}
      {previous != null ? <span className="muted"> ({cell(format, previous)})</span> : null}
    </div>
  );
}

/** A page's KPI cards, in the set's order; `show` leaves out figures the page has nothing to say about. */
function KpiCards<Totals, F extends KpiFigure>({
  set,
  figures,
  show,
}: {
  set: KpiSet<Totals>;
  figures: readonly F[];
  show?: (figure: F) => boolean;
}) {
  const header = useHeaderText();
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
export function KpiPanel<Totals, D extends { kpis: readonly KpiFigure[] }>({
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
  set: KpiSet<Totals>;
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
