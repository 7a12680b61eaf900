import { CompareReport } from "@/components/compare/compare-report";
import { guardPage } from "@/lib/auth/page-guard";
import { compareAccountIds } from "@/lib/views/article-params";

export default async function ComparePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  // Every account the link names must be visible, or the page does not exist for this user.
  await guardPage({ accountIds: compareAccountIds((await searchParams).a) });
  return <CompareReport />;
}
