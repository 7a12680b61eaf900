"use client";
import { useT } from "../i18n";
import { useReportContext, useReportState } from "./report-context";

export function AccountSwitcher() {
  const t = useT();
  const { accounts } = useReportContext();
  const state = useReportState();
  if (accounts.length === 0) return <span className="muted">{t("nav.noAccounts")}</span>;
  return (
    <select
      aria-label={t("nav.account")}
      data-testid="account-switcher"
      value={state.accountId ?? ""}
      onChange={(e) => state.update({ account: e.target.value })}
    >
      {accounts.map((a) => (
        <option key={a.id} value={a.id}>
          {a.name}
        </option>
      ))}
    </select>
  );
}
