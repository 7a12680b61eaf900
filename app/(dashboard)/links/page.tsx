import { notFound } from "next/navigation";

import { SharesAdmin } from "@/components/shared/shares-admin";
import { getDatabase } from "@/db/client";
import { guardPage } from "@/lib/auth/page-guard";
import { listShares } from "@/lib/shares/manage";

/** Shared links: managers (their own links) and admins (every link). */
export default async function LinksPage() {
  const user = await guardPage();
  if (user.role === "viewer") notFound();
  const links = await listShares(await getDatabase(), user);
  return <SharesAdmin links={links} />;
}
