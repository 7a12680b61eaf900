import { notFound } from "next/navigation";

import { ArticleDetailReport } from "@/components/articles/article-detail-report";
import { guardPage } from "@/lib/auth/page-guard";
import { articleRefSchema } from "@/lib/views/article-params";

export default async function ArticleDetailPage({ params }: { params: Promise<{ account: string; msgid: string }> }) {
  const { account, msgid } = await params;
  const ref = articleRefSchema.safeParse({ account, msgid });
  // Signed-in check first (a visitor goes to sign in), then the account named in the path.
  await guardPage({ accountIds: ref.success ? [ref.data.account] : [] });
  if (!ref.success) notFound();
  return <ArticleDetailReport account={ref.data.account} msgid={ref.data.msgid} />;
}
