/**
 * Columns and KPI sets, each defined once: the definition that draws a page's table or cards
 * also writes its CSV/XLSX export. Pure, so the browser imports it too.
 */
import { delta } from "@/lib/analytics/metrics";

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

/** One headline figure of a period: how to read it from the period's totals. */
export interface Kpi<Totals, Id extends string = string> {
  id: Id;
  label: Header;
  format: Format;
  value: (totals: Totals) => number | null;
  /** Days with data behind the figure, on pages whose interfaces leave gaps. */
  days?: (totals: Totals) => number;
}

/** A page's headline figures: its cards and their export, compared with the previous period. */
export interface KpiSet<Totals, Id extends string = string> {
  title: Header;
  kpis: readonly Kpi<Totals, Id>[];
  /** The export's header over this period's figures (default "This period"). */
  valueHeader?: Header;
}

/** A set whose every figure says on how many days with data it stands (interfaces with gaps). */
export type CountedKpiSet<Totals, Id extends string = string> = KpiSet<Totals, Id> & {
  kpis: readonly (Kpi<Totals, Id> & { days: (totals: Totals) => number })[];
};

/** A KPI's figures, as the data view sends them. */
export interface KpiFigure<Id extends string = string> {
  metric: Id;
  value: number | null;
  previous: number | null;
  abs: number | null;
  pct: number | null;
}
interface CountedKpiFigure<Id extends string = string> extends KpiFigure<Id> {
  /** Days with data behind `value` and `previous`: a change between unequal coverage says so. */
  days: number;
  previousDays: number;
}

/** Every KPI of the set from this period's totals and the previous period's (null: nothing to compare with). */
export function kpiFigures<Totals, Id extends string>(
  set: CountedKpiSet<Totals, Id>,
  current: Totals,
  previous: Totals | null,
): CountedKpiFigure<Id>[];
export function kpiFigures<Totals, Id extends string>(
  set: KpiSet<Totals, Id>,
  current: Totals,
  previous: Totals | null,
): KpiFigure<Id>[];
export function kpiFigures<Totals, Id extends string>(
  set: KpiSet<Totals, Id>,
  current: Totals,
  previous: Totals | null,
): KpiFigure<Id>[] {
  return set.kpis.map((k) => {
    const value = k.value(current);
    const before = previous === null ? null : k.value(previous);
    const days = k.days ? { days: k.days(current), previousDays: previous === null ? 0 : k.days(previous) } : {};
    return { metric: k.id, value, previous: before, ...days, ...delta(value, before) };
  });
}

/** The KPI a figure is of. */
export const kpiNamed = <Totals, Id extends string>(set: KpiSet<Totals, Id>, id: Id) =>
  set.kpis.find((k) => k.id === id)!;

/** Every KPI set exports as the view's table "kpis". */
export const KPI_TABLE = "kpis";

/** The KPI set as an export table: one row a KPI. */
export function kpiTable<Totals, Id extends string>(
  set: KpiSet<Totals, Id>,
  figures: readonly KpiFigure<Id>[],
  label: (h: Header) => string,
): ExportTable {
  type Row = KpiFigure<Id> & Partial<CountedKpiFigure<Id>>;
  const kpiFormat = (f: Row) => kpiNamed(set, f.metric).format;
  const counted = set.kpis.some((k) => k.days);
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
    ...(counted
      ? [
          field<Row, "days">("days", "col.daysWithData", "count"),
          field<Row, "previousDays">("previousDays", "col.previousDaysWithData", "count"),
        ]
      : []),
  ];
  return exportTable({ id: KPI_TABLE, title: set.title, columns }, figures, label);
}
