"use client";
import { Cell, Pie, PieChart, ResponsiveContainer, Tooltip } from "recharts";

import { useFormat } from "../i18n";
import { colorAt } from "./palette";

export interface SharePart {
  key: string;
  label: string;
  value: number;
}

/**
 * Parts of a whole as a ring, with each part's count and percentage listed beside it (the list
 * carries the exact figures: `data-value` the count, `data-share` the share 0..1).
 */
export function ShareRing({ parts, testId, label }: { parts: readonly SharePart[]; testId?: string; label: string }) {
  const f = useFormat();
  const total = parts.reduce((n, p) => n + p.value, 0);
  const shown = parts.filter((p) => p.value > 0);
  return (
    <div className="share-ring" data-testid={testId}>
      <div className="share-ring-chart" role="img" aria-label={label}>
        <ResponsiveContainer width="100%" height={180}>
          <PieChart>
            <Pie
              data={shown.map((p) => ({ name: p.label, value: p.value }))}
              dataKey="value"
              nameKey="name"
              innerRadius="58%"
              outerRadius="92%"
              isAnimationActive={false}
              stroke="none"
            >
              {shown.map((p) => (
                <Cell key={p.key} fill={colorAt(parts.indexOf(p))} />
              ))}
            </Pie>
            <Tooltip formatter={(v) => (typeof v === "number" ? f.number(v, 0) : String(v))} />
          </PieChart>
        </ResponsiveContainer>
      </div>
      <ul className="share-list">
        {parts.map((p, i) => (
          <li key={p.key} data-key={p.key} data-value={p.value} data-share={total > 0 ? p.value / total : ""}>
            <span className="swatch" style={{ background: colorAt(i) }} aria-hidden="true" />
            <span className="share-label">{p.label}</span>
            <span className="num">{f.number(p.value, 0)}</span>
            <span className="num muted">{total > 0 ? f.percent(p.value / total) : "–"}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
