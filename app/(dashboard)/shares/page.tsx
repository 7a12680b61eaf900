import { redirect } from "next/navigation";

import { SharesReport } from "@/components/shares/shares-report";
import { getDatabase } from "@/db/client";
import { guardReportPage } from "@/lib/auth/page-guard";
import { historyPageRedirect } from "@/lib/sync/legacy-history";

export default async function SharesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const user = await guardReportPage(params);
  const target = await historyPageRedirect(await getDatabase(), user, "/shares", params);
  if (target) redirect(target);
  return <SharesReport />;
}
