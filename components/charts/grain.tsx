"use client";
import { type Grain, grainOf } from "@/lib/analytics/grouping";
import { isIsoDate } from "@/lib/dates";

import { useT } from "../i18n";

/**
 * The grain of a range's trend charts (day, ISO week, month) with its x-axis labels and the
 * note saying how long ranges are drawn. Daily labels drop the year; week and month keys are short.
 */
export function useTrendGrain(from: string, to: string) {
  // A refused range draws nothing anyway (its panels show the error).
  const grain: Grain = isIsoDate(from) && isIsoDate(to) && from <= to ? grainOf(from, to) : "day";
  return { grain, formatX: (v: string | number) => (grain === "day" ? String(v).slice(5) : String(v)) };
}

export function GrainNote({ grain }: { grain: Grain }) {
  const t = useT();
  if (grain === "day") return null;
  return (
    <p className="muted small" data-testid="trend-grain" data-grain={grain}>
      {t(grain === "week" ? "range.byWeek" : "range.byMonth")}
    </p>
  );
}
