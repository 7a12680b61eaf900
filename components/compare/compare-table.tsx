"use client";
import Link from "next/link";

import { compareItemId } from "@/lib/views/article-params";
import type { ComparedArticle } from "@/lib/views/compare";

import { useFormat, useT } from "../i18n";
import { useReportContext } from "../shell/report-context";

const ROWS = [
  { metric: "readers", kind: "number" },
  { metric: "readRate", kind: "percent" },
  { metric: "sharers", kind: "number" },
  { metric: "shareRate", kind: "percent" },
  { metric: "favourites", kind: "number" },
  { metric: "likes", kind: "number" },
  { metric: "zaikan", kind: "number" },
  { metric: "comments", kind: "number" },
  { metric: "finishRate", kind: "percent" },
  { metric: "avgActiveMinutes", kind: "minutes" },
] as const;

/** The highest value of a row (every metric here is better when higher); none when fewer than two articles have it. */
export function bestOf(values: (number | null)[]): number | null {
  const present = values.filter((v): v is number => v != null);
  return present.length >= 2 ? Math.max(...present) : null;
}

/** One column per article, one row per metric, the best value of each row marked. */
export function CompareTable({ articles }: { articles: ComparedArticle[] }) {
  const t = useT();
  const f = useFormat();
  const { accounts } = useReportContext();
  const accountName = (id: number) => accounts.find((x) => x.id === id)?.name ?? `#${id}`;
  const format = (kind: (typeof ROWS)[number]["kind"], v: number | null) =>
    kind === "percent"
      ? f.percent(v)
      : kind === "minutes"
        ? v == null
          ? "–"
          : t("compare.minutes", { n: f.number(v, 1) })
        : f.number(v);
  return (
    <div className="table-scroll">
      <table className="compare-table" data-testid="compare-table">
        <thead>
          <tr>
            <th scope="col">{t("compare.col.metric")}</th>
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
          {ROWS.map(({ metric, kind }) => {
            const values = articles.map((a) => a.latest[metric]);
            const best = bestOf(values);
            return (
              <tr key={metric} data-testid={`compare-row-${metric}`}>
                <th scope="row">{t(`compare.metric.${metric}`)}</th>
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
                      {format(kind, v)}
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
  );
}
