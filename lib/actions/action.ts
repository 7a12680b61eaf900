import "server-only";

import type { z } from "zod";

import { getLocale } from "@/lib/i18n/server";

import type { ActionResult } from "./errors";
import { checkGuard, type Guard, type GuardContext, toErrorBody } from "./guard";

/**
 * Every exported server action is made with this: it checks the session, the role, the
 * input (zod) and the user's right to each account the input names before `run` sees it,
 * and answers in the one result shape, in the reader's language.
 */
export function authedAction<S extends z.ZodType, R>(
  schema: S,
  guard: Guard<z.output<S>>,
  run: (input: z.output<S>, ctx: GuardContext) => Promise<R>,
): (input: z.input<S>) => Promise<ActionResult<R>> {
  return async (raw) => {
    const locale = await getLocale();
    try {
      const { input, ctx } = await checkGuard(schema, guard, raw, locale);
      return { ok: true, data: await run(input, ctx) };
    } catch (error) {
      return { ok: false, error: toErrorBody(error, "action", locale) };
    }
  };
}
