import { HourlyReport } from "@/components/hourly/hourly-report";
import { guardReportPage } from "@/lib/auth/page-guard";

export default async function HourlyPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await guardReportPage(await searchParams);
  return <HourlyReport />;
}
