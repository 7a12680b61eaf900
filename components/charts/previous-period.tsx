"use client";
import { useState } from "react";

import { useT } from "../i18n";
import type { Series } from "./series-chart";

/**
 * The trend's "previous period" switch: a checkbox, and (while it is on) the faint dashed series
 * to add under the key `previous`, day i of the previous period beside day i of this one.
 */
export function usePreviousPeriod(testId: string) {
  const t = useT();
  const [shown, setShown] = useState(false);
  const toggle = (
    <label className="small">
      <input type="checkbox" data-testid={testId} checked={shown} onChange={(e) => setShown(e.target.checked)} />{" "}
      {t("trend.showPrevious")}
    </label>
  );
  return {
    toggle,
    /** The `previous` field of day i's chart row (none while the switch is off). */
    field: (values: (number | null)[], i: number): { previous?: number | null } =>
      shown ? { previous: values[i] ?? null } : {},
    series: (label: string): Series[] =>
      shown ? [{ key: "previous", label, color: "var(--muted)", faint: true }] : [],
  };
}
