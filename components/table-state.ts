import type { Column } from "@/lib/views/columns";

/** A sortable, searchable, paged table's URL state: ?sort=readers&dir=desc&q=…&page=2 */
export interface TableState {
  sort: string;
  dir: "asc" | "desc";
  q: string;
  page: number;
}
export const PAGE_SIZE = 20;

/** The state in the URL; a column that is not sortable falls back to `defaultSort`, in its own direction. */
export function readTableState<Row>(
  search: URLSearchParams,
  columns: readonly Column<Row>[],
  defaultSort: string,
): TableState {
  const sortable = columns.filter((c) => c.sort);
  const column = sortable.find((c) => c.key === search.get("sort")) ?? sortable.find((c) => c.key === defaultSort);
  const dir = search.get("dir");
  const page = Number(search.get("page"));
  return {
    sort: column?.key ?? defaultSort,
    dir: dir === "asc" || dir === "desc" ? dir : (column?.sort ?? "desc"),
    q: (search.get("q") ?? "").slice(0, 100),
    page: Number.isInteger(page) && page >= 1 ? page : 1,
  };
}

/** Clicking a column: the first click sorts it its own way (names A→Z, figures highest first), the next turns it. */
export function sortedBy<Row>(
  state: Pick<TableState, "sort" | "dir">,
  column: Column<Row>,
): Pick<TableState, "sort" | "dir"> {
  if (state.sort === column.key) return { sort: column.key, dir: state.dir === "asc" ? "desc" : "asc" };
  return { sort: column.key, dir: column.sort ?? "desc" };
}

/** Rows in the column's order; rows without the figure sort last either way, ties keep the given order. */
export function sortRows<Row>(
  rows: readonly Row[],
  columns: readonly Column<Row>[],
  { sort, dir }: Pick<TableState, "sort" | "dir">,
): Row[] {
  const column = columns.find((c) => c.key === sort);
  if (!column) return [...rows];
  const sign = dir === "asc" ? 1 : -1;
  return rows
    .map((row, index) => ({ row, index, value: column.value(row) }))
    .sort((a, b) => {
      const x = a.value;
      const y = b.value;
      if (x == null || y == null) return x == null && y == null ? a.index - b.index : x == null ? 1 : -1;
      const c = typeof x === "string" && typeof y === "string" ? x.localeCompare(y, "zh-CN") : Number(x) - Number(y);
      return c === 0 ? a.index - b.index : sign * c;
    })
    .map(({ row }) => row);
}
