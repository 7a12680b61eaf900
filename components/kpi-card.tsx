"use client";
import { useFormat, useT } from "./i18n";

/** A headline figure with its change against the previous period of the same length. */
export function KpiCard({
  id,
  label,
  value,
  previous,
  pct,
}: {
  id: string;
  label: string;
  value: number | null;
  previous: number | null;
  pct: number | null;
}) {
  const t = useT();
  const f = useFormat();
  const direction = pct == null ? "flat" : pct > 0 ? "up" : pct < 0 ? "down" : "flat";
  return (
    <div className="kpi" data-testid={`kpi-${id}`} data-value={value ?? ""} data-previous={previous ?? ""}>
      <div className="kpi-label">{label}</div>
      <div className="kpi-value">{f.number(value)}</div>
      <div className={`kpi-delta ${direction}`}>
        {pct == null ? t("delta.none") : `${pct > 0 ? "▲" : pct < 0 ? "▼" : "•"} ${f.percent(Math.abs(pct))}`}
        {previous != null ? <span className="muted"> ({f.number(previous)})</span> : null}
      </div>
    </div>
  );
}
