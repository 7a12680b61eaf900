import type { ArticleRow } from "@/lib/views/articles";

/** The articles table's URL state: ?sort=readers&dir=desc&q=…&page=2 */
export const SORT_KEYS = [
  "title",
  "sendDate",
  "position",
  "delivered",
  "readers",
  "readRate",
  "sharers",
  "shareRate",
  "favourites",
] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export const PAGE_SIZE = 20;

export interface TableState {
  sort: SortKey;
  dir: "asc" | "desc";
  q: string;
  page: number;
}

export function readTableState(search: URLSearchParams): TableState {
  const sort = (SORT_KEYS as readonly string[]).includes(search.get("sort") ?? "")
    ? (search.get("sort") as SortKey)
    : "sendDate";
  const dir =
    search.get("dir") === "asc"
      ? "asc"
      : search.get("dir") === "desc"
        ? "desc"
        : sort === "title" || sort === "position"
          ? "asc"
          : "desc";
  const page = Number(search.get("page"));
  return { sort, dir, q: (search.get("q") ?? "").slice(0, 100), page: Number.isInteger(page) && page >= 1 ? page : 1 };
}

/** Filter by title or msgid, then sort; articles without the figure sort last either way. */
export function filterAndSort(
  rows: ArticleRow[],
  { sort, dir, q }: Pick<TableState, "sort" | "dir" | "q">,
): ArticleRow[] {
  const needle = q.trim().toLowerCase();
  const kept = needle ? rows.filter((r) => r.title.toLowerCase().includes(needle) || r.msgid.includes(needle)) : rows;
  const sign = dir === "asc" ? 1 : -1;
  // Ties keep the view's order (newest send first, then position).
  return kept
    .map((row, index) => ({ row, index }))
    .sort((a, b) => {
      const x = a.row[sort];
      const y = b.row[sort];
      if (x == null || y == null) return x == null && y == null ? a.index - b.index : x == null ? 1 : -1;
      const c = typeof x === "string" && typeof y === "string" ? x.localeCompare(y, "zh-CN") : Number(x) - Number(y);
      return c === 0 ? a.index - b.index : sign * c;
    })
    .map(({ row }) => row);
}
