"use client";
import { useDeferredValue, useRef, useState } from "react";

import { addDaysIso } from "@/lib/dates";
import { MAX_RANGE_DAYS } from "@/lib/report-params";
import { COMPARE_MAX, compareItemId, parseCompareItem } from "@/lib/views/article-params";

import { GenerationBadge } from "../articles/generation-badge";
import { useArticles } from "../hooks/queries";
import { useFormat, useT } from "../i18n";
import { Panel } from "../panel";
import { useReportContext, useReportState } from "../shell/report-context";

const SHOWN = 10;

/** The selection (removable chips) and a search over one visible account's articles of the last 400 days. */
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
  const { accounts, today } = useReportContext();
  // Start on the account of the first article chosen, else the one the other report pages were on.
  const { accountId } = useReportState();
  const firstSelected = parseCompareItem(selected[0] ?? "")?.accountId;
  const [account, setAccount] = useState<number | null>(accounts.find((a) => a.id === firstSelected)?.id ?? accountId);
  const [search, setSearch] = useState("");
  const needle = useDeferredValue(search.trim().toLowerCase());
  const to = addDaysIso(today, -1);
  const from = addDaysIso(to, -(MAX_RANGE_DAYS - 1));
  const query = useArticles({ account, from, to });
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
          <select
            value={account ?? ""}
            onChange={(e) => setAccount(Number(e.target.value))}
            data-testid="picker-account"
          >
            {accounts.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
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
          const matches = needle
            ? d.rows.filter((r) => r.title.toLowerCase().includes(needle) || r.msgid.includes(needle))
            : d.rows;
          return (
            <>
              <ul className="picker-results">
                {matches.slice(0, SHOWN).map((r) => {
                  const id = compareItemId(r);
                  const chosen = selected.includes(id);
                  return (
                    <li key={id}>
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
                        {r.sendDate} · {t("compare.readersN", { n: f.number(r.readers) })}
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
