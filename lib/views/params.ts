import { z } from "zod";

import { isIsoDate } from "@/lib/dates";
import { accountIdSchema, dateRangeSchema, isoDateSchema } from "@/lib/report-params";

/** ?account=3&from=2026-10-01&to=2026-10-30: one account over a date range. */
export const accountRangeSchema = z
  .object({ account: accountIdSchema, from: isoDateSchema, to: isoDateSchema })
  .superRefine((v, ctx) => {
    if (!isIsoDate(v.from) || !isIsoDate(v.to)) return;
    const r = dateRangeSchema.safeParse({ from: v.from, to: v.to });
    if (!r.success)
      for (const issue of r.error.issues) ctx.addIssue({ code: "custom", message: issue.message, path: issue.path });
  });
export type AccountRange = z.output<typeof accountRangeSchema>;

export const rangeFileName = (view: string, p: AccountRange) => `${view}-${p.account}-${p.from}_${p.to}`;
