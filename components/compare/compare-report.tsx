"use client";
import Link from "next/link";

import { COMPARE_MAX, COMPARE_MIN, compareItemId, compareProblem, parseCompareItem } from "@/lib/views/article-params";
import type { CompareData } from "@/lib/views/compare";
import { CURVE_METRICS, type CurveMetric } from "@/lib/views/tables/articles";
import {
  type CurveScale as Scale,
  curveTableId,
  curveValue,
  METRICS_TABLE,
  sameAgeDay,
} from "@/lib/views/tables/compare";

import { colorAt } from "../charts/palette";
import { SeriesChart } from "../charts/series-chart";
import { ExportMenu } from "../export-menu";
import { useCompare } from "../hooks/queries";
import { useT } from "../i18n";
import { Panel } from "../panel";
import { useReportContext, useReportState } from "../shell/report-context";
import { ArticlePicker } from "./article-picker";
import { CompareTable } from "./compare-table";

/** Legend text: the article's number in the selection and the start of its title. */
export const shortTitle = (a: { title: string; msgid: string }, i: number, max = 14) => {
  const title = a.title || a.msgid;
  return `${i + 1}. ${title.length > max ? `${title.slice(0, max)}…` : title}`;
};

/** 2–8 articles of any visible accounts, from ?a=<account>:<msgid>: curves by day since send and a side-by-side table. */
export function CompareReport() {
  const t = useT();
  const state = useReportState();
  const raw = state.search.getAll("a");
  const problem = compareProblem(raw);
  const metric: CurveMetric = (CURVE_METRICS as readonly string[]).includes(state.search.get("metric") ?? "")
    ? (state.search.get("metric") as CurveMetric)
    : "readers";
  const scale: Scale = state.search.get("scale") === "per1000" ? "per1000" : "absolute";
  const query = useCompare({ a: raw }, problem === null);
  const items = raw.map(parseCompareItem).filter((i) => i !== null);
  const setItems = (ids: string[]) => state.update({ a: ids, day: null });
  const dayParam = /^\d{1,2}$/.test(state.search.get("day") ?? "") ? Number(state.search.get("day")) : null;

  return (
    <div className="page compare">
      <h1>{t("nav.compare")}</h1>
      <ArticlePicker
        selected={items.map(compareItemId)}
        titles={Object.fromEntries((query.data?.articles ?? []).map((a) => [compareItemId(a), a.title]))}
        onChange={setItems}
      />
      {problem ? <ProblemNotice problem={problem} /> : null}
      {problem === null && query.data && query.data.missing.length ? (
        <div className="notice error" role="alert" data-testid="compare-missing">
          {t("compare.missing", { ids: query.data.missing.join(", ") })}
        </div>
      ) : null}
      {problem === null ? (
        <>
          <Panel
            title={t("compare.curves")}
            query={query}
            testId="compare-curves"
            isEmpty={(d) => d.articles.length === 0}
            emptyText={t("compare.noneFound")}
            actions={<ExportMenu view="compare" params={{ a: raw, scale }} table={curveTableId(metric)} />}
          >
            {(d) => <Overlay data={d} metric={metric} scale={scale} onChange={(change) => state.update(change)} />}
          </Panel>
          <Panel
            title={t(METRICS_TABLE.title)}
            query={query}
            testId="compare-metrics"
            isEmpty={(d) => d.articles.length === 0}
            emptyText={t("compare.noneFound")}
            actions={<ExportMenu view="compare" params={{ a: raw, day: dayParam }} table={METRICS_TABLE.id} />}
          >
            {(d) => (
              <CompareTable
                articles={d.articles}
                day={dayParam ?? sameAgeDay(d.articles)}
                defaultDay={sameAgeDay(d.articles)}
                onDay={(day) => state.update({ day: day === sameAgeDay(d.articles) ? null : day })}
              />
            )}
          </Panel>
        </>
      ) : null}
    </div>
  );
}

