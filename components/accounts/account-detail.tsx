"use client";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";

import { useT } from "../i18n";
import { useReportContext } from "../shell/report-context";
import { CompletenessGrid, gridRange } from "../sync/completeness-grid";
import { SyncPanel } from "../sync/sync-panel";
import type { AuthType } from "./credential-fields";
import { CredentialsForm } from "./credentials-form";
import { DeleteAccount } from "./delete-account";

export interface AccountInfo {
  id: number;
  name: string;
  appid: string;
  authType: AuthType;
  componentAppid: string | null;
}

/** One account: sync (with live progress), data completeness, credentials (managers), deletion (admins). */
export function AccountDetail({
  account,
  canManage,
  isAdmin,
}: {
  account: AccountInfo;
  canManage: boolean;
  isAdmin: boolean;
}) {
  const t = useT();
  const { today } = useReportContext();
  const search = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const range = gridRange(today, search.get("from"), search.get("to"));
  const setRange = (r: { from: string; to: string }) =>
    router.replace(`${pathname}?from=${r.from}&to=${r.to}`, { scroll: false });
  return (
    <div className="page" data-testid="account-detail" data-account={account.id}>
      <div>
        <Link href="/accounts" className="small">
          {t("admin.detail.back")}
        </Link>
        <h1>{account.name}</h1>
        <p className="muted">
          <code>{account.appid}</code> · {t(`admin.auth.${account.authType}`)}
          {account.componentAppid ? (
            <>
              {" "}
              · <code>{account.componentAppid}</code>
            </>
          ) : null}
        </p>
      </div>
      <SyncPanel accountId={account.id} canManage={canManage} today={today} />
      <CompletenessGrid
        accountId={account.id}
        canManage={canManage}
        isAdmin={isAdmin}
        today={today}
        range={range}
        onRange={setRange}
      />
      {canManage ? <CredentialsForm account={account} /> : null}
      {isAdmin ? <DeleteAccount account={account} /> : null}
    </div>
  );
}
