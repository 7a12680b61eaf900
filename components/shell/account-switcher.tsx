"use client";
import { useT } from "../i18n";
import { useReportContext, useReportState } from "./report-context";

/** The account of the report pages; with `withGroups` (the articles list) also every account, or a client group. */
export function AccountSwitcher({ withGroups = false }: { withGroups?: boolean }) {
  const t = useT();
  const { accounts, groups } = useReportContext();
  const state = useReportState();
  if (accounts.length === 0) return <span className="muted">{t("nav.noAccounts")}</span>;
  const value = withGroups && state.group !== null ? `group:${state.group}` : String(state.accountId ?? "");
  const choose = (v: string) =>
    v.startsWith("group:")
      ? state.update({ group: v.slice(6), page: null })
      : state.update({ account: v, group: null, page: null });
  return (
    <select
      aria-label={t("nav.account")}
      data-testid="account-switcher"
      value={value}
      onChange={(e) => choose(e.target.value)}
    >
      {withGroups && accounts.length > 1 ? <option value="group:all">{t("scope.all")}</option> : null}
      {withGroups && groups.length ? (
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
  );
}
