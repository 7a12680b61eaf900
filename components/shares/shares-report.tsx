"use client";
import Link from "next/link";

import { SHARE_SCENES, shareSceneLabel } from "@/lib/analytics/channels";
import { groupRows } from "@/lib/analytics/grouping";
import { hourLabel } from "@/lib/views/hours";
import type { SharesData } from "@/lib/views/shares";
import { DAILY_SCENES, HOURLY_SCENES, NEW_SHARERS_TABLE, SHARES_KPIS } from "@/lib/views/tables/shares";

import { useHeaderText } from "../cells";
import { GrainNote, useTrendGrain } from "../charts/grain";
import { colorAt } from "../charts/palette";
import { SeriesChart } from "../charts/series-chart";
import { ExportMenu } from "../export-menu";
import { KpiPanel } from "../figures";
import { useShares } from "../hooks/queries";
import { MetricSwitch } from "../hourly/metric-switch";
import { useLocale, useT } from "../i18n";
import { Panel } from "../panel";
import { useShareToken } from "../shared/share-context";
import { useReportState } from "../shell/report-context";

type ByScene = SharesData["hours"][number]["byScene"];
type Metric = "count" | "people";
const METRICS: Metric[] = ["count", "people"];
const FIELD = { count: "shareCount", people: "shareUser" } as const;

/** Known scenes keep their colour whichever are present; unknown codes follow. */
const KNOWN = Object.keys(SHARE_SCENES).map(Number);
const sceneColor = (code: number, scenes: number[]) =>
  colorAt(
    KNOWN.includes(code) ? KNOWN.indexOf(code) : KNOWN.length + scenes.filter((s) => !KNOWN.includes(s)).indexOf(code),
  );

