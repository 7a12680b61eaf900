import { DigestsPage } from "@/components/digests/digests-page";
import { getDatabase } from "@/db/client";
import { listAccounts } from "@/lib/accounts/queries";
import { canManageAccount, isAdmin } from "@/lib/auth/access";
import { guardPage } from "@/lib/auth/page-guard";
import { listDigestsFor } from "@/lib/digests/manage";
import { visibleGroups } from "@/lib/groups/manage";

export default async function Digests() {
  const user = await guardPage();
  const database = await getDatabase();
  const [digests, accounts, groups] = await Promise.all([
    listDigestsFor(database, user),
    listAccounts(database),
    isAdmin(user) ? visibleGroups(database, user) : [],
  ]);
  return (
    <DigestsPage
      digests={digests}
      accounts={accounts.filter((a) => canManageAccount(user, a.id)).map((a) => ({ id: a.id, name: a.name }))}
      groups={groups.map((g) => ({ id: g.id, name: g.name }))}
    />
  );
}
