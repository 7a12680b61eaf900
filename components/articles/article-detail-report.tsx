"use client";
import Link from "next/link";

import type { ArticleDetailData } from "@/lib/views/article-detail";
import {
  type CurveGeneration as Generation,
  curvesTable,
  DAY,
  DROP_OFF_TABLE,
  HEADLINE,
  INTERACTION_FIGURES,
  INTERACTIONS_TABLE,
  type Point,
  QUALITY_TABLE,
  SHARING_FIGURES,
  sourceColumns,
  sourcesTable,
} from "@/lib/views/tables/article-detail";
import { ARTICLE_FIGURES } from "@/lib/views/tables/articles";

import { useColumnChart, useHeaderText } from "../cells";
import { SeriesChart } from "../charts/series-chart";
import { ExportMenu } from "../export-menu";
import { FigureCard } from "../figures";
import { useArticleDetail } from "../hooks/queries";
import { useT } from "../i18n";
import { Panel } from "../panel";
import { useReportContext, useReportState } from "../shell/report-context";
import { GenerationBadge } from "./generation-badge";
import { HistoryPanel } from "./history-panel";

/** One article: headline figures and its cumulative curves by day since send, from either generation. */
export function ArticleDetailReport({ account, msgid }: { account: number; msgid: string }) {
  const t = useT();
  const chart = useColumnChart();
  const state = useReportState();
  const { accounts } = useReportContext();
  const params = { account, msgid };
  const query = useArticleDetail(params);
  const data = query.data;
  const a = data?.article;
  const available: Generation[] = a ? (["new", "legacy"] as const).filter((g) => a[g] !== null) : [];
  const asked = state.search.get("gen");
  const gen: Generation = available.includes(asked as Generation) ? (asked as Generation) : (available[0] ?? "new");
  const carried = new URLSearchParams(
    [...state.search].filter(([k]) => ["account", "range", "from", "to"].includes(k)),
  );
  if (!carried.has("account")) carried.set("account", String(account));
  const accountName = accounts.find((x) => x.id === account)?.name ?? `#${account}`;
  const dayLabel = t("articleDetail.daysAxis");
  const newOnlyText = data ? <NewOnlyNote data={data} /> : null;
  const legacyOnly = data?.article.new === null;

  const curvesPanel = (
    <Panel
      title={t("articleDetail.curves")}
      query={query}
      testId="article-curves"
      actions={<ExportMenu view="articleDetail" params={params} table={curvesTable(gen).id} />}
    >
      {(d) => (
        <SeriesChart
          testId="article-curves-chart"
          {...chart<Point>(DAY, SHARING_FIGURES, d.article[gen] ?? [])}
          kind="line"
          xLabel={dayLabel}
          yLabel={t("articleDetail.peopleAxis")}
          tableLabel={t("articleDetail.showTable")}
          height={280}
        />
      )}
    </Panel>
  );
  const back = (
    <p className="back">
      <Link href={`/articles?${carried.toString()}`}>← {t("articleDetail.back")}</Link>
    </p>
  );
  // One message for a missing article or a failed load, not one per chart.
  if (query.error)
    return (
      <div className="page article-detail">
        {back}
        <h1 data-testid="article-title">{msgid}</h1>
        <Panel title={t("articleDetail.headline")} query={query} testId="article-headline">
          {() => null}
        </Panel>
      </div>
    );

  return (
    <div className="page article-detail">
      {back}
      <header className="article-head">
        <h1 data-testid="article-title">{a?.title || msgid}</h1>
        <p className="muted">
          {accountName} · {t("articleDetail.sent", { date: a?.sendDate ?? "…" })}
          {a?.position ? ` · ${t("articleDetail.position", { n: a.position })}` : ""} · <code>{msgid}</code>{" "}
          {a ? <GenerationBadge generation={a.legacy && a.new ? "both" : a.new ? "new" : "legacy"} /> : null}
          {a?.contentUrl ? (
            <>
              {" · "}
              <a href={a.contentUrl} target="_blank" rel="noreferrer noopener">
                {t("articleDetail.open")}
              </a>
            </>
          ) : null}
        </p>
      </header>

      <Panel
        title={t(HEADLINE.title)}
        query={query}
        testId="article-headline"
        actions={<ExportMenu view="articleDetail" params={params} table={HEADLINE.id} />}
      >
        {(d) => <Headline data={d} />}
      </Panel>

      {data ? (
        <GenerationNotice
          data={data}
          gen={gen}
          available={available}
          onChoose={(g) => state.update({ gen: g === available[0] ? null : g })}
        />
      ) : null}

      {data ? <HistoryPanel data={data} /> : null}

      <Panel
        title={t("articleDetail.sources")}
        query={query}
        testId="article-sources"
        actions={<ExportMenu view="articleDetail" params={params} table={sourcesTable(gen).id} />}
      >
        {(d) => {
          return (
            <>
              <SeriesChart
                testId="article-sources-chart"
                {...chart<Point>(DAY, sourceColumns(gen), d.article[gen] ?? [])}
                kind="area"
                stacked
                xLabel={dayLabel}
                yLabel={t("articleDetail.readersAxis")}
                tableLabel={t("articleDetail.showTable")}
              />
              <p className="muted small">
                {t(gen === "new" ? "articleDetail.sourcesNoteNew" : "articleDetail.sourcesNoteLegacy")}
              </p>
            </>
          );
        }}
      </Panel>

      <Panel
        title={t("articleDetail.longTail")}
        query={query}
        testId="article-long-tail"
        isEmpty={(d) => d.daily.length === 0}
      >
        {(d) => (
          <>
            <p className="muted small">{t("articleDetail.longTailNote")}</p>
            <SeriesChart
              testId="article-long-tail-chart"
              data={d.daily.map((day) => ({ date: day.date, readers: day.readers, sharers: day.sharers }))}
              xKey="date"
              kind="bar"
              series={[
                { key: "readers", label: t("metric.readers") },
                { key: "sharers", label: t("metric.sharers"), kind: "line" },
              ]}
              xLabel={t("unit.date")}
              yLabel={t("articleDetail.peopleAxis")}
              tableLabel={t("articleDetail.showTable")}
              height={240}
            />
          </>
        )}
      </Panel>

      {legacyOnly ? (
        <div className="grid-2">
          {curvesPanel}
          <Panel
            title={t("articleDetail.newOnlyCharts")}
            query={query}
            testId="article-new-only"
            isEmpty={() => true}
            emptyText={newOnlyText}
          >
            {() => null}
          </Panel>
        </div>
      ) : (
        <>
          <div className="grid-2">
            {curvesPanel}
            <Panel
              title={t("articleDetail.interactions")}
              query={query}
              testId="article-interactions"
              actions={<ExportMenu view="articleDetail" params={params} table={INTERACTIONS_TABLE.id} />}
            >
              {(d) => (
                <SeriesChart
                  testId="article-interactions-chart"
                  {...chart(DAY, INTERACTION_FIGURES, d.article.new ?? [])}
                  kind="line"
                  xLabel={dayLabel}
                  yLabel={t("articleDetail.countAxis")}
                  tableLabel={t("articleDetail.showTable")}
                  height={280}
                />
              )}
            </Panel>
          </div>
          <div className="grid-2">
            <Panel
              title={t("metric.finishRate")}
              query={query}
              testId="article-finish"
              actions={<ExportMenu view="articleDetail" params={params} table={QUALITY_TABLE.id} />}
            >
              {(d) => (
                <SeriesChart
                  testId="article-finish-chart"
                  data={(d.article.new ?? []).map((p) => ({
                    day: p.day,
                    finishRate: p.finishRate == null ? null : p.finishRate * 100,
                  }))}
                  xKey="day"
                  kind="line"
                  digits={1}
                  series={[{ key: "finishRate", label: t("metric.finishRate") }]}
                  xLabel={dayLabel}
                  yLabel={t("articleDetail.percentAxis")}
                  tableLabel={t("articleDetail.showTable")}
                  height={240}
                />
              )}
            </Panel>
            <Panel
              title={t("metric.avgActiveMinutes")}
              query={query}
              testId="article-time"
              actions={<ExportMenu view="articleDetail" params={params} table={QUALITY_TABLE.id} />}
            >
              {(d) => (
                <SeriesChart
                  testId="article-time-chart"
                  data={(d.article.new ?? []).map((p) => ({
                    day: p.day,
                    seconds: p.avgActiveMinutes == null ? null : p.avgActiveMinutes * 60,
                  }))}
                  xKey="day"
                  kind="line"
                  series={[{ key: "seconds", label: t("metric.avgActiveMinutes") }]}
                  xLabel={dayLabel}
                  yLabel={t("articleDetail.secondsAxis")}
                  tableLabel={t("articleDetail.showTable")}
                  height={240}
                />
              )}
            </Panel>
          </div>
          <Panel
            title={t("articleDetail.dropOff")}
            query={query}
            testId="article-dropoff"
            isEmpty={(d) => d.dropOff === null}
            actions={<ExportMenu view="articleDetail" params={params} table={DROP_OFF_TABLE.id} />}
          >
            {(d) => (
              <>
                <SeriesChart
                  testId="article-dropoff-chart"
                  data={(d.dropOff ?? []).map((p) => ({
                    position: t(`articleDetail.fifth.${p.position}`),
                    leaving: p.rate * 100,
                  }))}
                  xKey="position"
                  kind="bar"
                  digits={1}
                  series={[{ key: "leaving", label: t("articleDetail.col.leaving") }]}
                  xLabel={t("articleDetail.positionAxis")}
                  yLabel={t("articleDetail.leavingAxis")}
                  tableLabel={t("articleDetail.showTable")}
                  height={260}
                />
                <p className="muted small">{t("articleDetail.dropOffNote", { date: d.headline.statDate ?? "" })}</p>
              </>
            )}
          </Panel>
        </>
      )}
    </div>
  );
}

