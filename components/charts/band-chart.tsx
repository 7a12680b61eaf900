"use client";
import { Area, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

import { useFormat } from "../i18n";

export interface BandPoint {
  day: number;
  /** The article's own figure; null on days it has none. */
  value: number | null;
  p10: number | null;
  p25: number | null;
  p50: number | null;
  p75: number | null;
  p90: number | null;
}

const BAND_COLOR = "#1677ff";
const LINE_COLOR = "#07c160";

/**
 * One cumulative curve over the band of its peers: 10–90% light, 25–75% darker, the median
 * dashed; the numbers as a table underneath.
 */
export function BandChart({
  data,
  labels,
  xLabel,
  yLabel,
  tableLabel,
  testId,
  height = 240,
}: {
  data: BandPoint[];
  labels: { value: string; median: string; p25_75: string; p10_90: string };
  xLabel: string;
  yLabel: string;
  tableLabel: string;
  testId: string;
  height?: number;
}) {
  const f = useFormat();
  const fmt = (v: unknown) =>
    Array.isArray(v)
      ? v.map((x) => (typeof x === "number" ? f.number(x) : "–")).join(" – ")
      : typeof v === "number"
        ? f.number(v)
        : "–";
  const rows = data.map((p) => ({
    ...p,
    r10_90: p.p10 == null || p.p90 == null ? null : [p.p10, p.p90],
    r25_75: p.p25 == null || p.p75 == null ? null : [p.p25, p.p75],
  }));
  const columns = ["value", "p10", "p25", "p50", "p75", "p90"] as const;
  const header = { value: labels.value, p10: "10%", p25: "25%", p50: labels.median, p75: "75%", p90: "90%" };
  return (
    <div className="chart" data-testid={testId}>
      <ResponsiveContainer width="100%" height={height}>
        <ComposedChart data={rows} margin={{ top: 8, right: 16, bottom: 28, left: 16 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#eef0f3" />
          <XAxis
            dataKey="day"
            label={{ value: xLabel, position: "insideBottom", offset: -18, fill: "#6b7280", fontSize: 12 }}
            tick={{ fontSize: 11 }}
          />
          <YAxis
            tickFormatter={(v: number) => f.number(v)}
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
          <Tooltip formatter={(v) => fmt(v)} />
          <Legend verticalAlign="top" height={28} wrapperStyle={{ fontSize: 12 }} />
          <Area
            dataKey="r10_90"
            name={labels.p10_90}
            stroke="none"
            fill={BAND_COLOR}
            fillOpacity={0.12}
            isAnimationActive={false}
            connectNulls
          />
          <Area
            dataKey="r25_75"
            name={labels.p25_75}
            stroke="none"
            fill={BAND_COLOR}
            fillOpacity={0.28}
            isAnimationActive={false}
            connectNulls
          />
          <Line
            dataKey="p50"
            name={labels.median}
            stroke={BAND_COLOR}
            strokeDasharray="5 4"
            dot={false}
            isAnimationActive={false}
            connectNulls
          />
          <Line
            dataKey="value"
            name={labels.value}
            stroke={LINE_COLOR}
            strokeWidth={2.5}
            dot={{ r: 2 }}
            isAnimationActive={false}
            connectNulls
          />
        </ComposedChart>
      </ResponsiveContainer>
      <details className="chart-table">
        <summary>{tableLabel}</summary>
        <table data-testid={`${testId}-table`}>
          <thead>
            <tr>
              <th>{xLabel}</th>
              {columns.map((c) => (
                <th key={c} className="num">
                  {header[c]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {data.map((row) => (
              <tr key={row.day}>
                <td>{row.day}</td>
                {columns.map((c) => (
                  <td key={c} className="num" data-key={c} data-value={row[c] ?? ""}>
                    {fmt(row[c])}
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
