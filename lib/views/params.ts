import { z } from "zod";

import { isIsoDate } from "@/lib/dates";
import { groupParamSchema } from "@/lib/groups/schemas";
import { issueError } from "@/lib/i18n/zod";
import { accountIdSchema, dateRangeSchema, isoDateSchema } from "@/lib/report-params";

/** The range rules of dateRangeSchema, reported on the object's own from/to. */
function checkRange(v: { from: string; to: string }, ctx: z.RefinementCtx) {
  if (!isIsoDate(v.from) || !isIsoDate(v.to)) return;
  const r = dateRangeSchema.safeParse({ from: v.from, to: v.to });
  if (!r.success)
    for (const issue of r.error.issues) ctx.addIssue({ code: "custom", message: issue.message, path: issue.path });
}

/** ?account=3&from=2026-10-01&to=2026-10-30: one account over a date range. */
export const accountRangeSchema = z
  .object({ account: accountIdSchema, from: isoDateSchema, to: isoDateSchema })
  .superRefine(checkRange);

/**
 * ?account=3&from=…&to=… (one account), ?group=5&… (a client group's accounts the user may see)
 * or ?group=all&… (every account the user may see). A group wins over an account.
 */
export const scopeRangeSchema = z
  .object({
    account: accountIdSchema.optional(),
    group: groupParamSchema.optional(),
    from: isoDateSchema,
    to: isoDateSchema,
  })
  .refine((v) => v.account !== undefined || v.group !== undefined, {
    error: issueError("validation.scope"),
    path: ["account"],
  })
  .superRefine(checkRange);
export type ScopeRange = z.output<typeof scopeRangeSchema>;

/** The one account a scope names for the access check; a group is checked when it is resolved. */
export const scopeAccounts = (p: ScopeRange) => (p.group === undefined && p.account !== undefined ? [p.account] : []);

/** The export route puts the account's or group's name before it. */
export const rangeFileName = (view: string, p: { from: string; to: string }) => `${view}-${p.from}_${p.to}`;
