import "server-only";

import { getDatabase } from "@/db/client";
import { SHARED_VIEWS, type SharedView } from "@/db/schema";
import { AppError } from "@/lib/actions/errors";
import { errorResponse } from "@/lib/actions/route";
import { getLocale } from "@/lib/i18n/server";
import { safeParseIn } from "@/lib/i18n/zod";
import { VIEWS } from "@/lib/views";

import { resolveShare } from "./manage";

const isSharedView = (name: string): name is SharedView => (SHARED_VIEWS as readonly string[]).includes(name);

/**
 * GET /api/shared/<token>/<view>?account|group=&from=&to=: the data of a shared view, for the
 * anonymous viewer of a valid link, and only for exactly the scope the link was made for.
 */
export async function sharedViewRoute(
  request: Request,
  context: { params: Promise<{ token: string; view: string }> },
): Promise<Response> {
  const locale = await getLocale();
  try {
    const { token, view } = await context.params;
    const search = new URL(request.url).searchParams;
    const one = (k: string) => search.get(k) ?? undefined;
    const database = await getDatabase();
    const asked = { view, account: one("account"), group: one("group"), from: one("from"), to: one("to") };
    const { viewer } = await resolveShare(database, token, asked, { count: false });
    if (!isSharedView(view)) throw new AppError("forbidden", "error.shareScope");
    const definition = VIEWS[view];
    const parsed = safeParseIn(definition.schema, Object.fromEntries(search), locale);
    if (!parsed.success) throw new AppError("forbidden", "error.shareScope");
    const data = await (definition.load as (d: typeof database, i: unknown, u: typeof viewer) => Promise<unknown>)(
      database,
      parsed.data,
      viewer,
    );
    return Response.json({ ok: true, data }, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    return errorResponse(error, request, locale);
  }
}
