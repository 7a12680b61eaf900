import { headers } from "next/headers";

import { SharedRefused, SharedReport } from "@/components/shared/shared-report";
import { getDatabase } from "@/db/client";
import { AppError } from "@/lib/actions/errors";
import { beijingToday } from "@/lib/clock";
import { resolveShare } from "@/lib/shares/manage";

export const dynamic = "force-dynamic";

type SearchParams = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? "\u0000" : v);

/** /s/<token>/<page>?account|group=&from=&to=: a shared link, for anyone who has it. */
export default async function SharedPage({
  params,
  searchParams,
}: {
  params: Promise<{ token: string; view: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const { token, view } = await params;
  const search = await searchParams;
  const asked = {
    view,
    account: one(search.account),
    group: one(search.group),
    from: one(search.from),
    to: one(search.to),
  };
  // A client-side re-render (sorting, searching: an RSC request) is not another opening.
  const count = !(await headers()).has("rsc");
  const shared = await resolveShare(await getDatabase(), token, asked, { count }).catch((error: unknown) => {
    if (error instanceof AppError) return null;
    throw error;
  });
  if (!shared) return <SharedRefused />;
  return (
    <SharedReport
      token={token}
      view={shared.link.view}
      today={beijingToday()}
      accounts={shared.accounts}
      group={shared.group}
      from={shared.link.from}
      to={shared.link.to}
      expiresAt={shared.link.expiresAt}
    />
  );
}
