import { guardReportPage } from "@/lib/auth/page-guard";
import { OverviewReport } from "@/components/overview/overview-report";

export default async function OverviewPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await guardReportPage(await searchParams);
  return <OverviewReport />;
}
