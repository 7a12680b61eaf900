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
          <table>
            <thead>
              <tr>
                <th>{t("admin.accounts.col.name")}</th>
                <th>{t("admin.accounts.col.appid")}</th>
                <th>{t("admin.accounts.col.auth")}</th>
                <th>{t("admin.accounts.col.final")}</th>
                <th>{t("admin.accounts.col.lastSync")}</th>
                <th>{t("admin.accounts.col.status")}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {accounts.map((a) => (
                <tr key={a.id} data-testid={`account-row-${a.id}`}>
                  <td>
                    <Link href={`/accounts/${a.id}`}>{a.name}</Link>
                  </td>
                  <td>
                    <code>{a.appid}</code>
                  </td>
                  <td>{t(`admin.auth.${a.authType}`)}</td>
                  <td data-testid={`account-final-${a.id}`}>{a.finalThrough ?? "–"}</td>
                  <td>{a.lastRun ? when(a.lastRun.finishedAt ?? a.lastRun.startedAt) : "–"}</td>
                  <td>
                    <RunBadge status={a.lastRun?.status ?? null} errors={a.lastRun?.errors ?? 0} />
                  </td>
                  <td>
                    <Link href={`/accounts/${a.id}`}>{t("admin.accounts.open")}</Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      {isAdmin ? <AddAccountForm /> : null}
    </div>
  );
}