function ProblemNotice({ problem }: { problem: NonNullable<ReturnType<typeof compareProblem>> }) {
  const t = useT();
  if (problem.kind === "malformed")
    return (
      <div className="notice error" role="alert" data-testid="compare-problem">
        {t("compare.malformed", { value: problem.value.slice(0, 60) })}
      </div>
    );
  if (problem.count > COMPARE_MAX)
    return (
      <div className="notice error" role="alert" data-testid="compare-problem">
        {t("compare.tooMany", { n: problem.count, max: COMPARE_MAX })}
      </div>
    );
  return (
    <div className="notice" data-testid="compare-problem">
      {t("compare.tooFew", { n: problem.count, min: COMPARE_MIN, max: COMPARE_MAX })}
    </div>
  );
}

function Overlay({
  data,
  metric,
  scale,
  onChange,
}: {
  data: CompareData;
  metric: CurveMetric;
  scale: Scale;
  onChange: (change: Record<string, string | null>) => void;
}) {
  const t = useT();
  const { accounts } = useReportContext();
  const articles = data.articles;
  const lastDay = Math.max(0, ...articles.flatMap((a) => a.curve.map((p) => p.day)));
  const rows = Array.from({ length: lastDay + 1 }, (_, day) => ({
    day,
    ...Object.fromEntries(articles.map((a, i) => [`a${i}`, curveValue(a, day, metric, scale)])),
  }));
  const undelivered = scale === "per1000" ? articles.filter((a) => a.delivered == null) : [];
  const notNotified = undelivered.filter((a) => !a.notified);
  const unknownDelivery = undelivered.filter((a) => a.notified);
  const accountName = (id: number) => accounts.find((x) => x.id === id)?.name ?? `#${id}`;
  return (
    <>
      <div className="chart-controls">
        <span className="segmented" role="group" aria-label={t("compare.metric")}>
          {CURVE_METRICS.map((m) => (
            <button
              key={m}
              type="button"
              aria-pressed={metric === m}
              className={metric === m ? "on" : undefined}
              onClick={() => onChange({ metric: m === "readers" ? null : m })}
              data-testid={`metric-${m}`}
            >
              {t(`metric.${m}`)}
            </button>
          ))}
        </span>
        <span className="segmented" role="group" aria-label={t("compare.scale")}>
          {(["absolute", "per1000"] as const).map((s) => (
            <button
              key={s}
              type="button"
              aria-pressed={scale === s}
              className={scale === s ? "on" : undefined}
              onClick={() => onChange({ scale: s === "absolute" ? null : s })}
              data-testid={`scale-${s}`}
            >
              {t(`compare.scale.${s}`)}
            </button>
          ))}
        </span>
      </div>
      <SeriesChart
        testId="compare-chart"
        data={rows}
        xKey="day"
        kind="line"
        digits={scale === "per1000" ? 1 : 0}
        series={articles.map((a, i) => ({ key: `a${i}`, label: shortTitle(a, i), color: colorAt(i) }))}
        xLabel={t("compare.daysAxis")}
        yLabel={t(`compare.axis.${metric}.${scale}`)}
        tableLabel={t("compare.showTable")}
        height={360}
      />
      <ol className="legend-full" data-testid="compare-legend">
        {articles.map((a, i) => (
          <li key={compareItemId(a)}>
            <span className="swatch" style={{ background: colorAt(i) }} aria-hidden="true" />
            <Link href={`/articles/${a.accountId}/${a.msgid}`}>{a.title || a.msgid}</Link>{" "}
            <span className="muted small">
              {accountName(a.accountId)} · {a.sendDate} · {t("compare.curveDays", { n: a.curve.length })}
            </span>
            {scale === "per1000" && a.delivered == null ? (
              <span className="muted small" data-testid={`compare-no-delivered-a${i}`}>
                {" "}
                · {t(a.notified ? "compare.deliveredUnknown.one" : "compare.noDelivered.one")}
              </span>
            ) : null}
          </li>
        ))}
      </ol>
      {notNotified.length ? (
        <p className="muted small" data-testid="compare-no-delivered">
          {t("compare.noDelivered", { titles: notNotified.map((a) => a.title).join("、") })}
        </p>
      ) : null}
      {unknownDelivery.length ? (
        <p className="muted small" data-testid="compare-delivered-unknown">
          {t("compare.deliveredUnknown", { titles: unknownDelivery.map((a) => a.title).join("、") })}
        </p>
      ) : null}
      <p className="muted small">{t("compare.curveNote")}</p>
    </>
  );
}