export function SharesReport() {
  const t = useT();
  const header = useHeaderText();
  const locale = useLocale();
  const state = useReportState();
  const params = { account: state.accountId, from: state.from, to: state.to };
  const query = useShares(params);
  const shared = useShareToken() !== null;
  const metric: Metric = state.search.get("metric") === "people" ? "people" : "count";
  const { from, to } = state;
  const { grain, formatX } = useTrendGrain(from, to);

  const sceneRow = (scenes: number[], byScene: ByScene) =>
    Object.fromEntries(scenes.map((code) => [`scene_${code}`, byScene[code]?.[FIELD[metric]] ?? null]));
  const sceneSeries = (scenes: number[]) =>
    scenes.map((code) => ({
      key: `scene_${code}`,
      label: shareSceneLabel(code, locale),
      color: sceneColor(code, scenes),
    }));
  const withDataHref = (d: SharesData) => {
    if (!d.rangeWithData) return null;
    const next = new URLSearchParams(state.search);
    next.set("range", "custom");
    next.set("from", d.rangeWithData.from);
    next.set("to", d.rangeWithData.to);
    return `/shares?${next.toString()}`;
  };
  const mixed = (d: SharesData) => d.sceneDays.length > 0 && d.newOnlyDays > 0;
  const newOnly = (d: SharesData) => d.sceneDays.length === 0 && d.newOnlyDays > 0;
  const averaged = (d: SharesData) => !(d.hourlyDaysWithData === 1 && from === to);

  const newSharersPanel = (
    <Panel
      key="new-sharers"
      title={header(NEW_SHARERS_TABLE.title)}
      query={query}
      testId="shares-new"
      isEmpty={(d) => d.newDays === 0}
      emptyText={t("shares.empty.newSharers")}
      actions={query.data?.newDays ? <ExportMenu view="shares" params={params} table={NEW_SHARERS_TABLE.id} /> : null}
    >
      {(d) => (
        <>
          <p className="notice small" data-testid="shares-new-note">
            {mixed(d) ? t("shares.note.mixed", { last: d.lastDateWithData ?? "" }) : t("shares.note.newOnly")}
          </p>
          <SeriesChart
            testId="shares-new-chart"
            data={groupRows(
              d.newSharers.filter((x) => x.sharers !== null).map((x) => ({ date: x.date, sharers: x.sharers })),
              "date",
              grain,
            )}
            xKey="date"
            kind="bar"
            series={[{ key: "sharers", label: t("shares.col.newSharers"), color: colorAt(4) }]}
            xLabel={t("unit.date")}
            yLabel={t("shares.axis.sharers")}
            tableLabel={t("shares.showTable")}
            formatX={formatX}
          />
          <GrainNote grain={grain} />
        </>
      )}
    </Panel>
  );
  const showNewFirst = query.data !== undefined && newOnly(query.data);
  const showNew = query.data !== undefined && query.data.newOnlyDays > 0;

  return (
    <div className="page shares-page">
      <h1>{t("nav.shares")}</h1>
      <KpiPanel
        view="shares"
        params={params}
        set={SHARES_KPIS}
        query={query}
        show={(k) => k.value !== null}
        isEmpty={(d) => d.kpis.every((k) => k.value === null)}
        emptyText={t("shares.empty.all", { from, to })}
      >
        {(d) => (
          <>
            <p className="muted small">
              {t("range.vsPrevious", { from: d.previousRange.from, to: d.previousRange.to })}
            </p>
            {mixed(d) || newOnly(d) ? (
              <p className="notice small" data-testid="shares-kpis-note">
                {t("shares.kpisNote.mixed", { last: d.lastDateWithData ?? "" })}
              </p>
            ) : null}
          </>
        )}
      </KpiPanel>

      {showNewFirst ? newSharersPanel : null}

      {query.data && (query.data.sceneDays.length > 0 || query.data.hourlyDaysWithData > 0) ? (
        <div className="report-controls" data-testid="shares-controls">
          <MetricSwitch
            testId="shares-metric"
            label={t("shares.metric.label")}
            value={metric}
            options={METRICS.map((m) => ({ value: m, label: t(`shares.metric.${m}`) }))}
            onChange={(m) => state.update({ metric: m === "count" ? null : m })}
          />
        </div>
      ) : null}

      <Panel
        title={header(DAILY_SCENES.title)}
        query={query}
        testId="shares-daily"
        isEmpty={(d) => d.sceneDays.length === 0}
        emptyText={
          query.data ? (
            <NoScenes data={query.data} from={from} to={to} href={shared ? null : withDataHref(query.data)} />
          ) : null
        }
        actions={
          query.data?.sceneDays.length ? <ExportMenu view="shares" params={params} table={DAILY_SCENES.id} /> : null
        }
      >
        {(d) => (
          <>
            <p className="muted small">
              {t("shares.sceneSource", { from: d.sceneDays[0]!.date, to: d.sceneDays.at(-1)!.date })}
            </p>
            <SeriesChart
              testId="shares-daily-chart"
              data={groupRows(
                d.sceneDays.map((day) => ({ date: day.date, ...sceneRow(d.scenes, day.byScene) })),
                "date",
                grain,
              )}
              xKey="date"
              kind="bar"
              stacked
              series={sceneSeries(d.scenes)}
              xLabel={t("unit.date")}
              yLabel={t(`shares.axis.${metric}`)}
              tableLabel={t("shares.showTable")}
              formatX={formatX}
            />
            <GrainNote grain={grain} />
            {d.lastDateWithData && to > d.lastDateWithData ? (
              <p className="notice small" data-testid="shares-partial">
                {t("shares.note.partialScenes", { last: d.lastDateWithData })}
              </p>
            ) : null}
          </>
        )}
      </Panel>

      <Panel
        title={t("shares.hourly")}
        query={query}
        testId="shares-hourly"
        isEmpty={(d) => d.hourlyDaysWithData === 0}
        emptyText={t("shares.empty.hourly", { from, to })}
        actions={
          query.data?.hourlyDaysWithData ? <ExportMenu view="shares" params={params} table={HOURLY_SCENES.id} /> : null
        }
      >
        {(d) => (
          <>
            <p className="muted small" data-testid="shares-hourly-scope">
              {averaged(d) ? t("shares.averaged", { days: d.hourlyDaysWithData }) : t("shares.oneDay", { date: from })}
            </p>
            <SeriesChart
              testId="shares-hourly-chart"
              data={d.hours.map((h) => ({ hour: h.hour, ...sceneRow(d.scenes, h.byScene) }))}
              xKey="hour"
              kind="bar"
              stacked
              series={sceneSeries(d.scenes)}
              xLabel={t("unit.hour")}
              yLabel={t(`shares.axis.${metric}${averaged(d) ? "Avg" : ""}`)}
              digits={averaged(d) ? 1 : 0}
              tableLabel={t("shares.showTable")}
              formatX={(v) => hourLabel(Number(v))}
            />
          </>
        )}
      </Panel>

      {showNew && !showNewFirst ? newSharersPanel : null}
    </div>
  );
}

/** Why the range has no share scenes, and a way to the last days that have them. */
function NoScenes({ data, from, to, href }: { data: SharesData; from: string; to: string; href: string | null }) {
  const t = useT();
  const last = data.lastDateWithData;
  return (
    <div className="no-data" data-testid="shares-no-scenes">
      <p>{last === null ? t("shares.empty.scenesNever") : t("shares.empty.scenes", { from, to, last })}</p>
      {href && data.rangeWithData ? (
        <p>
          <Link href={href} className="button-link" data-testid="shares-range-with-data">
            {t("shares.empty.link", data.rangeWithData)}
          </Link>
        </p>
      ) : null}
    </div>
  );
}
