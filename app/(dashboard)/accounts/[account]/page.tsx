import { notFound } from "next/navigation";

import { AccountDetail } from "@/components/accounts/account-detail";
import { getDatabase } from "@/db/client";
import { findAccount } from "@/lib/accounts/queries";
import { canManageAccount, isAdmin } from "@/lib/auth/access";
import { guardPage } from "@/lib/auth/page-guard";

export default async function AccountPage({ params }: { params: Promise<{ account: string }> }) {
  const id = Number((await params).account);
  const user = await guardPage({ accountIds: [id] });
  const account = await findAccount(await getDatabase(), id);
  if (!account) notFound();
  const { name, appid, authType, componentAppid } = account;
  return (
    <AccountDetail
      account={{ id, name, appid, authType, componentAppid }}
      canManage={canManageAccount(user, id)}
      isAdmin={isAdmin(user)}
    />
  );
}
