"use client";
import type { PositionCell } from "@/lib/analytics/positions";
import type { ViewData } from "@/lib/views";
import { WEEKDAYS } from "@/lib/views/hours";
import { POSITION_LABELS, POSITIONS_TABLE, weekdayLabel } from "@/lib/views/tables/positions";

import { useHeaderText } from "../cells";
import { SeriesChart } from "../charts/series-chart";
import { DataTable } from "../data-table";
import { ExportMenu } from "../export-menu";
import { usePositions } from "../hooks/queries";
import { useT } from "../i18n";
import { Panel } from "../panel";
import { ScrollRegion } from "../scroll-region";
import { useReportState } from "../shell/report-context";

type Data = ViewData<"positions">;
const noArticles = (d: Data) => d.articles === 0;

/** One row a weekday, 头条 and 次条 side by side: a chart's data. */
function byWeekday(cells: readonly PositionCell[], value: (c: PositionCell) => number | null) {
  const find = (group: PositionCell["positionClass"], weekday: number) =>
    cells.find((c) => c.positionClass === group && c.weekday === weekday);
  return WEEKDAYS.map((weekday) => ({
    weekday,
    lead: value(find("lead", weekday)!) ?? null,
    other: value(find("other", weekday)!) ?? null,
  }));
}

const percentOf = (v: number | null) => (v === null ? null : Math.round(v * 10000) / 100);

/** Readers and 送达阅读率 by position in the send (头条 / 次条) and weekday sent: what works. */
export function PositionsReport() {
  const t = useT();
  const header = useHeaderText();
  const state = useReportState();
  const params = { account: state.accountId, from: state.from, to: state.to };
  const query = usePositions(params);
  const series = [
    { key: "lead", label: t("yesterday.headline") },
    { key: "other", label: t("yesterday.secondary") },
  ];
  const formatX = (v: string | number) => t(weekdayLabel(Number(v)));
  return (
    <div className="page">
      <h1>{t("nav.positions")}</h1>
      <p className="muted small">{t("positions.intro", { from: state.from, to: state.to })}</p>
      <Panel
        title={t("positions.readersChart")}
        query={query}
        testId="positions-readers"
        isEmpty={noArticles}
        emptyText={t("positions.empty")}
      >
        {(d) => (
          <SeriesChart
            testId="positions-readers-chart"
            data={byWeekday(d.cells, (c) => c.readersPerArticle)}
            xKey="weekday"
            kind="bar"
            series={series}
            total={false}
            digits={1}
            xLabel={t("hourly.weekdayAxis")}
            yLabel={t("positions.readersAxis")}
            tableLabel={t("positions.showTable")}
            formatX={formatX}
          />
        )}
      </Panel>
      <Panel
        title={t("positions.rateChart")}
        query={query}
        testId="positions-rate"
        isEmpty={noArticles}
        emptyText={t("positions.empty")}
      >
        {(d) => (
          <>
            <SeriesChart
              testId="positions-rate-chart"
              data={byWeekday(d.cells, (c) => percentOf(c.readDeliveryRate))}
              xKey="weekday"
              kind="bar"
              series={series}
              total={false}
              digits={2}
              xLabel={t("hourly.weekdayAxis")}
              yLabel={t("positions.rateAxis")}
              tableLabel={t("positions.showTable")}
              formatX={formatX}
            />
            <p className="muted small">{t("positions.rateNote")}</p>
          </>
        )}
      </Panel>
      <Panel
        title={header(POSITIONS_TABLE.title)}
        query={query}
        testId="positions-table"
        isEmpty={noArticles}
        emptyText={t("positions.empty")}
        actions={<ExportMenu view="positions" params={params} table={POSITIONS_TABLE.id} />}
      >
        {(d) => (
          <ScrollRegion label={header(POSITIONS_TABLE.title)}>
            <DataTable
              columns={POSITIONS_TABLE.columns}
              rows={d.cells}
              rowKey={(c) => `${c.positionClass}-${c.weekday ?? "all"}`}
              rowTestId={(c) => `positions-${c.positionClass}-${c.weekday ?? "all"}`}
              cell={(column, c) =>
                column.lead ? (
                  <>
                    {t(POSITION_LABELS[c.positionClass])}
                    <span className="lead-weekday"> · {t(weekdayLabel(c.weekday))}</span>
                  </>
                ) : undefined
              }
            />
          </ScrollRegion>
        )}
      </Panel>
    </div>
  );
}
