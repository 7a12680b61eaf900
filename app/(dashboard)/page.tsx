import { OverviewReport } from "@/components/overview/overview-report";
import { guardReportPage } from "@/lib/auth/page-guard";

export default async function OverviewPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await guardReportPage(await searchParams);
  return <OverviewReport />;
}
