import "server-only";

import type { z } from "zod";

import type { Locale } from "@/lib/i18n/locales";
import { getLocale } from "@/lib/i18n/server";

import { ERROR_STATUS } from "./errors";
import { checkGuard, type Guard, type GuardContext, toErrorBody } from "./guard";

/** Query string → plain object; a repeated key becomes an array. */
function searchParamsObject(params: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const all = params.getAll(key);
    out[key] = all.length > 1 ? all : all[0]!;
  }
  return out;
}

/**
 * Signed-in answers (data and exports) are never stored by browsers or proxies: the one place
 * this header is set.
 */
const PRIVATE = "no-store";

function privately(response: Response): Response {
  response.headers.set("cache-control", PRIVATE);
  return response;
}

/** The one error shape as a JSON response, in the reader's language. */
export function errorResponse(error: unknown, request: Request, locale: Locale): Response {
  const body = toErrorBody(error, `GET ${new URL(request.url).pathname}`, locale);
  return Response.json(
    { ok: false, error: body },
    { status: ERROR_STATUS[body.code], headers: { "cache-control": PRIVATE } },
  );
}

/** GET route handlers: same checks as actions; JSON answers, or a Response `run` builds itself. */
export function authedRoute<S extends z.ZodType, P = unknown>(
  schema: S,
  guard: Guard<z.output<S>>,
  run: (input: z.output<S>, ctx: GuardContext & { request: Request; params: P }) => Promise<unknown>,
) {
  return async (request: Request, context: { params: Promise<P> }): Promise<Response> => {
    const locale = await getLocale();
    try {
      const params = await context.params;
      const raw = { ...searchParamsObject(new URL(request.url).searchParams), ...(params as object) };
      const { input, ctx } = await checkGuard(schema, guard, raw, locale);
      const result = await run(input, { ...ctx, request, params });
      return privately(result instanceof Response ? result : Response.json({ ok: true, data: result }));
    } catch (error) {
      return errorResponse(error, request, locale);
    }
  };
}
