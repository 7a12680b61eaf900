"use client";
import Link from "next/link";
import { useCallback, useState } from "react";

import { COMPARE_MAX, compareItemId } from "@/lib/views/article-params";
import type { ArticleListRow as ArticleRow } from "@/lib/views/articles";
import { ARTICLE_KPIS, ARTICLES_TABLE } from "@/lib/views/tables/articles";

import { useHeaderText } from "../cells";
import { DataTable } from "../data-table";
import { ExportMenu } from "../export-menu";
import { KpiPanel } from "../figures";
import { useArticles } from "../hooks/queries";
import { useT } from "../i18n";
import { Panel } from "../panel";
import { useShareToken } from "../shared/share-context";
import { useReportState } from "../shell/report-context";
import { TableSearch, useUrlSearch } from "../table-search";
import { PAGE_SIZE, readTableState, sortedBy, sortRows } from "../table-state";
import { GenerationBadge } from "./generation-badge";

interface Selected {
  id: string;
  title: string;
}

/** Articles sent in the range: totals against the previous period, and a sortable, searchable table. */
export function ArticlesReport() {
  const t = useT();
  const header = useHeaderText();
  const state = useReportState();
  const params =
    state.group !== null
      ? { group: state.group, from: state.from, to: state.to }
      : { account: state.accountId, from: state.from, to: state.to };
  const query = useArticles(params);
  const shared = useShareToken() !== null;
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
      <KpiPanel view="articles" params={params} set={ARTICLE_KPIS} query={query}>
        {(d) => (
          <p className="muted small">
            {t("range.vsPrevious", { from: d.previousRange.from, to: d.previousRange.to })} · {t("articles.kpiNote")}
          </p>
        )}
      </KpiPanel>
      {shared ? null : (
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
      )}
      <Panel
        title={header(ARTICLES_TABLE.title)}
        query={query}
        testId="articles-table"
        isEmpty={(d) => d.rows.length === 0}
        emptyText={t("articles.empty", { from: state.from, to: state.to })}
        actions={<ExportMenu view="articles" params={params} table={ARTICLES_TABLE.id} />}
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
  const state = useReportState();
  const table = readTableState(state.search, ARTICLES_TABLE.columns, "sendDate");
  const { search, type } = useUrlSearch(
    table.q,
    useCallback((q: string) => state.update({ q, page: null }), [state]),
  );
  const shown = sortRows(searched(rows, table.q), ARTICLES_TABLE.columns, table);
  const pages = Math.max(1, Math.ceil(shown.length / PAGE_SIZE));
  const page = Math.min(table.page, pages);
  const slice = shown.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  const carried = new URLSearchParams(
    [...state.search].filter(([k]) => ["range", "from", "to"].includes(k)),
  ).toString();
  const isSelected = (row: ArticleRow) => selected.some((s) => s.id === compareItemId(row));
  const full = selected.length >= COMPARE_MAX;
  const shared = useShareToken() !== null;
  return (
    <>
      <TableSearch
        name="articles"
        label={t("articles.search")}
        value={search}
        onChange={type}
        count={t("articles.count", { shown: shown.length, total: rows.length })}
      />
      <div className="table-scroll">
        <DataTable
          className="articles"
          testId="articles-rows"
          columns={ARTICLES_TABLE.columns}
          rows={slice}
          rowKey={compareItemId}
          rowTestId={(r) => `article-row-${r.msgid}`}
          sort={table}
          onSort={(c) => state.update({ ...sortedBy(table, c), page: null })}
          empty={t("articles.noMatch", { q: table.q })}
          before={
            shared
              ? undefined
              : {
                  header: <span className="sr-only">{t("articles.col.select")}</span>,
                  cell: (r) => (
                    <label>
                      <input
                        type="checkbox"
                        aria-label={t("articles.selectArticle", { title: r.title })}
                        checked={isSelected(r)}
                        disabled={full && !isSelected(r)}
                        onChange={() => onToggle(r)}
                      />
                    </label>
                  ),
                }
          }
          cell={(c, r) =>
            c.key === "title" && shared ? (
              <>{r.title || r.msgid}</>
            ) : c.key === "title" ? (
              <>
                <Link
                  href={`/articles/${r.accountId}/${r.msgid}?account=${r.accountId}${carried ? `&${carried}` : ""}`}
                >
                  {r.title || r.msgid}
                </Link>{" "}
                <GenerationBadge generation={r.generation} />
              </>
            ) : undefined
          }
        />
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
      <p className="muted small" data-testid="percentile-note">
        {t("percentile.note")}
      </p>
    </>
  );
}

/** Articles whose title, account name or msgid contains the search. */
function searched(rows: ArticleRow[], q: string): ArticleRow[] {
  const needle = q.trim().toLowerCase();
  return needle
    ? rows.filter(
        (r) =>
          r.title.toLowerCase().includes(needle) ||
          r.accountName.toLowerCase().includes(needle) ||
          r.msgid.includes(needle),
      )
    : rows;
}
