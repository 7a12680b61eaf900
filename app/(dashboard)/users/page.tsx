import { UsersAdmin } from "@/components/users/users-admin";
import { getDatabase } from "@/db/client";
import { listAccounts } from "@/lib/accounts/queries";
import { guardPage } from "@/lib/auth/page-guard";
import { lockedEmails } from "@/lib/auth/sign-in";
import { listUsers } from "@/lib/users/manage";

export default async function UsersPage() {
  const user = await guardPage({ admin: true });
  const database = await getDatabase();
  const [people, accounts, locks] = await Promise.all([
    listUsers(database),
    listAccounts(database),
    lockedEmails(database),
  ]);
  return (
    <UsersAdmin
      users={people.map((u) => ({
        id: u.id,
        email: u.email,
        name: u.name,
        role: u.role,
        accountIds: u.accountIds,
        mustChangePassword: u.mustChangePassword,
        lockedUntil: locks.get(u.email)?.toISOString() ?? null,
      }))}
      accounts={accounts.map((a) => ({ id: a.id, name: a.name }))}
      currentUserId={user.id}
    />
  );
}
