import { GroupsAdmin } from "@/components/groups/groups-admin";
import { getDatabase } from "@/db/client";
import { listAccounts } from "@/lib/accounts/queries";
import { guardPage } from "@/lib/auth/page-guard";
import { visibleGroups } from "@/lib/groups/manage";

export default async function GroupsPage() {
  const user = await guardPage({ admin: true });
  const database = await getDatabase();
  const [groups, accounts] = await Promise.all([visibleGroups(database, user), listAccounts(database)]);
  return <GroupsAdmin groups={groups} accounts={accounts.map((a) => ({ id: a.id, name: a.name }))} />;
}
