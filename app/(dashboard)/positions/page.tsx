import { PositionsReport } from "@/components/positions/positions-report";
import { guardReportPage } from "@/lib/auth/page-guard";

export default async function PositionsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await guardReportPage(await searchParams);
  return <PositionsReport />;
}
