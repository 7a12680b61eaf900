"use client";
import Link from "next/link";
import { useCallback } from "react";

import type { Column } from "@/lib/views/columns";
import { PORTFOLIO_TABLE, type PortfolioRow, portfolioTotals } from "@/lib/views/tables/portfolio";

import { useFormatCell, useHeaderText } from "../cells";
import { DataTable } from "../data-table";
import { ExportMenu } from "../export-menu";
import { usePortfolio } from "../hooks/queries";
import { useFormat, useT } from "../i18n";
import { Panel } from "../panel";
import { ScrollRegion } from "../scroll-region";
import { useReportContext, useReportState } from "../shell/report-context";
import { TableSearch, useUrlSearch } from "../table-search";
import { readTableState, sortedBy, sortRows } from "../table-state";
import { Sparkline } from "./sparkline";

/** Every account the user may see (or a client group's) on one day: one table, one request. */
export function PortfolioReport() {
  const t = useT();
  const header = useHeaderText();
  const state = useReportState();
  const { groups } = useReportContext();
  const group = state.group ?? "all";
  const date = state.search.get("date");
  const params = { group, date: date ?? undefined };
  const query = usePortfolio(params);
  return (
    <div className="page">
      <h1>{t("portfolio.title")}</h1>
      <div className="portfolio-tools">
        <label>
          <span className="sr-only">{t("portfolio.scope")}</span>
          <select
            aria-label={t("portfolio.scope")}
            data-testid="portfolio-group"
            value={String(group)}
            onChange={(e) => state.update({ group: e.target.value === "all" ? null : e.target.value, q: null })}
          >
            <option value="all">{t("scope.all")}</option>
            {groups.map((g) => (
              <option key={g.id} value={g.id}>
                {t("scope.group", { name: g.name })}
              </option>
            ))}
          </select>
        </label>
      </div>
      {query.data ? <p className="muted small">{t("portfolio.intro", { date: query.data.date })}</p> : null}
      <Panel
        title={header(PORTFOLIO_TABLE.title)}
        query={query}
        testId="portfolio"
        isEmpty={(d) => d.rows.length === 0}
        emptyText={t("portfolio.empty")}
        actions={<ExportMenu view="portfolio" params={params} table={PORTFOLIO_TABLE.id} />}
      >
        {(d) => <PortfolioTable rows={d.rows} from={d.from} to={d.date} />}
      </Panel>
    </div>
  );
}

function PortfolioTable({ rows, from, to }: { rows: PortfolioRow[]; from: string; to: string }) {
  const t = useT();
  const f = useFormat();
  const format = useFormatCell();
  const state = useReportState();
  const table = readTableState(state.search, PORTFOLIO_TABLE.columns, "readers");
  const { search, type } = useUrlSearch(
    table.q,
    useCallback((q: string) => state.update({ q }), [state]),
  );
  const needle = table.q.trim().toLowerCase();
  const found = needle ? rows.filter((r) => r.accountName.toLowerCase().includes(needle)) : rows;
  const shown = sortRows(found, PORTFOLIO_TABLE.columns, table);
  // The totals of the rows shown, by the same weighted definition the export's totals use.
  const total = { ...portfolioTotals(shown), accountName: t("portfolio.totals") };
  const cell = (c: Column<PortfolioRow>, r: PortfolioRow) => {
    const isTotal = r.accountId === null;
    switch (c.key) {
      case "accountName":
        return isTotal ? (
          <strong>{r.accountName}</strong>
        ) : (
          <Link href={`/?account=${r.accountId}`}>{r.accountName}</Link>
        );
      case "readersChange":
        return r.readersChange === null ? "–" : `${r.readersChange > 0 ? "+" : ""}${f.percent(r.readersChange)}`;
      case "bestTitle":
        if (r.bestTitle === null) return "–";
        return (
          <>
            <Link
              href={`/articles/${r.bestAccountId}/${r.bestMsgid}?account=${r.bestAccountId}`}
              className="best-article"
              data-testid="best-article"
            >
              {r.bestTitle}
            </Link>
            <div className="muted small" data-testid="best-readers" data-value={r.bestReaders ?? ""}>
              {t("portfolio.bestCell", { readers: format("count", r.bestReaders) })}
            </div>
          </>
        );
      case "spark":
        return (
          <Sparkline
            values={r.spark}
            label={t("portfolio.sparkTitle", { from, to, values: r.spark.map((v) => format("count", v)).join(", ") })}
          />
        );
      case "stopped":
        return <span title={r.stopped.join(", ")}>{format("count", r.stopped.length)}</span>;
      default:
        return undefined;
    }
  };
  return (
    <>
      <TableSearch
        name="portfolio"
        label={t("portfolio.search")}
        value={search}
        onChange={type}
        count={t("portfolio.count", { shown: shown.length, total: rows.length })}
      />
      <ScrollRegion label={t("portfolio.tableRegion")}>
        <DataTable
          className="articles portfolio"
          testId="portfolio-rows"
          columns={PORTFOLIO_TABLE.columns}
          rows={shown}
          rowKey={(r) => String(r.accountId)}
          rowTestId={(r) => `portfolio-row-${r.accountId}`}
          sort={table}
          onSort={(c) => state.update(sortedBy(table, c))}
          empty={t("portfolio.noMatch", { q: table.q })}
          total={total}
          cell={cell}
        />
      </ScrollRegion>
      <p className="muted small">{t("portfolio.totalsNote")}</p>
      <p className="muted small">{t("percentile.note")}</p>
    </>
  );
}
