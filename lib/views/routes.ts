import "server-only";

import { z } from "zod";

import type { Database } from "@/db/client";
import { visibleAccounts } from "@/lib/accounts/queries";
import { AppError } from "@/lib/actions/errors";
import { authedRoute, errorResponse } from "@/lib/actions/route";
import { recordAudit } from "@/lib/audit";
import type { SessionUser } from "@/lib/auth/access";
import { beijingToday } from "@/lib/clock";
import { visibleGroups } from "@/lib/groups/manage";
import type { GroupParam } from "@/lib/groups/schemas";
import { type Locale, LOCALES } from "@/lib/i18n/locales";
import { MESSAGES } from "@/lib/i18n/messages";
import { getLocale } from "@/lib/i18n/server";

import { cachedView, viewResponse } from "./cache";
import { contentDisposition, headerText, safeFileName, toCsv, toXlsx } from "./export-file";
import { isViewName, type ViewName, VIEWS } from "./index";

type Params = { view: string };
type Context = { params: Promise<Params> };

/** Answers the route for a known view name, or the one error shape (404) for an unknown one. */
function byViewName(handle: <N extends ViewName>(name: N, request: Request, context: Context) => Promise<Response>) {
  return async (request: Request, context: Context): Promise<Response> => {
    const { view: name } = await context.params;
    if (isViewName(name)) return handle(name, request, context);
    return errorResponse(new AppError("not_found", "error.noView", { name }), request, await getLocale());
  };
}

/**
 * Views whose result depends only on their input and the stored data of the accounts it names,
 * never on who asks (the cache is shared by every user allowed to see those accounts).
 */
const CACHED_VIEWS = new Set<ViewName>([
  "overview",
  "followers",
  "articles",
  "articleDetail",
  "compare",
  "hourly",
  "shares",
  "positions",
]);

/** GET /api/views/<name>?…: the view's data as JSON (cached until the data change; ETag and 304). */
export const viewRoute = byViewName(<N extends ViewName>(name: N, request: Request, context: Context) => {
  const view = VIEWS[name];
  return authedRoute(
    view.schema,
    { accounts: { right: "view", of: view.accounts } },
    async (input, { database, user, request: req }) => {
      const load = () => view.load(database, input, user);
      // Sync progress and the ledger grid change without a data commit: never cached.
      if (!CACHED_VIEWS.has(name)) return Response.json({ ok: true, data: await load() });
      const accountIds = (view.accounts as (i: typeof input) => number[])(input);
      const key = { view: name, input, day: beijingToday(), accountIds };
      return viewResponse(req, await cachedView(database, key, load));
    },
  )(request, context);
});

const exportOptions = z.object({
  format: z.enum(["csv", "xlsx"]),
  lang: z.enum(LOCALES).default("en"),
  /** CSV holds one table: which one (default: the first). */
  table: z.string().max(50).optional(),
});

/** GET /api/export/<name>?…&format=csv|xlsx&lang=zh|en[&table=id]: a file download. */
export const exportRoute = byViewName(<N extends ViewName>(name: N, request: Request, context: Context) => {
  const view = VIEWS[name];
  return authedRoute(
    z.intersection(view.schema, exportOptions),
    { accounts: { right: "view", of: view.accounts } },
    async (input, { database, user }) => {
      const { format, lang, table } = input;
      await recordAudit(database, {
        actor: user,
        action: "export",
        target: `export:${name}`,
        detail: { format, lang, accounts: view.accounts(input) },
      });
      const tables = view.tables(await view.load(database, input, user), input, (h) => headerText(h, lang));
      const owner = await ownerName(
        database,
        user,
        view.accounts(input),
        (input as { group?: GroupParam }).group,
        lang,
      );
      const stem = safeFileName(`${owner}-${view.fileName(input)}`);
      if (format === "xlsx")
        return file(
          await toXlsx(tables, lang),
          `${stem}.xlsx`,
          "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        );
      const chosen = table ? tables.find((t) => t.id === table) : tables[0];
      if (!chosen) throw new AppError("not_found", "error.noTable", { table: table ?? "" });
      return file(toCsv(chosen, lang), `${stem}-${chosen.id}.csv`, "text/csv; charset=utf-8");
    },
  )(request, context);
});

/** Whose figures a file holds: the group's name, "all my accounts", or the accounts' names. */
async function ownerName(
  database: Database,
  user: SessionUser,
  accountIds: number[],
  group: GroupParam | undefined,
  lang: Locale,
): Promise<string> {
  if (group === "all") return MESSAGES[lang]["scope.all"];
  if (group !== undefined) return (await visibleGroups(database, user)).find((g) => g.id === group)?.name ?? "";
  const names = new Map((await visibleAccounts(database, user)).map((a) => [a.id, a.name]));
  return [...new Set(accountIds.map((id) => names.get(id) ?? String(id)))].join("+");
}

function file(body: Buffer, name: string, type: string) {
  return new Response(new Uint8Array(body), {
    headers: { "content-type": type, "content-disposition": contentDisposition(name) },
  });
}
