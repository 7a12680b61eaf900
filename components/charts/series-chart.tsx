"use client";
import {
  Area,
  Bar,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";

import { useFormat } from "../i18n";
import { colorAt } from "./palette";

export interface Series {
  key: string;
  label: string;
  color?: string;
  /** This series drawn otherwise than the chart's `kind` (a line over bars). */
  kind?: "bar" | "area" | "line";
  /** On a second axis at the right (another unit), labelled `rightLabel`. */
  rightAxis?: true;
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
  rightLabel?: string;
}) {
  const f = useFormat();
  const fmt = (v: unknown) => (typeof v === "number" ? f.number(v, digits) : "–");
  return (
    <div className="chart" data-testid={testId}>
      <ResponsiveContainer width="100%" height={height}>
        <ComposedChart data={data} margin={{ top: 8, right: 16, bottom: 28, left: 16 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#eef0f3" />
          <XAxis
            dataKey={xKey}
            tickFormatter={formatX}
            label={{ value: xLabel, position: "insideBottom", offset: -18, fill: "#6b7280", fontSize: 12 }}
            tick={{ fontSize: 11 }}
            minTickGap={12}
          />
          <YAxis
            tickFormatter={(v: number) => f.number(v, digits)}
            label={{
              value: yLabel,
              angle: -90,
              position: "insideLeft",
              offset: -4,
              fill: "#6b7280",
              fontSize: 12,
              style: { textAnchor: "middle" },
            }}
            tick={{ fontSize: 11 }}
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
                fill: "#6b7280",
                fontSize: 12,
                style: { textAnchor: "middle" },
              }}
              tick={{ fontSize: 11 }}
              width={48}
            />
          ) : null}
          <Tooltip
            formatter={(v) => fmt(v)}
            labelFormatter={(l) => (formatX ? formatX(l as string) : String(l as string | number))}
          />
          <Legend verticalAlign="top" height={28} wrapperStyle={{ fontSize: 12 }} itemSorter={null} />
          {series.map((s, i) => {
            const common = {
              dataKey: s.key,
              name: s.label,
              isAnimationActive: false,
              stackId: stacked && !s.rightAxis ? "stack" : undefined,
              ...(s.rightAxis ? { yAxisId: "right" } : {}),
            };
            const color = s.color ?? colorAt(i);
            const drawn = s.kind ?? kind;
            if (drawn === "area")
              return <Area key={s.key} {...common} type="monotone" stroke={color} fill={color} fillOpacity={0.35} />;
            if (drawn === "line")
              return (
                <Line key={s.key} {...common} type="monotone" stroke={color} dot={false} strokeWidth={2} connectNulls />
              );
            return <Bar key={s.key} {...common} fill={color} />;
          })}
        </ComposedChart>
      </ResponsiveContainer>
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
