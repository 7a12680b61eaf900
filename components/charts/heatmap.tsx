"use client";
import { useFormat } from "../i18n";

export interface HeatmapAxisItem {
  key: number | string;
  label: string;
}

/** Sequential scale from the scheme's pale to its strong heat colour (CSS variables); t in [0, 1]. */
export function heatColor(t: number): string {
  const pct = Math.round(Math.min(1, Math.max(0, t)) * 100);
  return `color-mix(in oklab, var(--heat-high) ${pct}%, var(--heat-low))`;
}

/**
 * A grid of coloured cells (rows × columns) with a colour legend. Every cell carries its
 * number in `data-value` and a `title` tooltip; a null cell means no data and is hatched.
 */
export function Heatmap({
  rows,
  columns,
  value,
  cellTitle,
  rowAxisLabel,
  columnAxisLabel,
  legendLabel,
  noDataLabel,
  digits = 0,
  testId,
}: {
  rows: HeatmapAxisItem[];
  columns: HeatmapAxisItem[];
  value: (row: HeatmapAxisItem, column: HeatmapAxisItem) => number | null;
  cellTitle: (row: HeatmapAxisItem, column: HeatmapAxisItem, value: number | null) => string;
  rowAxisLabel: string;
  columnAxisLabel: string;
  legendLabel: string;
  noDataLabel: string;
  digits?: number;
  testId?: string;
}) {
  const f = useFormat();
  const values = rows.flatMap((r) => columns.map((c) => value(r, c))).filter((v): v is number => v !== null);
  const max = values.length ? Math.max(...values) : 0;
  const hasMissing = values.length < rows.length * columns.length;
  return (
    <div className="heatmap" data-testid={testId}>
      {/* Scrolls sideways on a phone: focusable so a keyboard can scroll it too. */}
      <div className="heatmap-scroll" tabIndex={0} role="region" aria-label={`${rowAxisLabel} × ${columnAxisLabel}`}>
        <table>
          <thead>
            <tr>
              <th scope="col" className="heatmap-corner">
                {rowAxisLabel}
              </th>
              {columns.map((c) => (
                <th scope="col" key={c.key}>
                  {c.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key}>
                <th scope="row">{r.label}</th>
                {columns.map((c) => {
                  const v = value(r, c);
                  return (
                    <td
                      key={c.key}
                      className={v === null ? "nodata" : undefined}
                      style={v === null ? undefined : { background: heatColor(max > 0 ? v / max : 0) }}
                      title={cellTitle(r, c, v)}
                      data-row={r.key}
                      data-column={c.key}
                      data-value={v ?? ""}
                    />
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="heatmap-axis">{columnAxisLabel}</div>
      <div className="heatmap-legend" data-testid={testId ? `${testId}-legend` : undefined}>
        <span>{legendLabel}</span>
        <span className="num">{f.number(0)}</span>
        <span
          className="heatmap-ramp"
          style={{ background: `linear-gradient(to right, ${heatColor(0)}, ${heatColor(0.5)}, ${heatColor(1)})` }}
        />
        <span className="num" data-testid={testId ? `${testId}-max` : undefined} data-value={max}>
          {f.number(max, digits)}
        </span>
        {hasMissing ? (
          <>
            <span className="heatmap-swatch nodata" />
            <span>{noDataLabel}</span>
          </>
        ) : null}
      </div>
    </div>
  );
}
