import { SharesReport } from "@/components/shares/shares-report";
import { guardReportPage } from "@/lib/auth/page-guard";

export default async function SharesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await guardReportPage(await searchParams);
  return <SharesReport />;
}
