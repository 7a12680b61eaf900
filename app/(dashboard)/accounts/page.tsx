import { AccountsOverview } from "@/components/accounts/accounts-overview";
import { getDatabase } from "@/db/client";
import { accountSummaries } from "@/lib/accounts/queries";
import { isAdmin } from "@/lib/auth/access";
import { guardPage } from "@/lib/auth/page-guard";

export default async function AccountsPage() {
  const user = await guardPage();
  const accounts = await accountSummaries(await getDatabase(), user);
  return <AccountsOverview accounts={accounts} isAdmin={isAdmin(user)} />;
}
