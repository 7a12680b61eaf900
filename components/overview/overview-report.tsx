"use client";
import { CHANNELS } from "@/lib/analytics/channels";
import { groupRows } from "@/lib/analytics/grouping";
import { OVERVIEW_DAILY_TABLE, OVERVIEW_KPIS } from "@/lib/views/tables/overview";

import { useHeaderText } from "../cells";
import { GrainNote, useTrendGrain } from "../charts/grain";
import { channelLabel } from "../charts/labels";
import { usePreviousPeriod } from "../charts/previous-period";
import { SeriesChart } from "../charts/series-chart";
import { ShareRing } from "../charts/share-ring";
import { ExportMenu } from "../export-menu";
import { KpiPanel } from "../figures";
import { useOverview } from "../hooks/queries";
import { useLocale, useT } from "../i18n";
import { Panel } from "../panel";
import { useReportState } from "../shell/report-context";
import { YesterdayPanel } from "./yesterday-panel";

export function OverviewReport() {
  const t = useT();
  const header = useHeaderText();
  const locale = useLocale();
  const state = useReportState();
  const params = { account: state.accountId, from: state.from, to: state.to };
  const query = useOverview(params);
  const { grain, formatX } = useTrendGrain(state.from, state.to);
  const previous = usePreviousPeriod("overview-show-previous");
  return (
    <div className="page">
      <h1>{t("nav.overview")}</h1>
      <YesterdayPanel account={state.accountId} />
      <KpiPanel
        view="overview"
        params={params}
        set={OVERVIEW_KPIS}
        query={query}
        show={(k) => k.value != null || k.previous != null}
        isEmpty={(d) => d.generations.length === 0}
      >
        {(d) => (
          <p className="muted small">
            {t("range.vsPrevious", { from: d.previousRange.from, to: d.previousRange.to })} ·{" "}
            {d.generations.length > 1 ? t("generation.mixed") : d.generations.map((g) => t(`generation.${g}`))}
          </p>
        )}
      </KpiPanel>
      <Panel
        title={header(OVERVIEW_DAILY_TABLE.title)}
        query={query}
        testId="overview-trend"
        isEmpty={(d) => d.generations.length === 0}
        actions={<ExportMenu view="overview" params={params} table={OVERVIEW_DAILY_TABLE.id} />}
      >
        {(d) => (
          <>
            {previous.toggle}
            <SeriesChart
              testId="overview-trend-chart"
              data={groupRows(
                d.days.map((day, i) => ({
                  date: day.date,
                  ...day.bySource,
                  ...previous.field(d.previousReaders, i),
                })),
                "date",
                grain,
              )}
              xKey="date"
              kind="bar"
              stacked
              series={[
                ...CHANNELS.map((c) => ({ key: c, label: channelLabel(c, locale, d.generations) })),
                ...previous.series(t("trend.previousPeriod", d.previousRange)),
              ]}
              xLabel={t("unit.date")}
              yLabel={t("overview.readersAxis")}
              tableLabel={t("overview.showTable")}
              formatX={formatX}
            />
            <GrainNote grain={grain} />
            {d.generations.length > 1 ? <p className="muted small">{t("overview.mixedNote")}</p> : null}
            <h3 className="small">{t("yesterday.channelShares")}</h3>
            <ShareRing
              testId="overview-channel-shares"
              label={t("yesterday.channelShares")}
              parts={CHANNELS.map((c) => ({
                key: c,
                label: channelLabel(c, locale, d.generations),
                value: d.totals.bySource[c] ?? 0,
              }))}
            />
          </>
        )}
      </Panel>
    </div>
  );
}