function Headline({ data }: { data: ArticleDetailData }) {
  const t = useT();
  const header = useHeaderText();
  const h = data.headline;
  // A legacy-only article has none of the new interfaces' figures: no cards for them.
  const figures = ARTICLE_FIGURES.filter((f) => !f.newOnly || data.article.new !== null);
  return (
    <>
      <div className="kpis">
        {figures.map((f) => (
          <FigureCard
            key={f.key}
            testId={`stat-${f.key}`}
            label={header(f.header)}
            definition={f.definition ? t(f.definition) : undefined}
            format={f.format}
            value={f.value(h)}
            hint={f.key === "delivered" && h.delivered == null ? t("articleDetail.noDelivered") : undefined}
          />
        ))}
      </div>
      <p className="muted small">
        {t("articleDetail.asOf", { date: h.statDate ?? "–", day: h.day ?? 0 })} · {t("articleDetail.rateNote")}
      </p>
    </>
  );
}

function GenerationNotice({
  data,
  gen,
  available,
  onChoose,
}: {
  data: ArticleDetailData;
  gen: Generation;
  available: Generation[];
  onChoose: (g: Generation) => void;
}) {
  const t = useT();
  const a = data.article;
  if (available.length === 2) {
    return (
      <div className="notice gen-notice" data-testid="generation-notice">
        <span>{t("articleDetail.bothNote", { legacyDays: a.legacy?.length ?? 0, newDays: a.new?.length ?? 0 })}</span>
        <span className="segmented" role="group" aria-label={t("articleDetail.chooseGeneration")}>
          {available.map((g) => (
            <button
              key={g}
              type="button"
              aria-pressed={gen === g}
              className={gen === g ? "on" : undefined}
              onClick={() => onChoose(g)}
              data-testid={`generation-${g}`}
            >
              {t(`articleDetail.curveOf.${g}`, { days: a[g]?.length ?? 0 })}
            </button>
          ))}
        </span>
      </div>
    );
  }
  // Legacy only: the panel standing in for the new-generation charts says why.
  if (available[0] === "legacy") return null;
  return (
    <div className="notice" data-testid="generation-notice">
      {t("articleDetail.newOnlyNote", { days: a.new?.length ?? 0 })}
    </div>
  );
}

/** Why the new-generation-only figures are missing for a legacy-only article. */
function NewOnlyNote({ data }: { data: ArticleDetailData }) {
  const t = useT();
  const { sendDate } = data.article;
  return (
    <span data-testid="legacy-only-note">
      {sendDate < data.newFirstDate
        ? t("articleDetail.legacyOnlyBefore", {
            date: sendDate,
            first: data.newFirstDate,
            days: data.article.legacy?.length ?? 0,
          })
        : t("articleDetail.legacyOnlyMissing", { date: sendDate, days: data.article.legacy?.length ?? 0 })}
    </span>
  );
}
