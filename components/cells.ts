"use client";
import type { Cell, Column, Format } from "@/lib/views/columns";
import type { Header } from "@/lib/views/types";

import { useFormat, useLocale, useT } from "./i18n";

/** A column's header or a figure's label in the page's language (the export's `label`, in the browser). */
export function useHeaderText() {
  const t = useT();
  const locale = useLocale();
  return (h: Header) => (typeof h === "string" ? t(h) : h[locale]);
}

/** A value as its format writes it in the reader's language; null as a dash. */
export function useFormatCell() {
  const t = useT();
  const f = useFormat();
  return (format: Format, v: Cell | undefined): string => {
    if (v == null) return "–";
    if (typeof v === "string" || format === "text" || format === "date") return String(v);
    if (format === "percent") return f.percent(v);
    if (format === "minutes") return t("unit.minutes", { n: f.number(v, 1) });
    return f.number(v, format === "decimal" ? 1 : 0);
  };
}

/** A chart's data and series from table columns, so the chart and its numbers table show what the export writes. */
export function useColumnChart() {
  const header = useHeaderText();
  return <Row>(x: Column<NoInfer<Row>>, series: readonly Column<NoInfer<Row>>[], rows: readonly Row[]) => ({
    xKey: x.key,
    series: series.map((c) => ({ key: c.key, label: header(c.header) })),
    data: rows.map((row) => Object.fromEntries([x, ...series].map((c) => [c.key, c.value(row)]))),
  });
}
