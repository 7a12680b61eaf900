"use client";
import { useState } from "react";

import { safeParseIn } from "@/lib/i18n/zod";
import { dateRangeSchema, RANGE_PRESETS, type RangePreset } from "@/lib/report-params";

import { useLocale, useT } from "../i18n";
import { useReportContext, useReportState } from "./report-context";

export function DateRangePicker() {
  const t = useT();
  const locale = useLocale();
  const { today } = useReportContext();
  const state = useReportState();
  const [custom, setCustom] = useState({ from: state.from, to: state.to });
  const choose = (preset: RangePreset) =>
    preset === "custom"
      ? state.update({ range: "custom", from: state.from, to: state.to })
      : state.update({ range: preset, from: null, to: null });
  return (
    <div className="range-picker" data-testid="range-picker">
      <label>
        <span className="sr-only">{t("range.label")}</span>
        <select
          aria-label={t("range.label")}
          data-testid="range-select"
          value={state.preset}
          onChange={(e) => choose(e.target.value as RangePreset)}
        >
          {RANGE_PRESETS.map((p) => (
            <option key={p} value={p}>
              {t(`range.${p}`)}
            </option>
          ))}
        </select>
      </label>
      {state.preset === "custom" ? (
        <form
          className="range-custom"
          onSubmit={(e) => {
            e.preventDefault();
            state.update({ range: "custom", from: custom.from, to: custom.to });
          }}
        >
          <input
            type="date"
            aria-label={t("range.from")}
            value={custom.from}
            max={custom.to}
            onChange={(e) => setCustom({ ...custom, from: e.target.value })}
          />
          <input
            type="date"
            aria-label={t("range.to")}
            value={custom.to}
            min={custom.from}
            max={today}
            onChange={(e) => setCustom({ ...custom, to: e.target.value })}
          />
          <button type="submit">{t("range.apply")}</button>
        </form>
      ) : null}
      <span className="range-summary" data-testid="range-summary">
        {t("range.summary", { from: state.from, to: state.to })}
      </span>
      {state.rangeValid ? null : (
        <p className="range-error error" role="alert" data-testid="range-error">
          {t("range.invalid", {
            problems: rangeProblems(state, locale)
              .map((p) => `${t(p.field === "to" ? "range.to" : "range.from")}: ${p.message}`)
              .join("; "),
          })}
        </p>
      )}
    </div>
  );
}

/** The date rule's messages for a refused range, in the reader's language. */
function rangeProblems(range: { from: string; to: string }, locale: ReturnType<typeof useLocale>) {
  const parsed = safeParseIn(dateRangeSchema, { from: range.from, to: range.to }, locale);
  return (parsed.error?.issues ?? []).map((i) => ({ field: i.path[0], message: i.message }));
}
