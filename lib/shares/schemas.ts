import { z } from "zod";

import { SHARED_VIEWS } from "@/db/schema";
import { issueError } from "@/lib/i18n/zod";
import { accountIdSchema, dateRangeSchema } from "@/lib/report-params";

/** Longest life of a link: 90 days, in minutes. */
export const SHARE_MAX_MINUTES = 90 * 24 * 60;

/** A new shared link: one account (any shared page) or one group (the articles list), one range, an expiry. */
export const newShareSchema = z
  .object({
    account: accountIdSchema.optional(),
    group: z.coerce.number().int().positive().optional(),
    view: z.enum(SHARED_VIEWS),
    expiresInMinutes: z.coerce.number().int().min(1).max(SHARE_MAX_MINUTES),
  })
  .and(dateRangeSchema)
  .refine((v) => (v.account === undefined) !== (v.group === undefined), {
    error: issueError("validation.oneScope"),
    path: ["account"],
  })
  .refine((v) => v.group === undefined || v.view === "articles", {
    error: issueError("validation.shareGroupView"),
    path: ["view"],
  });
export type NewShare = z.input<typeof newShareSchema>;
