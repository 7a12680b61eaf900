import { DigestsPage } from "@/components/digests/digests-page";
import { getDatabase } from "@/db/client";
import { listAccounts } from "@/lib/accounts/queries";
import { canManageAccount } from "@/lib/auth/access";
import { guardPage } from "@/lib/auth/page-guard";
import { listDigestsFor } from "@/lib/digests/manage";

export default async function Digests() {
  const user = await guardPage();
  const database = await getDatabase();
  const [digests, accounts] = await Promise.all([listDigestsFor(database, user), listAccounts(database)]);
  return (
    <DigestsPage
      digests={digests}
      accounts={accounts.filter((a) => canManageAccount(user, a.id)).map((a) => ({ id: a.id, name: a.name }))}
    />
  );
}
