"use client";
import { CHANNELS } from "@/lib/analytics/channels";

import { channelLabel } from "../charts/labels";
import { SeriesChart } from "../charts/series-chart";
import { ExportMenu } from "../export-menu";
import { useOverview } from "../hooks/queries";
import { useLocale, useT } from "../i18n";
import { KpiCard } from "../kpi-card";
import { Panel } from "../panel";
import { useReportState } from "../shell/report-context";

export function OverviewReport() {
  const t = useT();
  const locale = useLocale();
  const state = useReportState();
  const params = { account: state.accountId, from: state.from, to: state.to };
  const query = useOverview(params);
  return (
    <div className="page">
      <h1>{t("nav.overview")}</h1>
      <Panel
        title={t("overview.kpis")}
        query={query}
        testId="overview-kpis"
        isEmpty={(d) => d.generations.length === 0}
        actions={<ExportMenu view="overview" params={params} table="kpis" />}
      >
        {(d) => (
          <>
            <div className="kpis">
              {d.kpis
                .filter((k) => k.value != null || k.previous != null)
                .map((k) => (
                  <KpiCard
                    key={k.metric}
                    id={k.metric}
                    label={t(`overview.kpi.${k.metric}`)}
                    value={k.value}
                    previous={k.previous}
                    pct={k.pct}
                  />
                ))}
            </div>
            <p className="muted small">
              {t("range.vsPrevious", { from: d.previousRange.from, to: d.previousRange.to })} ·{" "}
              {d.generations.length > 1 ? t("generation.mixed") : d.generations.map((g) => t(`generation.${g}`))}
            </p>
          </>
        )}
      </Panel>
      <Panel
        title={t("overview.trend")}
        query={query}
        testId="overview-trend"
        isEmpty={(d) => d.generations.length === 0}
        actions={<ExportMenu view="overview" params={params} table="daily" />}
      >
        {(d) => (
          <>
            <SeriesChart
              testId="overview-trend-chart"
              data={d.days.map((day) => ({ date: day.date, ...day.bySource }))}
              xKey="date"
              kind="bar"
              stacked
              series={CHANNELS.map((c) => ({ key: c, label: channelLabel(c, locale, d.generations) }))}
              xLabel={t("unit.date")}
              yLabel={t("overview.readersAxis")}
              tableLabel={t("overview.showTable")}
              formatX={(v) => String(v).slice(5)}
            />
            {d.generations.length > 1 ? <p className="muted small">{t("overview.mixedNote")}</p> : null}
          </>
        )}
      </Panel>
    </div>
  );
}
