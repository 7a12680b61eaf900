"use client";
import Link from "next/link";

import { type Channel, CHANNELS } from "@/lib/analytics/channels";
import type { HourlyData } from "@/lib/views/hourly";
import { hourLabel, HOURS, WEEKDAYS } from "@/lib/views/hours";
import { HEATMAP, heatmapReads, HOURLY_KPIS, HOURS_TABLE } from "@/lib/views/tables/hourly";

import { useHeaderText } from "../cells";
import { Heatmap } from "../charts/heatmap";
import { channelLabel } from "../charts/labels";
import { colorAt } from "../charts/palette";
import { SeriesChart } from "../charts/series-chart";
import { ExportMenu } from "../export-menu";
import { KpiPanel } from "../figures";
import { useHourly } from "../hooks/queries";
import { useFormat, useLocale, useT } from "../i18n";
import { Panel } from "../panel";
import { useShareToken } from "../shared/share-context";
import { useReportState } from "../shell/report-context";
import { MetricSwitch } from "./metric-switch";

type Metric = "reads" | "readers";
const METRICS: Metric[] = ["reads", "readers"];

/** ?sources=session,friends → those channels in chart order; absent or nothing valid → all. */
export function parseSources(value: string | null): Channel[] {
  const chosen = new Set((value ?? "").split(","));
  const sources = CHANNELS.filter((c) => chosen.has(c));
  return sources.length ? sources : [...CHANNELS];
}

