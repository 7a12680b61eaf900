"use client";
import Link from "next/link";
import { useEffect, useState } from "react";

import type { MessageId } from "@/lib/i18n/messages";
import { COMPARE_MAX, compareItemId } from "@/lib/views/article-params";
import type { ArticleRow } from "@/lib/views/articles";

import { ExportMenu } from "../export-menu";
import { useArticles } from "../hooks/queries";
import { useFormat, useT } from "../i18n";
import { KpiCard } from "../kpi-card";
import { Panel } from "../panel";
import { useReportState } from "../shell/report-context";
import { GenerationBadge } from "./generation-badge";
import { filterAndSort, PAGE_SIZE, readTableState, type SortKey } from "./table-state";

interface Selected {
  id: string;
  title: string;
}

type NumberKey = "position" | "delivered" | "readers" | "readRate" | "sharers" | "shareRate" | "favourites";

const NUMBER_COLUMNS: { key: NumberKey; label: MessageId; as: "count" | "percent" }[] = [
  { key: "position", label: "articles.col.position", as: "count" },
  { key: "delivered", label: "articles.col.delivered", as: "count" },
  { key: "readers", label: "articles.col.readers", as: "count" },
  { key: "readRate", label: "articles.col.readRate", as: "percent" },
  { key: "sharers", label: "articles.col.sharers", as: "count" },
  { key: "shareRate", label: "articles.col.shareRate", as: "percent" },
  { key: "favourites", label: "articles.col.favourites", as: "count" },
];

const COLUMNS: { key: SortKey; label: MessageId; num?: boolean }[] = [
  { key: "title", label: "articles.col.title" },
  { key: "sendDate", label: "articles.col.sendDate" },
  ...NUMBER_COLUMNS.map((c) => ({ key: c.key, label: c.label, num: true })),
];

/** Articles sent in the range: totals against the previous period, and a sortable, searchable table. */
export function ArticlesReport() {
  const t = useT();
  const state = useReportState();
  const params = { account: state.accountId, from: state.from, to: state.to };
  const query = useArticles(params);
  // The compare selection may span accounts and ranges: it outlives URL changes.
  const [selected, setSelected] = useState<Selected[]>([]);
  const toggle = (row: ArticleRow) => {
    const id = compareItemId(row);
    setSelected((s) =>
      s.some((x) => x.id === id)
        ? s.filter((x) => x.id !== id)
        : s.length >= COMPARE_MAX
          ? s
          : [...s, { id, title: row.title }],
    );
  };
  const compareHref = `/compare?${selected.map((s) => `a=${encodeURIComponent(s.id)}`).join("&")}`;
  return (
    <div className="page">
      <h1>{t("nav.articles")}</h1>
      <Panel
        title={t("articles.kpis")}
        query={query}
        testId="articles-kpis"
        actions={<ExportMenu view="articles" params={params} table="kpis" />}
      >
        {(d) => (
          <>
            <div className="kpis">
              {d.kpis.map((k) => (
                <KpiCard
                  key={k.metric}
                  id={k.metric}
                  label={t(`articles.kpi.${k.metric}`)}
                  value={k.value}
                  previous={k.previous}
                  pct={k.pct}
                />
              ))}
            </div>
            <p className="muted small">
              {t("range.vsPrevious", { from: d.previousRange.from, to: d.previousRange.to })} · {t("articles.kpiNote")}
            </p>
          </>
        )}
      </Panel>
      <div className="compare-bar" data-testid="compare-bar">
        <span>
          {selected.length
            ? t("articles.selected", { n: selected.length, max: COMPARE_MAX })
            : t("articles.selectHint", { max: COMPARE_MAX })}
        </span>
        {selected.length >= 2 ? (
          <Link className="button primary" href={compareHref} data-testid="compare-link">
            {t("articles.compareButton", { n: selected.length })}
          </Link>
        ) : (
          <button type="button" className="primary" disabled>
            {t("articles.compareButton", { n: selected.length })}
          </button>
        )}
        {selected.length ? (
          <button type="button" onClick={() => setSelected([])}>
            {t("articles.clearSelection")}
          </button>
        ) : null}
      </div>
      <Panel
        title={t("articles.table")}
        query={query}
        testId="articles-table"
        isEmpty={(d) => d.rows.length === 0}
        emptyText={t("articles.empty", { from: state.from, to: state.to })}
        actions={<ExportMenu view="articles" params={params} table="articles" />}
      >
        {(d) => <ArticlesTable rows={d.rows} selected={selected} onToggle={toggle} />}
      </Panel>
    </div>
  );
}

