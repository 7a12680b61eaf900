"use client";
import type { ViewData } from "@/lib/views";
import {
  READ_YESTERDAY_TABLE,
  SENT_YESTERDAY_TABLE,
  YESTERDAY_LABELS,
  type YesterdayFigure,
} from "@/lib/views/tables/yesterday";

import { useFormatCell, useHeaderText } from "../cells";
import { DataTable } from "../data-table";
import { ExportMenu } from "../export-menu";
import { FigureLabel } from "../figures";
import { useYesterday } from "../hooks/queries";
import { useFormat, useT } from "../i18n";
import { Panel } from "../panel";
import { ScrollRegion } from "../scroll-region";

type Data = ViewData<"yesterday">;

function FigureWithComparisons({ figure, missing }: { figure: YesterdayFigure; missing: string | null }) {
  const t = useT();
  const f = useFormat();
  const header = useHeaderText();
  const cell = useFormatCell();
  const { label, definition, format } = YESTERDAY_LABELS[figure.metric];
  const testId = `yesterday-${figure.metric}`;
  return (
    <div className="kpi" data-testid={testId} data-value={figure.value ?? ""}>
      <FigureLabel testId={testId} label={header(label)} definition={t(definition)} />
      <div className="kpi-value">{cell(format, figure.value)}</div>
      {figure.value === null && missing ? (
        <div className="kpi-delta muted" data-testid={`${testId}-missing`}>
          {missing}
        </div>
      ) : null}
      {figure.comparisons.map((c) => {
        const direction = c.pct == null ? "flat" : c.pct > 0 ? "up" : c.pct < 0 ? "down" : "flat";
        return (
          <div
            key={c.days}
            className={`kpi-delta ${direction}`}
            data-testid={`yesterday-${figure.metric}-vs${c.days}`}
            data-value={c.value ?? ""}
            title={c.date}
          >
            <span className="muted">{t(`yesterday.vs${c.days}`)} </span>
            {c.pct == null ? "–" : `${c.pct > 0 ? "▲" : c.pct < 0 ? "▼" : "•"} ${f.percent(Math.abs(c.pct))}`}
          </div>
        );
      })}
    </div>
  );
}

/** 昨日关键指标, the articles sent yesterday, and every article read yesterday: the Overview's first answers. */
export function YesterdayPanel({ account }: { account: number | null }) {
  const t = useT();
  const header = useHeaderText();
  const params = { account };
  const query = useYesterday(params);
  const empty = (d: Data) => !d.fetched && d.figures.every((f) => f.value === null);
  return (
    <>
      <Panel
        title={query.data ? t("yesterday.title", { date: query.data.date }) : header(SENT_YESTERDAY_TABLE.title)}
        query={query}
        testId="yesterday"
        actions={<ExportMenu view="yesterday" params={params} table="kpis" />}
      >
        {(d) => (
          <>
            {!d.final ? (
              <p className="notice" role="status" data-testid="yesterday-not-final">
                {t(d.fetched ? "yesterday.notFinal" : "yesterday.notFetched", { time: d.nextFetch })}
              </p>
            ) : null}
            {empty(d) ? null : (
              <div className="kpis">
                {d.figures.map((figure) => (
                  <FigureWithComparisons
                    key={figure.metric}
                    figure={figure}
                    missing={
                      figure.metric === "deliveryReadRate" && d.deliveryReadRateMissing
                        ? t(`yesterday.deliveryReadRateMissing.${d.deliveryReadRateMissing}`)
                        : null
                    }
                  />
                ))}
              </div>
            )}
            <p className="muted small">{t("yesterday.deliveryReadRateNote")}</p>
          </>
        )}
      </Panel>
      <div className="grid-2 yesterday-lists">
        <Panel
          title={header(SENT_YESTERDAY_TABLE.title)}
          query={query}
          testId="yesterday-sent"
          isEmpty={(d) => d.sent.length === 0}
          emptyText={t("yesterday.noneSent")}
          actions={<ExportMenu view="yesterday" params={params} table="sent" />}
        >
          {(d) => (
            <ScrollRegion label={header(SENT_YESTERDAY_TABLE.title)}>
              <DataTable
                columns={SENT_YESTERDAY_TABLE.columns}
                rows={d.sent}
                rowKey={(r) => r.msgid}
                rowTestId={(r) => `sent-${r.msgid}`}
              />
            </ScrollRegion>
          )}
        </Panel>
        <Panel
          title={header(READ_YESTERDAY_TABLE.title)}
          query={query}
          testId="yesterday-read"
          isEmpty={(d) => d.read.length === 0}
          emptyText={t("yesterday.noneRead")}
          actions={<ExportMenu view="yesterday" params={params} table="read" />}
        >
          {(d) => (
            <>
              <p className="muted small">{t("yesterday.readNote", { source: d.readFrom ?? "" })}</p>
              <ScrollRegion className="yesterday-read-table" label={header(READ_YESTERDAY_TABLE.title)}>
                <DataTable
                  columns={READ_YESTERDAY_TABLE.columns}
                  rows={d.read}
                  rowKey={(r) => r.msgid}
                  rowTestId={(r) => `read-${r.msgid}`}
                />
              </ScrollRegion>
            </>
          )}
        </Panel>
      </div>
    </>
  );
}