export function HourlyReport() {
  const t = useT();
  const header = useHeaderText();
  const locale = useLocale();
  const f = useFormat();
  const state = useReportState();
  const params = { account: state.accountId, from: state.from, to: state.to };
  const query = useHourly(params);
  const shared = useShareToken() !== null;
  const metric: Metric = state.search.get("metric") === "readers" ? "readers" : "reads";
  const sources = parseSources(state.search.get("sources"));
  const empty = (d: HourlyData) => d.daysWithData === 0;
  const hasData = query.data !== undefined && !empty(query.data);

  const toggleSource = (c: Channel) => {
    const next = sources.includes(c)
      ? sources.filter((s) => s !== c)
      : CHANNELS.filter((s) => s === c || sources.includes(s));
    if (next.length === 0) return;
    state.update({ sources: next.length === CHANNELS.length ? null : next.join(",") });
  };
  const withDataHref = (d: HourlyData) => {
    if (!d.rangeWithData) return null;
    const next = new URLSearchParams(state.search);
    next.set("range", "custom");
    next.set("from", d.rangeWithData.from);
    next.set("to", d.rangeWithData.to);
    return `/hourly?${next.toString()}`;
  };
  const averaged = (d: HourlyData) => !(d.daysWithData === 1 && state.from === state.to);
  const scope = (d: HourlyData) =>
    averaged(d) ? t("hourly.averaged", { days: d.daysWithData }) : t("hourly.oneDay", { date: state.from });

  return (
    <div className="page hourly-page">
      <h1>{t("nav.hourly")}</h1>
      <KpiPanel
        view="hourly"
        params={params}
        set={HOURLY_KPIS}
        query={query}
        isEmpty={empty}
        emptyText={
          query.data ? (
            <NoHourlyData
              data={query.data}
              from={state.from}
              to={state.to}
              href={shared ? null : withDataHref(query.data)}
            />
          ) : null
        }
      >
        {(d) => (
          <>
            <p className="muted small">
              {t("hourly.kpisNote", { from: state.from, to: state.to })} ·{" "}
              {t("range.vsPrevious", { from: d.previousRange.from, to: d.previousRange.to })}
            </p>
            {d.lastDateWithData && state.to > d.lastDateWithData ? (
              <p className="notice small" data-testid="hourly-partial">
                {t("hourly.partial", { last: d.lastDateWithData })}
              </p>
            ) : null}
          </>
        )}
      </KpiPanel>

      <Panel
        title={t("hourly.chart")}
        query={query}
        testId="hourly-by-source"
        isEmpty={empty}
        emptyText={t("hourly.empty.short")}
        actions={hasData ? <ExportMenu view="hourly" params={params} table={HOURS_TABLE.id} /> : null}
      >
        {(d) => (
          <>
            <div className="report-controls">
              <MetricSwitch
                testId="hourly-metric"
                label={t("hourly.metric.label")}
                value={metric}
                options={METRICS.map((m) => ({ value: m, label: t(`hourly.metric.${m}`) }))}
                onChange={(m) => state.update({ metric: m === "reads" ? null : m })}
              />
              <fieldset className="source-toggles" data-testid="hourly-sources">
                <legend>{t("hourly.sources")}</legend>
                {CHANNELS.map((c, i) => {
                  const on = sources.includes(c);
                  const last = on && sources.length === 1;
                  return (
                    <label key={c} title={last ? t("hourly.sourcesHint") : undefined}>
                      <input type="checkbox" value={c} checked={on} disabled={last} onChange={() => toggleSource(c)} />
                      <span className="swatch" style={{ background: colorAt(i) }} />
                      {channelLabel(c, locale, ["legacy"])}
                    </label>
                  );
                })}
              </fieldset>
            </div>
            <p className="muted small" data-testid="hourly-scope">
              {scope(d)}
            </p>
            <SeriesChart
              testId="hourly-chart"
              data={d.hours.map((h) => ({
                hour: h.hour,
                ...Object.fromEntries(sources.map((c) => [c, h[metric][c] ?? null])),
              }))}
              xKey="hour"
              kind="bar"
              stacked
              series={sources.map((c) => ({
                key: c,
                label: channelLabel(c, locale, ["legacy"]),
                color: colorAt(CHANNELS.indexOf(c)),
              }))}
              xLabel={t("unit.hour")}
              yLabel={t(`hourly.axis.${metric}${averaged(d) ? "Avg" : ""}`)}
              digits={averaged(d) ? 1 : 0}
              tableLabel={t("hourly.showTable")}
              formatX={(v) => hourLabel(Number(v))}
            />
          </>
        )}
      </Panel>

      <Panel
        title={header(HEATMAP.title)}
        query={query}
        testId="hourly-heatmap"
        isEmpty={(d) => d.heatmap.length === 0}
        emptyText={t("hourly.empty.short")}
        actions={hasData ? <ExportMenu view="hourly" params={params} table={HEATMAP.id} /> : null}
      >
        {(d) => {
          const reads = heatmapReads(d.heatmap);
          const weekday = (w: (typeof WEEKDAYS)[number]) => t(`hourly.weekday.${w}`);
          return (
            <>
              <Heatmap
                testId="hourly-heatmap-grid"
                rows={WEEKDAYS.map((w) => ({ key: w, label: weekday(w) }))}
                columns={HOURS.map((h) => ({ key: h, label: String(h).padStart(2, "0") }))}
                value={(r, c) => reads(Number(r.key), Number(c.key))}
                cellTitle={(r, c, v) => {
                  const span = { weekday: r.label, from: hourLabel(Number(c.key)), to: hourLabel(Number(c.key) + 1) };
                  return v === null
                    ? t("hourly.heatmap.noData", span)
                    : t("hourly.heatmap.cell", { ...span, value: f.number(v, 1) });
                }}
                rowAxisLabel={t("hourly.weekdayAxis")}
                columnAxisLabel={t("unit.hour")}
                legendLabel={t("hourly.heatmap.legend")}
                noDataLabel={t("hourly.heatmap.noDataLegend")}
                digits={1}
              />
              <p className="muted small">
                {t("hourly.heatmap.note")} · {scope(d)}
              </p>
            </>
          );
        }}
      </Panel>
    </div>
  );
}

/** Why the range has no hourly figures, and a way to the last days that have them. */
function NoHourlyData({ data, from, to, href }: { data: HourlyData; from: string; to: string; href: string | null }) {
  const t = useT();
  const last = data.lastDateWithData;
  const text =
    last === null
      ? t("hourly.empty.never")
      : from > last
        ? t("hourly.empty.retired", { from, to, last })
        : t("hourly.empty.gap", { from, to, last });
  return (
    <div className="no-data" data-testid="hourly-no-data">
      <p>{text}</p>
      {href && data.rangeWithData ? (
        <p>
          <Link href={href} className="button-link" data-testid="hourly-range-with-data">
            {t("hourly.empty.link", data.rangeWithData)}
          </Link>
        </p>
      ) : null}
    </div>
  );
}
