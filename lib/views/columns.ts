/**
 * Columns and KPI sets, each defined once: the definition that draws a page's table or cards
 * also writes its CSV/XLSX export. Pure, so the browser imports it too.
 */
import { type Aggregate, comparePeriods, type PeriodComparison } from "@/lib/analytics/comparison";
import type { IsoDate } from "@/lib/dates";
import type { MessageId } from "@/lib/i18n/messages";

import type { ExportTable, Format, Header } from "./types";

export type Cell = string | number | null;

export type { Format };

export const isNumeric = (format: Format) => format !== "text" && format !== "date" && format !== "time";

export interface Column<Row> {
  key: string;
  header: Header;
  format: Format;
  /** The raw value: what the export writes, `data-value` carries and sorting compares. */
  value: (row: Row) => Cell;
  /** Where rows are figures of their own formats (one row a figure): the cell's format in exports. */
  cellFormat?: (row: Row) => Format;
  /** Enumerations (status, interfaces): the label shown and exported instead of the raw value. */
  label?: (row: Row) => Header;
  /** Sortable on screen; the direction of the first click. */
  sort?: "asc" | "desc";
  /** The row's name: first on screen, wherever the export puts it. */
  lead?: true;
  /** Only in the export (ids, provenance the page shows some other way). */
  screen?: false;
  /** One of the two figures a phone keeps beside the lead column; the rest are one tap away. */
  phone?: true;
}

/** One table: its export id (`?table=`), title and columns. */
export interface Table<Row> {
  id: string;
  title: Header;
  columns: readonly Column<Row>[];
}

/** `label` turns a message id or literal pair into the export's language. */
export function exportTable<Row>(table: Table<Row>, rows: readonly Row[], label: (h: Header) => string): ExportTable {
  const cell = (c: Column<Row>, row: Row) => (c.label ? label(c.label(row)) : c.value(row));
  const ownFormats = table.columns.filter((c) => c.cellFormat);
  return {
    id: table.id,
    title: table.title,
    // A label is text in the export, whatever the raw value is.
    columns: table.columns.map((c) => ({ key: c.key, header: c.header, format: c.label ? "text" : c.format })),
    rows: rows.map((row) => Object.fromEntries(table.columns.map((c) => [c.key, cell(c, row)]))),
    ...(ownFormats.length
      ? { cellFormats: rows.map((row) => Object.fromEntries(ownFormats.map((c) => [c.key, c.cellFormat!(row)]))) }
      : {}),
  };
}

/** The columns a page shows, the lead column first. */
export const screenColumns = <Row>(columns: readonly Column<Row>[]) => [
  ...columns.filter((c) => c.lead),
  ...columns.filter((c) => !c.lead && c.screen !== false),
];

/** The keys of a record whose values can be cells. */
type CellKey<Row> = { [K in keyof Row]-?: Row[K] extends Cell | undefined ? K : never }[keyof Row] & string;

/** A figure of a record by its own key: `{ key: "readers", value: (r) => r.readers }`. */
export const field = <Row, K extends CellKey<Row>>(
  key: K,
  header: Header,
  format: Format,
  more?: Partial<Column<Row>>,
): Column<Row> => ({ key, header, format, value: (row) => (row[key] ?? null) as Cell, ...more });

/**
 * Records side by side, one row a figure (`rows` are the figures' columns): the figure's name,
 * then its value in each record, a column a record. The comparison's table, an article's headline.
 */
export function figureColumns<Row>(
  header: Header,
  records: readonly { key: string; header: Header; row: Row }[],
): Column<Column<Row>>[] {
  return [
    { key: "metric", header, format: "text", value: (f) => f.key, label: (f) => f.header },
    // The export writes raw values; a page formats each row by its own figure's format.
    ...records.map(
      (r): Column<Column<Row>> => ({
        key: r.key,
        header: r.header,
        format: "count",
        value: (f) => f.value(r.row),
        cellFormat: (f) => f.format,
      }),
    ),
  ];
}

/** One headline figure of a period: its name and definition, and how to read it from the period's totals and days. */
export interface Kpi<Totals, Id extends string = string, Day = never> {
  id: Id;
  label: Header;
  /** One line: what the figure is (the card shows it on hover and focus). */
  definition: MessageId;
  format: Format;
  value: (totals: Totals) => number | null;
  /** The figure on one day of the period (null: no data that day), for a fair change. */
  daily: (day: Day) => number | null;
  /** How the days add up to the period's figure (default: summed). */
  aggregate?: Aggregate;
}

