import { ArticlesReport } from "@/components/articles/articles-report";
import { guardReportPage } from "@/lib/auth/page-guard";

export default async function ArticlesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await guardReportPage(await searchParams);
  return <ArticlesReport />;
}
