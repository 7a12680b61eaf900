"use client";
import { useDeferredValue, useRef, useState } from "react";

import { addDaysIso } from "@/lib/dates";
import { MAX_RANGE_DAYS } from "@/lib/report-params";
import { COMPARE_MAX, compareItemId, parseCompareItem } from "@/lib/views/article-params";
import type { ArticleListRow } from "@/lib/views/tables/articles";

import { GenerationBadge } from "../articles/generation-badge";
import { useArticles } from "../hooks/queries";
import { useFormat, useT } from "../i18n";
import { Panel } from "../panel";
import { useReportContext, useReportState } from "../shell/report-context";

const SHOWN = 10;
const RANKS = ["readers", "readRate", "sharers", "sendDate"] as const;
type Rank = (typeof RANKS)[number];

/** Highest first; articles without the figure last. */
function ranked(rows: ArticleListRow[], rank: Rank): ArticleListRow[] {
  const value = (r: ArticleListRow) => r[rank];
  return [...rows].sort((a, b) => {
    const x = value(a);
    const y = value(b);
    if (x == null || y == null) return x == null && y == null ? 0 : x == null ? 1 : -1;
    return typeof x === "string" && typeof y === "string" ? y.localeCompare(x) : Number(y) - Number(x);
  });
}

/**
 * The selection (removable chips) and a search over the articles of the last 400 days of every
 * visible account, a client group's or one account's, ranked by readers, readers ÷ delivered, sharers or date.
 */
export function ArticlePicker({
  selected,
  titles,
  onChange,
}: {
  selected: string[];
  titles: Record<string, string>;
  onChange: (ids: string[]) => void;
}) {
  const t = useT();
  const f = useFormat();
  const { accounts, groups, today } = useReportContext();
  // Start on the account of the first article chosen, else the one the other report pages were on.
  const { accountId } = useReportState();
  const firstSelected = parseCompareItem(selected[0] ?? "")?.accountId;
  const initial =
    accounts.length > 1 ? "group:all" : String(accounts.find((a) => a.id === firstSelected)?.id ?? accountId ?? "");
  const [scope, setScope] = useState<string>(initial);
  const [rank, setRank] = useState<Rank>("readers");
  const [search, setSearch] = useState("");
  const needle = useDeferredValue(search.trim().toLowerCase());
  const to = addDaysIso(today, -1);
  const from = addDaysIso(to, -(MAX_RANGE_DAYS - 1));
  const group = scope.startsWith("group:") ? (scope === "group:all" ? "all" : Number(scope.slice(6))) : null;
  const query = useArticles(group !== null ? { group, from, to } : { account: Number(scope) || null, from, to });
  const accountName = (id: number) => accounts.find((x) => x.id === id)?.name ?? `#${id}`;
  const full = selected.length >= COMPARE_MAX;
  // Adding disables the button pressed and removing drops it: keep the keyboard in the picker.
  const searchBox = useRef<HTMLInputElement>(null);
  const choose = (ids: string[]) => {
    onChange(ids);
    searchBox.current?.focus();
  };

  return (
    <section className="panel picker" data-testid="compare-picker">
      <header className="panel-head">
        <h2>{t("compare.selection", { n: selected.length, max: COMPARE_MAX })}</h2>
      </header>
      {selected.length ? (
        <ul className="chips" data-testid="compare-selection">
          {selected.map((id, i) => {
            const item = parseCompareItem(id);
            return (
              <li key={id} className="chip" data-id={id}>
                <span>
                  {i + 1}. {titles[id] ?? item?.msgid ?? id}
                </span>
                {item ? <span className="muted small">{accountName(item.accountId)}</span> : null}
                <button
                  type="button"
                  className="link"
                  aria-label={t("compare.remove", { title: titles[id] ?? id })}
                  onClick={() => choose(selected.filter((x) => x !== id))}
                >
                  ×
                </button>
              </li>
            );
          })}
        </ul>
      ) : (
        <p className="muted">{t("compare.empty")}</p>
      )}
      <div className="picker-tools">
        <label>
          <span>{t("nav.account")}</span>
          <select value={scope} onChange={(e) => setScope(e.target.value)} data-testid="picker-account">
            {accounts.length > 1 ? <option value="group:all">{t("scope.all")}</option> : null}
            {groups.length ? (
              <optgroup label={t("scope.groups")}>
                {groups.map((g) => (
                  <option key={g.id} value={`group:${g.id}`}>
                    {t("scope.group", { name: g.name })}
                  </option>
                ))}
              </optgroup>
            ) : null}
            {accounts.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t("picker.rankBy")}</span>
          <select value={rank} onChange={(e) => setRank(e.target.value as Rank)} data-testid="picker-rank">
            {RANKS.map((r) => (
              <option key={r} value={r}>
                {t(`picker.rank.${r}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="grow">
          <span>{t("compare.search", { from, to })}</span>
          <input
            ref={searchBox}
            type="search"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            placeholder={t("articles.search")}
            data-testid="picker-search"
          />
        </label>
      </div>
      <Panel
        title={<span className="sr-only">{t("compare.results")}</span>}
        query={query}
        testId="picker-results"
        isEmpty={(d) => d.rows.length === 0}
        emptyText={t("compare.noArticles", { from, to })}
      >
        {(d) => {
          const matches = ranked(
            needle
              ? d.rows.filter(
                  (r) =>
                    r.title.toLowerCase().includes(needle) ||
                    r.accountName.toLowerCase().includes(needle) ||
                    r.msgid.includes(needle),
                )
              : d.rows,
            rank,
          );
          return (
            <>
              <ul className="picker-results">
                {matches.slice(0, SHOWN).map((r) => {
                  const id = compareItemId(r);
                  const chosen = selected.includes(id);
                  return (
                    <li key={id} data-testid="picker-result" data-id={id}>
                      <button
                        type="button"
                        disabled={chosen || full}
                        onClick={() => choose([...selected, id])}
                        data-testid={`pick-${r.msgid}`}
                      >
                        {chosen ? t("compare.added") : t("compare.add")}
                      </button>
                      <span className="picker-title">{r.title || r.msgid}</span>{" "}
                      <GenerationBadge generation={r.generation} />
                      <span className="muted small">
                        {r.accountName} · {r.sendDate} · {t("compare.readersN", { n: f.number(r.readers) })}
                        {r.readRate != null ? ` · ${f.percent(r.readRate)}` : ""}
                        {r.sharers != null ? ` · ${t("picker.sharersN", { n: f.number(r.sharers) })}` : ""}
                      </span>
                    </li>
                  );
                })}
              </ul>
              <p className="muted small">
                {t("compare.matches", { shown: Math.min(SHOWN, matches.length), total: matches.length })}
              </p>
            </>
          );
        }}
      </Panel>
    </section>
  );
}
