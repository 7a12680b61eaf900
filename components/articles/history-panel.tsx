"use client";
import { BAND_METRICS, type BandMetric, MIN_PEERS, verdictOf } from "@/lib/analytics/percentiles";
import type { ArticleDetailData } from "@/lib/views/article-detail";

import { BandChart, type BandPoint } from "../charts/band-chart";
import { useT } from "../i18n";

/** The article's curves over the band of its own account's last 90 days, the verdicts, and the definition. */
export function HistoryPanel({ data }: { data: ArticleDetailData }) {
  const t = useT();
  const history = data.history;
  const { article } = data;
  const position =
    history?.positionClass === "lead"
      ? t("band.position.lead")
      : t("band.position.other", { n: article.position ?? "?" });
  if (!history) return null;
  const points = (metric: BandMetric): BandPoint[] => {
    const days = new Set([...article.curve.map((p) => p.day), ...history.bands[metric].map((b) => b.day)]);
    return [...days]
      .sort((a, b) => a - b)
      .map((day) => {
        const own = article.curve.find((p) => p.day === day);
        const band = history.bands[metric].find((b) => b.day === day);
        return {
          day,
          value: own ? own[metric] : null,
          p10: band?.p10 ?? null,
          p25: band?.p25 ?? null,
          p50: band?.p50 ?? null,
          p75: band?.p75 ?? null,
          p90: band?.p90 ?? null,
        };
      });
  };
  const verdict = (metric: BandMetric) => {
    const r = history.rankings[metric];
    if (!r) return null;
    const v = verdictOf(r.percentile);
    const values = { day: r.day, metric: t(`metric.${metric}`), position };
    return v.kind === "middle"
      ? t("band.verdict.middle", values)
      : t(`band.verdict.${v.kind}`, { ...values, pct: v.pct });
  };
  return (
    <section className="panel" data-testid="article-history">
      <header className="panel-head">
        <h2>{t("band.title")}</h2>
      </header>
      {history.rankings.readers ? (
        <ul className="verdicts" data-testid="article-verdicts">
          {BAND_METRICS.map((m) =>
            history.rankings[m] ? (
              <li
                key={m}
                data-testid={`verdict-${m}`}
                data-percentile={history.rankings[m].percentile}
                data-day={history.rankings[m].day}
              >
                {verdict(m)}
              </li>
            ) : null,
          )}
        </ul>
      ) : (
        <p className="muted" data-testid="article-verdicts-none">
          {t("band.tooFew", { min: MIN_PEERS })}
        </p>
      )}
      <div className="grid-3">
        {BAND_METRICS.map((m) => (
          <div key={m}>
            <h3 className="small">{t(`metric.${m}`)}</h3>
            <BandChart
              testId={`band-${m}`}
              data={points(m)}
              labels={{
                value: t("band.this"),
                median: t("band.median"),
                p25_75: t("band.p25_75"),
                p10_90: t("band.p10_90"),
              }}
              xLabel={t("articleDetail.daysAxis")}
              yLabel={t(`metric.${m}`)}
              tableLabel={t("articleDetail.showTable")}
            />
          </div>
        ))}
      </div>
      <p className="muted small" data-testid="band-definition">
        {t("band.definition", { from: history.from, to: history.to, position, n: history.peers })}
      </p>
    </section>
  );
}
