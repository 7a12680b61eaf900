"use client";
import { Line, LineChart, YAxis } from "recharts";

/**
 * A small line of daily values; decorative (aria-hidden, and without recharts' keyboard layer, which
 * would make the hidden chart focusable): the numbers are in `label`, as title and for screen readers.
 */
export function Sparkline({ values, label }: { values: readonly (number | null)[]; label: string }) {
  const data = values.map((v, i) => ({ i, v }));
  return (
    <span className="sparkline" title={label}>
      <span aria-hidden="true">
        <LineChart
          width={90}
          height={28}
          data={data}
          margin={{ top: 2, right: 2, bottom: 2, left: 2 }}
          accessibilityLayer={false}
        >
          <YAxis hide domain={["dataMin", "dataMax"]} />
          <Line
            type="monotone"
            dataKey="v"
            stroke="var(--chart-1)"
            strokeWidth={1.5}
            dot={false}
            isAnimationActive={false}
            connectNulls
          />
        </LineChart>
      </span>
      <span className="sr-only">{label}</span>
    </span>
  );
}
