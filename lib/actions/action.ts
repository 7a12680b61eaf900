import "server-only";

import type { z } from "zod";

import type { ActionResult } from "./errors";
import { checkGuard, type Guard, type GuardContext, toErrorBody } from "./guard";

/**
 * Every exported server action is made with this: it checks the session, the role, the
 * input (zod) and the user's right to each account the input names before `run` sees it,
 * and answers in the one result shape.
 */
export function authedAction<S extends z.ZodType, R>(
  schema: S,
  guard: Guard<z.output<S>>,
  run: (input: z.output<S>, ctx: GuardContext) => Promise<R>,
): (input: z.input<S>) => Promise<ActionResult<R>> {
  return async (raw) => {
    try {
      const { input, ctx } = await checkGuard(schema, guard, raw);
      return { ok: true, data: await run(input, ctx) };
    } catch (error) {
      return { ok: false, error: toErrorBody(error, "action") };
    }
  };
}
