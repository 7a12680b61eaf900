"use client";
import Link from "next/link";

import { compareItemId } from "@/lib/views/article-params";
import type { ComparedArticle } from "@/lib/views/compare";
import { COMPARE_FIGURES } from "@/lib/views/tables/articles";
import { figuresAt } from "@/lib/views/tables/compare";

import { useFormatCell, useHeaderText } from "../cells";
import { useT } from "../i18n";
import { useReportContext } from "../shell/report-context";

/** The highest value of a row (every metric here is better when higher); none when fewer than two articles have it. */
export function bestOf(values: (number | null)[]): number | null {
  const present = values.filter((v): v is number => v != null);
  return present.length >= 2 ? Math.max(...present) : null;
}

/**
 * One column per article, one row per metric, each article at the same day since sending
 * (`day`, which the reader may change), the best value of each row marked.
 */
export function CompareTable({
  articles,
  day,
  defaultDay,
  onDay,
}: {
  articles: ComparedArticle[];
  day: number | null;
  defaultDay: number | null;
  onDay: (day: number) => void;
}) {
  const t = useT();
  const header = useHeaderText();
  const format = useFormatCell();
  const { accounts } = useReportContext();
  const accountName = (id: number) => accounts.find((x) => x.id === id)?.name ?? `#${id}`;
  const lastDay = Math.max(0, ...articles.flatMap((a) => a.curve.map((p) => p.day)));
  const figures = articles.map((a) => figuresAt(a, day));
  return (
    <>
      {day !== null ? (
        <div className="chart-controls">
          <label>
            {t("compare.atDay")}{" "}
            <select data-testid="compare-day" value={day} onChange={(e) => onDay(Number(e.target.value))}>
              {Array.from({ length: lastDay + 1 }, (_, n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
          </label>
          <p className="muted small" data-testid="compare-day-note">
            {t("compare.atDayNote", { day, default: defaultDay ?? 0 })}
          </p>
        </div>
      ) : null}
      <div className="table-scroll">
        <table className="compare-table" data-testid="compare-table">
          <thead>
            <tr>
              <th scope="col">{t("col.metric")}</th>
              {articles.map((a, i) => (
                <th key={compareItemId(a)} scope="col" className="num article-col">
                  <Link href={`/articles/${a.accountId}/${a.msgid}`} title={a.title}>
                    {i + 1}. {a.title || a.msgid}
                  </Link>
                  <div className="muted small">
                    {accountName(a.accountId)} · {a.sendDate}
                  </div>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {COMPARE_FIGURES.map((figure) => {
              const values = figures.map((f) => figure.value(f));
              const best = bestOf(values);
              return (
                <tr key={figure.key} data-testid={`compare-row-${figure.key}`}>
                  <th scope="row">{header(figure.header)}</th>
                  {values.map((v, i) => {
                    const isBest = best !== null && v === best;
                    return (
                      <td
                        key={i}
                        className={`num${isBest ? " best" : ""}`}
                        data-key={`a${i}`}
                        data-value={v ?? ""}
                        data-best={isBest ? "true" : undefined}
                      >
                        {isBest ? (
                          <span className="star" role="img" aria-label={t("compare.best")}>
                            ★{" "}
                          </span>
                        ) : null}
                        {format(figure.format, v)}
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
        <p className="muted small">{t("compare.tableNote")}</p>
      </div>
    </>
  );
}
