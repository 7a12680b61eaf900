"use client";
import { followSourceLabel, orderFollowSources } from "@/lib/analytics/follow-sources";
import { groupRows } from "@/lib/analytics/grouping";
import type { ViewData } from "@/lib/views";
import { FOLLOWER_DAILY_TABLE, FOLLOWER_KPIS, followerSourcesTable } from "@/lib/views/tables/followers";

import { useHeaderText } from "../cells";
import { GrainNote, useTrendGrain } from "../charts/grain";
import { usePreviousPeriod } from "../charts/previous-period";
import { SeriesChart } from "../charts/series-chart";
import { ShareRing } from "../charts/share-ring";
import { ExportMenu } from "../export-menu";
import { KpiPanel } from "../figures";
import { useFollowers } from "../hooks/queries";
import { useLocale, useT } from "../i18n";
import { Panel } from "../panel";
import { useReportState } from "../shell/report-context";

type Data = ViewData<"followers">;
const noFigures = (d: Data) => d.totals.days === 0 && d.totals.totalUsers === null;

/** Followers gained and lost per day, where new ones came from, and the net change next to articles sent. */
export function FollowersReport() {
  const t = useT();
  const header = useHeaderText();
  const locale = useLocale();
  const state = useReportState();
  const params = { account: state.accountId, from: state.from, to: state.to };
  const query = useFollowers(params);
  const { grain, formatX } = useTrendGrain(state.from, state.to);
  const previous = usePreviousPeriod("followers-show-previous");
  return (
    <div className="page">
      <h1>{t("nav.followers")}</h1>
      <KpiPanel
        view="followers"
        params={params}
        set={FOLLOWER_KPIS}
        query={query}
        isEmpty={noFigures}
        emptyText={t("followers.empty")}
      >
        {(d) => (
          <p className="muted small">{t("range.vsPrevious", { from: d.previousRange.from, to: d.previousRange.to })}</p>
        )}
      </KpiPanel>
      <Panel
        title={header(FOLLOWER_DAILY_TABLE.title)}
        query={query}
        testId="followers-daily"
        isEmpty={noFigures}
        emptyText={t("followers.empty")}
        actions={<ExportMenu view="followers" params={params} table={FOLLOWER_DAILY_TABLE.id} />}
      >
        {(d) => (
          <>
            {previous.toggle}
            <SeriesChart
              testId="followers-daily-chart"
              data={groupRows(
                d.days.map((day, i) => ({
                  date: day.date,
                  newUsers: day.newUsers,
                  cancelUsers: day.cancelUsers === null ? null : -day.cancelUsers,
                  netUsers: day.netUsers,
                  totalUsers: day.totalUsers,
                  ...previous.field(d.previousNet, i),
                })),
                "date",
                grain,
                { levels: ["totalUsers"] },
              )}
              xKey="date"
              kind="bar"
              series={[
                { key: "newUsers", label: t("metric.newFollowers") },
                { key: "cancelUsers", label: t("metric.cancelledFollowers") },
                { key: "netUsers", label: t("metric.netFollowers"), kind: "line" },
                { key: "totalUsers", label: t("metric.totalFollowers"), kind: "line", rightAxis: true },
                ...previous.series(t("trend.previousNet", d.previousRange)),
              ]}
              xLabel={t("unit.date")}
              yLabel={t("followers.countAxis")}
              rightLabel={t("metric.totalFollowers")}
              tableLabel={t("followers.showTable")}
              formatX={formatX}
            />
            <GrainNote grain={grain} />
          </>
        )}
      </Panel>
      <Panel
        title={t("followers.vsArticles")}
        query={query}
        testId="followers-articles"
        isEmpty={noFigures}
        emptyText={t("followers.empty")}
      >
        {(d) => (
          <SeriesChart
            testId="followers-articles-chart"
            data={groupRows(
              d.days.map((day) => ({ date: day.date, netUsers: day.netUsers, articlesSent: day.articlesSent })),
              "date",
              grain,
            )}
            xKey="date"
            kind="bar"
            series={[
              { key: "netUsers", label: t("metric.netFollowers") },
              { key: "articlesSent", label: t("metric.articlesSent"), kind: "line", rightAxis: true },
            ]}
            xLabel={t("unit.date")}
            yLabel={t("metric.netFollowers")}
            rightLabel={t("followers.articlesAxis")}
            tableLabel={t("followers.showTable")}
            formatX={formatX}
          />
        )}
      </Panel>
      <Panel
        title={t("followers.bySource")}
        query={query}
        testId="followers-sources"
        isEmpty={(d) => d.sources.length === 0}
        emptyText={t("followers.empty")}
        actions={<ExportMenu view="followers" params={params} table="sources" />}
      >
        {(d) => {
          const codes = orderFollowSources(d.sources);
          const table = followerSourcesTable(codes);
          return (
            <>
              <ShareRing
                testId="followers-source-shares"
                label={t("followers.sourceShares")}
                parts={codes.map((code) => ({
                  key: String(code),
                  label: followSourceLabel(code)[locale],
                  value: d.bySource[code] ?? 0,
                }))}
              />
              <SeriesChart
                testId="followers-sources-chart"
                data={groupRows(
                  d.days.map((day) => Object.fromEntries(table.columns.map((c) => [c.key, c.value(day)] as const))),
                  "date",
                  grain,
                )}
                xKey="date"
                kind="bar"
                stacked
                series={table.columns.slice(1).map((c) => ({ key: c.key, label: header(c.header) }))}
                xLabel={t("unit.date")}
                yLabel={t("metric.newFollowers")}
                tableLabel={t("followers.showTable")}
                formatX={formatX}
              />
            </>
          );
        }}
      </Panel>
    </div>
  );
}
