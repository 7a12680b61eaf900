import { AppShell } from "@/components/shell/app-shell";
import { ReportProvider } from "@/components/shell/report-context";
import { getDatabase } from "@/db/client";
import { visibleAccounts } from "@/lib/accounts/queries";
import { requirePageUser } from "@/lib/auth/session";
import { beijingToday } from "@/lib/clock";

export const dynamic = "force-dynamic";

export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  const user = await requirePageUser();
  const accounts = await visibleAccounts(await getDatabase(), user);
  return (
    <ReportProvider value={{ today: beijingToday(), accounts, role: user.role }}>
      <AppShell user={{ email: user.email, role: user.role }}>{children}</AppShell>
    </ReportProvider>
  );
}
