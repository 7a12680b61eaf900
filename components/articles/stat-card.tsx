"use client";

/** A headline figure of one article (no previous period to compare with); `raw` is what tests read. */
export function StatCard({
  id,
  label,
  value,
  raw,
  hint,
}: {
  id: string;
  label: string;
  value: string;
  raw: number | null;
  hint?: string;
}) {
  return (
    <div className="kpi" data-testid={`stat-${id}`} data-value={raw ?? ""}>
      <div className="kpi-label">{label}</div>
      <div className="kpi-value">{value}</div>
      {hint ? <div className="kpi-delta muted">{hint}</div> : null}
    </div>
  );
}
