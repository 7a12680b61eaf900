"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";

import { createShare, revokeShare } from "@/lib/actions/shares";
import { addDaysIso } from "@/lib/dates";
import type { MessageId } from "@/lib/i18n/messages";

import { ErrorNotice } from "../accounts/error-notice";
import { useAction, useDateTime } from "../accounts/use-action";
import { useT } from "../i18n";
import { ScrollRegion } from "../scroll-region";
import { useReportContext } from "../shell/report-context";

export interface ShareRowData {
  id: number;
  creatorEmail: string | null;
  accountName: string | null;
  groupName: string | null;
  view: "overview" | "articles" | "hourly" | "shares";
  from: string;
  to: string;
  expiresAt: string;
  opens: number;
  lastOpenedAt: string | null;
  status: "active" | "expired" | "revoked";
}

const VIEW_LABEL: Record<ShareRowData["view"], MessageId> = {
  overview: "nav.overview",
  articles: "nav.articles",
  hourly: "nav.hourly",
  shares: "nav.shares",
};

/** Shared links: create one for a view, see every link with its openings, revoke. */
export function SharesAdmin({ links }: { links: ShareRowData[] }) {
  const t = useT();
  const router = useRouter();
  const when = useDateTime();
  const revoke = useAction(revokeShare);
  return (
    <div className="page">
      <h1>{t("share.title")}</h1>
      <p className="muted">{t("share.intro")}</p>
      <CreateShare />
      <section className="panel">
        <ScrollRegion label={t("share.title")}>
          <table data-testid="shares-list">
            <thead>
              <tr>
                <th>{t("share.col.scope")}</th>
                <th>{t("share.col.view")}</th>
                <th>{t("share.col.range")}</th>
                <th>{t("share.col.expires")}</th>
                <th className="num">{t("share.col.opens")}</th>
                <th>{t("share.col.status")}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {links.length === 0 ? (
                <tr>
                  <td colSpan={7} className="muted">
                    {t("share.none")}
                  </td>
                </tr>
              ) : null}
              {links.map((l) => (
                <tr key={l.id} data-testid={`share-row-${l.id}`} data-status={l.status}>
                  <td>{l.accountName ?? l.groupName ?? "–"}</td>
                  <td>{t(VIEW_LABEL[l.view])}</td>
                  <td>
                    {l.from} – {l.to}
                  </td>
                  <td>{when(l.expiresAt)}</td>
                  <td className="num" data-testid="share-opens" data-value={l.opens}>
                    {l.opens}
                  </td>
                  <td>{t(`share.status.${l.status}`)}</td>
                  <td>
                    {l.status === "active" ? (
                      <button
                        type="button"
                        disabled={revoke.pending}
                        data-testid="share-revoke"
                        onClick={async () => {
                          if ((await revoke.run({ id: l.id })) !== null) router.refresh();
                        }}
                      >
                        {t("share.revoke")}
                      </button>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
        <ErrorNotice error={revoke.error} />
      </section>
    </div>
  );
}

function CreateShare() {
  const t = useT();
  const router = useRouter();
  const { accounts, groups, today } = useReportContext();
  const yesterday = addDaysIso(today, -1);
  const [scope, setScope] = useState(accounts[0] ? `account:${accounts[0].id}` : "");
  const [view, setView] = useState<ShareRowData["view"]>("overview");
  const [from, setFrom] = useState(addDaysIso(yesterday, -29));
  const [to, setTo] = useState(yesterday);
  const [minutes, setMinutes] = useState(7 * 1440);
  const [url, setUrl] = useState<string | null>(null);
  const create = useAction(createShare);
  const isGroup = scope.startsWith("group:");
  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setUrl(null);
    const id = Number(scope.split(":")[1]);
    const made = await create.run({
      ...(isGroup ? { group: id } : { account: id }),
      view: isGroup ? "articles" : view,
      from,
      to,
      expiresInMinutes: minutes,
    });
    if (!made) return;
    setUrl(`${window.location.origin}${made.path}`);
    router.refresh();
  }
  return (
    <form className="panel" onSubmit={submit} data-testid="share-create">
      <h2>{t("share.create")}</h2>
      <div className="share-form">
        <label>
          <span>{t("share.col.scope")}</span>
          <select value={scope} onChange={(e) => setScope(e.target.value)} data-testid="share-scope">
            {accounts.map((a) => (
              <option key={a.id} value={`account:${a.id}`}>
                {a.name}
              </option>
            ))}
            {groups.map((g) => (
              <option key={g.id} value={`group:${g.id}`}>
                {t("scope.group", { name: g.name })}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t("share.col.view")}</span>
          <select
            value={isGroup ? "articles" : view}
            disabled={isGroup}
            onChange={(e) => setView(e.target.value as ShareRowData["view"])}
            data-testid="share-view"
          >
            {(Object.keys(VIEW_LABEL) as ShareRowData["view"][]).map((v) => (
              <option key={v} value={v}>
                {t(VIEW_LABEL[v])}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t("range.from")}</span>
          <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} data-testid="share-from" />
        </label>
        <label>
          <span>{t("range.to")}</span>
          <input type="date" value={to} onChange={(e) => setTo(e.target.value)} data-testid="share-to" />
        </label>
        <label>
          <span>{t("share.expiresIn")}</span>
          <select value={minutes} onChange={(e) => setMinutes(Number(e.target.value))} data-testid="share-expiry">
            <option value={60}>{t("share.hours", { n: 1 })}</option>
            {[1, 7, 30, 90].map((n) => (
              <option key={n} value={n * 1440}>
                {t("share.days", { n })}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="primary" disabled={create.pending} data-testid="share-submit">
          {t("share.create")}
        </button>
      </div>
      <ErrorNotice error={create.error} />
      {url ? (
        <div className="notice ok share-token">
          <span>{t("share.created")}</span>
          <code data-testid="share-url">{url}</code>
          <button type="button" onClick={() => void navigator.clipboard?.writeText(url)}>
            {t("share.copy")}
          </button>
        </div>
      ) : null}
    </form>
  );
}
