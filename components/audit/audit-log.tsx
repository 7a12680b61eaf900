"use client";
import { AUDIT_ACTIONS } from "@/lib/audit-actions";

import { useDateTime } from "../accounts/use-action";
import { useT } from "../i18n";
import { ScrollRegion } from "../scroll-region";

export interface AuditRow {
  id: number;
  at: string;
  actor: string;
  action: string;
  target: string;
  detail: string;
  ip: string;
}

/** The audit log, newest first; the filter is a plain GET form, so the URL holds it. */
export function AuditLog({
  rows,
  filter,
}: {
  rows: AuditRow[];
  filter: { action?: string; q?: string; page: number };
}) {
  const t = useT();
  const dateTime = useDateTime();
  const pageLink = (page: number) => {
    const p = new URLSearchParams();
    if (filter.action) p.set("action", filter.action);
    if (filter.q) p.set("q", filter.q);
    p.set("page", String(page));
    return `/audit?${p}`;
  };
  return (
    <div className="page">
      <h1>{t("security.audit.title")}</h1>
      <form method="get" action="/audit" className="panel filters">
        <label>
          {t("security.audit.action")}
          <select name="action" defaultValue={filter.action ?? ""}>
            <option value="">{t("security.audit.allActions")}</option>
            {AUDIT_ACTIONS.map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("security.audit.search")}
          <input name="q" defaultValue={filter.q ?? ""} maxLength={200} />
        </label>
        <button type="submit">{t("security.audit.filter")}</button>
      </form>
      <section className="panel" data-testid="audit-list">
        {rows.length === 0 ? (
          <p className="muted">{t("security.audit.empty")}</p>
        ) : (
          <ScrollRegion label={t("security.audit.title")}>
            <table>
              <thead>
                <tr>
                  <th>{t("security.audit.when")}</th>
                  <th>{t("security.audit.who")}</th>
                  <th>{t("security.audit.action")}</th>
                  <th>{t("security.audit.what")}</th>
                  <th>{t("security.audit.ip")}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.id} data-testid="audit-row">
                    <td>{dateTime(r.at)}</td>
                    <td>{r.actor || "–"}</td>
                    <td>{r.action}</td>
                    <td>
                      {r.target}
                      {r.detail !== "{}" ? <div className="muted small">{r.detail}</div> : null}
                    </td>
                    <td>{r.ip || "–"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        )}
        <nav className="pager">
          {filter.page > 1 ? <a href={pageLink(filter.page - 1)}>{t("security.audit.newer")}</a> : null}{" "}
          {rows.length === AUDIT_PAGE_SIZE ? <a href={pageLink(filter.page + 1)}>{t("security.audit.older")}</a> : null}
        </nav>
      </section>
    </div>
  );
}

/** lib/audit.ts AUDIT_PAGE_SIZE (a full page means there may be older rows). */
const AUDIT_PAGE_SIZE = 100;