/** A page's headline figures: its cards and their export, compared with the previous period. */
export interface KpiSet<Totals, Id extends string = string, Day extends { date: IsoDate } = never> {
  title: Header;
  kpis: readonly Kpi<Totals, Id, Day>[];
  /** The export's header over this period's figures (default "This period"). */
  valueHeader?: Header;
}

/** A KPI's figures, as the data view sends them. */
export interface KpiFigure<Id extends string = string> {
  metric: Id;
  value: number | null;
  /** The whole previous period's figure. */
  previous: number | null;
  /** The change, from `comparison` (null when there is none to show). */
  abs: number | null;
  pct: number | null;
  /** Over which days the change is computed, or why there is none (lib/analytics/comparison.ts). */
  comparison: PeriodComparison;
}

/** The periods' days, day 1 first; both periods have the same length. */
export interface PeriodDays<Day> {
  current: readonly Day[];
  previous: readonly Day[];
}

/**
 * Every KPI of the set: this period's figure from its totals, the previous period's, and the fair
 * change over the days that have data in both (none when either period is incomplete).
 */
export function kpiFigures<Totals, Id extends string, Day extends { date: IsoDate }>(
  set: KpiSet<Totals, Id, Day>,
  current: Totals,
  previous: Totals | null,
  days: PeriodDays<Day>,
): KpiFigure<Id>[] {
  return set.kpis.map((k) => {
    const series = (period: readonly Day[]) => period.map((d) => ({ date: d.date, value: k.daily(d) }));
    const comparison = comparePeriods(series(days.current), series(days.previous), k.aggregate);
    return {
      metric: k.id,
      value: k.value(current),
      previous: previous === null ? null : k.value(previous),
      abs: comparison.kind === "delta" ? comparison.abs : null,
      pct: comparison.kind === "delta" ? comparison.pct : null,
      comparison,
    };
  });
}

/** The KPI a figure is of. */
export const kpiNamed = <Totals, Id extends string, Day extends { date: IsoDate }>(
  set: KpiSet<Totals, Id, Day>,
  id: Id,
) => set.kpis.find((k) => k.id === id)!;

/** Every KPI set exports as the view's table "kpis". */
export const KPI_TABLE = "kpis";

/** Why a change is missing, in the export's words. */
function comparisonNote(c: PeriodComparison): Header | null {
  if (c.kind === "incomplete" && c.reason === "historyStarts")
    return { en: `the data starts on ${c.date}`, zh: `数据从 ${c.date} 开始` };
  if (c.kind === "incomplete" && c.reason === "dataEnds")
    return { en: `the data ends on ${c.date}`, zh: `数据止于 ${c.date}` };
  if (c.kind === "incomplete") return { en: "no day has data in both periods", zh: "没有两期都有数据的日子" };
  return null;
}

/** The KPI set as an export table: one row a KPI, with the days its change covers or why there is none. */
export function kpiTable<Totals, Id extends string, Day extends { date: IsoDate }>(
  set: KpiSet<Totals, Id, Day>,
  figures: readonly KpiFigure<Id>[],
  label: (h: Header) => string,
): ExportTable {
  type Row = KpiFigure<Id>;
  const kpiFormat = (f: Row) => kpiNamed(set, f.metric).format;
  const columns: Column<Row>[] = [
    {
      key: "metric",
      header: "col.metric",
      format: "text",
      value: (f) => f.metric,
      label: (f) => kpiNamed(set, f.metric).label,
    },
    field<Row, "value">("value", set.valueHeader ?? "col.thisPeriod", "count", { cellFormat: kpiFormat }),
    field<Row, "previous">("previous", "col.previousPeriod", "count", { cellFormat: kpiFormat }),
    field<Row, "pct">("pct", "col.change", "percent"),
    {
      key: "daysCompared",
      header: "col.daysCompared",
      format: "count",
      value: (f) => (f.comparison.kind === "delta" ? f.comparison.days : null),
    },
    {
      key: "comparison",
      header: "col.comparison",
      format: "text",
      value: (f) => {
        const note = comparisonNote(f.comparison);
        return note === null ? null : label(note);
      },
    },
  ];
  return exportTable({ id: KPI_TABLE, title: set.title, columns }, figures, label);
}
