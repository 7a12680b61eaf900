"use client";
import Link from "next/link";

import type { AccountSummary } from "@/lib/accounts/queries";

import { useT } from "../i18n";
import { RunBadge } from "../sync/run-badge";
import { AddAccountForm } from "./add-account-form";
import { useDateTime } from "./use-action";

/** The accounts this user may see, with their last sync; admins also get the "add account" form. */
export function AccountsOverview({ accounts, isAdmin }: { accounts: AccountSummary[]; isAdmin: boolean }) {
  const t = useT();
  const when = useDateTime();
  return (
    <div className="page">
      <h1>{t("admin.accounts.title")}</h1>
      <section className="panel" data-testid="accounts-list">
        {accounts.length === 0 ? (
          <div className="panel-state empty" data-testid="accounts-empty">
            {isAdmin ? t("admin.accounts.empty") : t("admin.accounts.emptyViewer")}
          </div>
        ) : (
          <div className="table-scroll">
            <table className="phone-table">
              <thead>
                <tr>
                  <th>{t("admin.accounts.col.name")}</th>
                  <th className="phone-hide">{t("admin.accounts.col.appid")}</th>
                  <th className="phone-hide">{t("admin.accounts.col.auth")}</th>
                  <th>{t("admin.accounts.col.final")}</th>
                  <th className="phone-hide">{t("admin.accounts.col.lastSync")}</th>
                  <th>{t("admin.accounts.col.status")}</th>
                  <th className="phone-hide" />
                </tr>
              </thead>
              <tbody>
                {accounts.map((a) => (
                  <tr key={a.id} data-testid={`account-row-${a.id}`}>
                    <td>
                      <Link href={`/accounts/${a.id}`}>{a.name}</Link>
                    </td>
                    <td className="phone-hide">
                      <code>{a.appid}</code>
                    </td>
                    <td className="phone-hide">{t(`admin.auth.${a.authType}`)}</td>
                    <td data-testid={`account-final-${a.id}`}>{a.finalThrough ?? "–"}</td>
                    <td className="phone-hide">
                      {a.lastRun ? when(a.lastRun.finishedAt ?? a.lastRun.startedAt) : "–"}
                    </td>
                    <td>
                      <RunBadge status={a.lastRun?.status ?? null} errors={a.lastRun?.errors ?? 0} />
                    </td>
                    <td className="phone-hide">
                      <Link href={`/accounts/${a.id}`}>{t("admin.accounts.open")}</Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      {isAdmin ? <AddAccountForm /> : null}
    </div>
  );
}
