"use client";
import type { ReactNode } from "react";

import { type Column, isNumeric, screenColumns } from "@/lib/views/columns";

import { useFormatCell, useHeaderText } from "./cells";
import type { TableState } from "./table-state";

/**
 * A table drawn from its column definitions (the same ones its export writes): the lead column
 * first, numbers right-aligned with their raw value in `data-value`, sortable headers when
 * `onSort` is given.
 */
export function DataTable<Row>({
  columns,
  rows,
  rowKey,
  rowTestId,
  sort,
  onSort,
  cell,
  before,
  empty,
  className,
  testId,
}: {
  columns: readonly Column<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  rowTestId?: (row: Row) => string;
  sort?: Pick<TableState, "sort" | "dir">;
  onSort?: (column: Column<Row>) => void;
  /** A cell drawn differently (a link, a badge); undefined draws the formatted value. */
  cell?: (column: Column<Row>, row: Row) => ReactNode | undefined;
  /** A column ahead of the data (e.g. a checkbox to pick the row). */
  before?: { header: ReactNode; cell: (row: Row) => ReactNode };
  /** What the body says when there are no rows. */
  empty?: ReactNode;
  className?: string;
  testId?: string;
}) {
  const header = useHeaderText();
  const format = useFormatCell();
  const shown = screenColumns(columns);
  const arrow = (key: string) => (sort?.sort === key ? (sort.dir === "asc" ? " ▲" : " ▼") : "");
  return (
    <table className={className} data-testid={testId}>
      <thead>
        <tr>
          {before ? <th>{before.header}</th> : null}
          {shown.map((c) => (
            <th
              key={c.key}
              className={isNumeric(c.format) ? "num" : undefined}
              aria-sort={sort?.sort === c.key ? (sort.dir === "asc" ? "ascending" : "descending") : undefined}
            >
              {onSort && c.sort ? (
                <button type="button" className="sort" onClick={() => onSort(c)} data-testid={`sort-${c.key}`}>
                  {header(c.header)}
                  <span aria-hidden="true">{arrow(c.key)}</span>
                </button>
              ) : (
                header(c.header)
              )}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 && empty ? (
          <tr>
            <td colSpan={shown.length + (before ? 1 : 0)} className="muted">
              {empty}
            </td>
          </tr>
        ) : null}
        {rows.map((row) => (
          <tr key={rowKey(row)} data-testid={rowTestId?.(row)}>
            {before ? <td>{before.cell(row)}</td> : null}
            {shown.map((c) => {
              const value = c.value(row);
              const numeric = isNumeric(c.format);
              return (
                <td
                  key={c.key}
                  className={numeric ? "num" : c.lead ? "lead-cell" : undefined}
                  data-key={c.key}
                  data-value={numeric ? (value ?? "") : undefined}
                >
                  {cell?.(c, row) ?? (c.label ? header(c.label(row)) : format(c.format, value))}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
