import { FollowersReport } from "@/components/followers/followers-report";
import { guardReportPage } from "@/lib/auth/page-guard";

export default async function FollowersPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await guardReportPage(await searchParams);
  return <FollowersReport />;
}