function ArticlesTable({
  rows,
  selected,
  onToggle,
}: {
  rows: ArticleRow[];
  selected: Selected[];
  onToggle: (row: ArticleRow) => void;
}) {
  const t = useT();
  const f = useFormat();
  const state = useReportState();
  const table = readTableState(state.search);
  // Typing updates the URL after a pause; the URL is the store, so its own changes (back button) come back into the box.
  const [search, setSearch] = useState(table.q);
  const [typing, setTyping] = useState(false);
  const [urlQ, setUrlQ] = useState(table.q);
  if (urlQ !== table.q) {
    setUrlQ(table.q);
    if (!typing) setSearch(table.q);
  }
  useEffect(() => {
    if (!typing) return;
    const timer = setTimeout(() => {
      setTyping(false);
      state.update({ q: search, page: null });
    }, 250);
    return () => clearTimeout(timer);
  }, [typing, search, state]);
  const shown = filterAndSort(rows, table);
  const pages = Math.max(1, Math.ceil(shown.length / PAGE_SIZE));
  const page = Math.min(table.page, pages);
  const slice = shown.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  const carried = new URLSearchParams(
    [...state.search].filter(([k]) => ["account", "range", "from", "to"].includes(k)),
  ).toString();
  const sortBy = (key: SortKey) =>
    state.update({
      sort: key,
      dir:
        table.sort === key
          ? table.dir === "asc"
            ? "desc"
            : "asc"
          : key === "title" || key === "position"
            ? "asc"
            : "desc",
      page: null,
    });
  const isSelected = (row: ArticleRow) => selected.some((s) => s.id === compareItemId(row));
  const full = selected.length >= COMPARE_MAX;
  return (
    <>
      <div className="table-tools">
        <label className="search">
          <span className="sr-only">{t("articles.search")}</span>
          <input
            type="search"
            placeholder={t("articles.search")}
            aria-label={t("articles.search")}
            value={search}
            onChange={(e) => {
              setSearch(e.target.value);
              setTyping(true);
            }}
            data-testid="articles-search"
          />
        </label>
        <span className="muted small" data-testid="articles-count">
          {t("articles.count", { shown: shown.length, total: rows.length })}
        </span>
      </div>
      <div className="table-scroll">
        <table className="articles" data-testid="articles-rows">
          <thead>
            <tr>
              <th>
                <span className="sr-only">{t("articles.col.select")}</span>
              </th>
              {COLUMNS.map((c) => (
                <th
                  key={c.key}
                  className={c.num ? "num" : undefined}
                  aria-sort={table.sort === c.key ? (table.dir === "asc" ? "ascending" : "descending") : undefined}
                >
                  <button type="button" className="sort" onClick={() => sortBy(c.key)} data-testid={`sort-${c.key}`}>
                    {t(c.label)}
                    <span aria-hidden="true">{table.sort === c.key ? (table.dir === "asc" ? " ▲" : " ▼") : ""}</span>
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {slice.length === 0 ? (
              <tr>
                <td colSpan={COLUMNS.length + 1} className="muted">
                  {t("articles.noMatch", { q: table.q })}
                </td>
              </tr>
            ) : null}
            {slice.map((r) => (
              <tr key={compareItemId(r)} data-testid={`article-row-${r.msgid}`}>
                <td>
                  <input
                    type="checkbox"
                    aria-label={t("articles.selectArticle", { title: r.title })}
                    checked={isSelected(r)}
                    disabled={full && !isSelected(r)}
                    onChange={() => onToggle(r)}
                  />
                </td>
                <td className="title-cell">
                  <Link href={`/articles/${r.accountId}/${r.msgid}${carried ? `?${carried}` : ""}`}>
                    {r.title || r.msgid}
                  </Link>{" "}
                  <GenerationBadge generation={r.generation} />
                </td>
                <td>{r.sendDate}</td>
                {NUMBER_COLUMNS.map((c) => (
                  <td key={c.key} className="num" data-key={c.key} data-value={r[c.key] ?? ""}>
                    {c.as === "percent" ? f.percent(r[c.key]) : f.number(r[c.key])}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <nav className="pager" aria-label={t("articles.pages")} data-testid="articles-pager">
        <button
          type="button"
          disabled={page <= 1}
          onClick={() => state.update({ page: page - 1 > 1 ? page - 1 : null })}
        >
          {t("articles.previousPage")}
        </button>
        <span data-testid="articles-page">{t("articles.pageOf", { page, pages })}</span>
        <button type="button" disabled={page >= pages} onClick={() => state.update({ page: page + 1 })}>
          {t("articles.nextPage")}
        </button>
      </nav>
      <p className="muted small">{t("articles.note")}</p>
    </>
  );
}
