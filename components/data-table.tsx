"use client";
import { Fragment, type ReactNode, useState } from "react";

import { type Column, isNumeric, screenColumns } from "@/lib/views/columns";

import { useFormatCell, useHeaderText } from "./cells";
import { useT } from "./i18n";
import type { TableState } from "./table-state";

/**
 * A table drawn from its column definitions (the same ones its export writes): the lead column
 * first, numbers right-aligned with their raw value in `data-value`, sortable headers when
 * `onSort` is given. On a phone, when some columns are marked `phone`, only the lead column and
 * those stay; a "More" button under the lead opens the row's other figures.
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
  total,
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
  /** A totals row under the body, drawn from the same columns (its lead cell names it). */
  total?: Row;
  className?: string;
  testId?: string;
}) {
  const t = useT();
  const header = useHeaderText();
  const format = useFormatCell();
  const shown = screenColumns(columns);
  const hasMore = shown.some((c) => c.phone);
  const isMore = (c: Column<Row>) => hasMore && !c.lead && !c.phone;
  const more = shown.filter(isMore);
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const toggle = (key: string) =>
    setOpen((keys) => {
      const next = new Set(keys);
      if (!next.delete(key)) next.add(key);
      return next;
    });
  const colClass = (c: Column<Row>, base?: string) =>
    [base, isMore(c) ? "col-more" : undefined].filter(Boolean).join(" ") || undefined;
  /** A body or totals cell's class and its raw figure (data-value) for tests and tools. */
  const cellAttributes = (c: Column<Row>, row: Row) => {
    const numeric = isNumeric(c.format);
    const value = c.value(row);
    return {
      className: colClass(c, numeric ? "num" : c.lead ? "lead-cell" : undefined),
      "data-key": c.key,
      "data-value": numeric ? (value ?? "") : undefined,
    };
  };
  const arrow = (key: string) => (sort?.sort === key ? (sort.dir === "asc" ? " ▲" : " ▼") : "");
  return (
    <table className={[className, hasMore ? "has-more" : undefined].filter(Boolean).join(" ")} data-testid={testId}>
      <thead>
        <tr>
          {before ? <th>{before.header}</th> : null}
          {shown.map((c) => (
            <th
              key={c.key}
              className={colClass(c, isNumeric(c.format) ? "num" : undefined)}
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
        {rows.map((row) => {
          const key = rowKey(row);
          const drawn = (c: Column<Row>) =>
            cell?.(c, row) ?? (c.label ? header(c.label(row)) : format(c.format, c.value(row)));
          return (
            <tr key={key} data-testid={rowTestId?.(row)}>
              {before ? <td className="pick-cell">{before.cell(row)}</td> : null}
              {shown.map((c) => {
                return (
                  <td key={c.key} {...cellAttributes(c, row)}>
                    {drawn(c)}
                    {c.lead && more.length ? (
                      <>
                        <div>
                          <button
                            type="button"
                            className="more-toggle link"
                            aria-expanded={open.has(key)}
                            aria-controls={`more-${key}`}
                            onClick={() => toggle(key)}
                            data-testid="row-more-toggle"
                          >
                            {t(open.has(key) ? "ui.less" : "ui.more")}
                          </button>
                        </div>
                        <dl id={`more-${key}`} className={open.has(key) ? "row-more open" : "row-more"}>
                          {more.map((m) => (
                            <Fragment key={m.key}>
                              <dt>{header(m.header)}</dt>
                              <dd>{drawn(m)}</dd>
                            </Fragment>
                          ))}
                        </dl>
                      </>
                    ) : null}
                  </td>
                );
              })}
            </tr>
          );
        })}
      </tbody>
      {total === undefined ? null : (
        <tfoot>
          <tr data-testid={testId ? `${testId}-total` : undefined}>
            {before ? <td /> : null}
            {shown.map((c) => {
              return (
                <td key={c.key} {...cellAttributes(c, total)}>
                  {cell?.(c, total) ?? (c.label ? header(c.label(total)) : format(c.format, c.value(total)))}
                </td>
              );
            })}
          </tr>
        </tfoot>
      )}
    </table>
  );
}
