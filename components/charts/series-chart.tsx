"use client";
import { Area, Bar, CartesianGrid, ComposedChart, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

import { useFormat, useT } from "../i18n";
import { CHART_AXIS, CHART_GRID, colorAt } from "./palette";

export interface Series {
  key: string;
  label: string;
  color?: string;
  /** This series drawn otherwise than the chart's `kind` (a line over bars). */
  kind?: "bar" | "area" | "line";
  /** On a second axis at the right (another unit), labelled `rightLabel`. */
  rightAxis?: true;
  /** A faint dashed line for reference (the previous period): outside any stack and the tooltip's total. */
  faint?: true;
}

/**
 * Bars, stacked areas or lines over a category axis (dates, hours, days since send), with
 * labelled axes and the data as a table underneath for anyone who needs the exact numbers.
 */
export function SeriesChart({
  data,
  xKey,
  series,
  kind = "bar",
  stacked = false,
  xLabel,
  yLabel,
  height = 320,
  digits = 0,
  testId,
  tableLabel,
  formatX,
  total,
  rightLabel,
}: {
  data: Record<string, string | number | null>[];
  xKey: string;
  series: Series[];
  kind?: "bar" | "area" | "line";
  stacked?: boolean;
  xLabel: string;
  yLabel: string;
  height?: number;
  digits?: number;
  testId?: string;
  tableLabel?: string;
  formatX?: (v: string | number) => string;
  /** The tooltip ends with the series' sum (default: several series that are not separate lines). */
  total?: boolean;
  rightLabel?: string;
}) {
  const t = useT();
  const f = useFormat();
  const fmt = (v: unknown) => (typeof v === "number" ? f.number(v, digits) : "–");
  const withTotal = total ?? (series.length > 1 && kind !== "line");
  const colors = series.map((s, i) => s.color ?? colorAt(i));
  const label = (l: unknown) => (formatX ? formatX(l as string) : String(l as string | number));
  return (
    <div className="chart" data-testid={testId}>
      <ResponsiveContainer width="100%" height={height}>
        <ComposedChart data={data} margin={{ top: 8, right: 16, bottom: 28, left: 16 }}>
          <CartesianGrid strokeDasharray="3 3" stroke={CHART_GRID} />
          <XAxis
            dataKey={xKey}
            tickFormatter={formatX}
            label={{ value: xLabel, position: "insideBottom", offset: -18, fill: CHART_AXIS, fontSize: 12 }}
            tick={{ fontSize: 11, fill: CHART_AXIS }}
            stroke={CHART_GRID}
            minTickGap={12}
          />
          <YAxis
            tickFormatter={(v: number) => f.number(v, digits)}
            label={{
              value: yLabel,
              angle: -90,
              position: "insideLeft",
              offset: -4,
              fill: CHART_AXIS,
              fontSize: 12,
              style: { textAnchor: "middle" },
            }}
            tick={{ fontSize: 11, fill: CHART_AXIS }}
            stroke={CHART_GRID}
            width={64}
          />
          {series.some((s) => s.rightAxis) ? (
            <YAxis
              yAxisId="right"
              orientation="right"
              allowDecimals={false}
              label={{
                value: rightLabel,
                angle: 90,
                position: "insideRight",
                fill: CHART_AXIS,
                fontSize: 12,
                style: { textAnchor: "middle" },
              }}
              tick={{ fontSize: 11 }}
              width={48}
            />
          ) : null}
          <Tooltip
            cursor={{ fill: "var(--subtle)", stroke: CHART_GRID }}
            content={({ active, payload, label: at }) =>
              active && payload?.length ? (
                <ChartTooltip
                  title={label(at)}
                  // Legend order, whatever order Recharts stacked them in.
                  rows={series.map((s, i) => ({
                    key: s.key,
                    label: s.label,
                    color: colors[i]!,
                    value: payload.find((p) => p.dataKey === s.key)?.value,
                  }))}
                  total={withTotal ? { label: t("ui.total"), digits } : undefined}
                  outsideTotal={series.filter((s) => s.faint).map((s) => s.key)}
                  format={fmt}
                />
              ) : null
            }
          />
          {series.map((s, i) => {
            const common = {
              dataKey: s.key,
              name: s.label,
              isAnimationActive: false,
              stackId: stacked && !s.rightAxis && !s.faint ? "stack" : undefined,
              ...(s.rightAxis ? { yAxisId: "right" } : {}),
            };
            const color = colors[i]!;
            const drawn = s.kind ?? kind;
            if (s.faint)
              return (
                <Line
                  key={s.key}
                  {...common}
                  type="monotone"
                  stroke={color}
                  strokeOpacity={0.5}
                  strokeDasharray="4 3"
                  dot={false}
                  strokeWidth={1.5}
                  connectNulls
                />
              );
            if (drawn === "area")
              return <Area key={s.key} {...common} type="monotone" stroke={color} fill={color} fillOpacity={0.35} />;
            if (drawn === "line") {
              // A series with one figure is a line of length zero: draw that point as a dot.
              const single = data.filter((row) => typeof row[s.key] === "number").length === 1;
              return (
                <Line
                  key={s.key}
                  {...common}
                  type="monotone"
                  stroke={color}
                  dot={single ? { r: 4, fill: color, stroke: color } : false}
                  strokeWidth={2}
                  connectNulls
                />
              );
            }
            return <Bar key={s.key} {...common} fill={color} />;
          })}
        </ComposedChart>
      </ResponsiveContainer>
      {series.length > 1 ? (
        <ul className="chart-legend" data-testid={testId ? `${testId}-legend` : undefined}>
          {series.map((s, i) => (
            <li key={s.key} data-key={s.key}>
              <span className="swatch" style={{ background: colors[i] }} aria-hidden="true" />
              {s.label}
            </li>
          ))}
        </ul>
      ) : null}
      <details className="chart-table">
        <summary>{tableLabel ?? "Data"}</summary>
        <table data-testid={testId ? `${testId}-table` : undefined}>
          <thead>
            <tr>
              <th>{xLabel}</th>
              {series.map((s) => (
                <th key={s.key} className="num">
                  {s.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {data.map((row, i) => (
              <tr key={i}>
                <td>{formatX ? formatX(row[xKey] as string) : row[xKey]}</td>
                {series.map((s) => (
                  <td key={s.key} className="num" data-key={s.key} data-value={row[s.key] ?? ""}>
                    {fmt(row[s.key])}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </div>
  );
}

/** The tooltip: the point's label, each series in legend order with its swatch, then the total. */
function ChartTooltip({
  title,
  rows,
  total,
  outsideTotal = [],
  format,
}: {
  title: string;
  rows: { key: string; label: string; color: string; value: unknown }[];
  total?: { label: string; digits: number };
  /** Series shown but not added to the total (a reference line). */
  outsideTotal?: string[];
  format: (v: unknown) => string;
}) {
  const values = rows
    .filter((r) => !outsideTotal.includes(r.key))
    .map((r) => r.value)
    .filter((v): v is number => typeof v === "number");
  return (
    <div className="chart-tooltip" data-testid="chart-tooltip">
      <div className="chart-tooltip-title">{title}</div>
      <table>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key} data-key={r.key}>
              <th scope="row">
                <span className="swatch" style={{ background: r.color }} aria-hidden="true" /> {r.label}
              </th>
              <td className="num">{format(r.value)}</td>
            </tr>
          ))}
          {total ? (
            <tr className="chart-tooltip-total" data-key="total">
              <th scope="row">{total.label}</th>
              <td className="num">{format(values.length ? values.reduce((a, b) => a + b, 0) : null)}</td>
            </tr>
          ) : null}
        </tbody>
      </table>
    </div>
  );
}
