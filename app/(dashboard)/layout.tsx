import { AppShell } from "@/components/shell/app-shell";
import { ReportProvider } from "@/components/shell/report-context";
import { getDatabase } from "@/db/client";
import { visibleAccounts } from "@/lib/accounts/queries";
import { requirePageUser } from "@/lib/auth/session";
import { beijingToday } from "@/lib/clock";
import { visibleGroups } from "@/lib/groups/manage";
import { lastLegacyDays } from "@/lib/sync/legacy-history";

export const dynamic = "force-dynamic";

export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  const user = await requirePageUser();
  const database = await getDatabase();
  const [accounts, groups, legacyThrough] = await Promise.all([
    visibleAccounts(database, user),
    visibleGroups(database, user),
    lastLegacyDays(database, user.accountIds),
  ]);
  return (
    <ReportProvider value={{ today: beijingToday(), accounts, groups, role: user.role, legacyThrough }}>
      <AppShell user={{ email: user.email, role: user.role }}>{children}</AppShell>
    </ReportProvider>
  );
}
