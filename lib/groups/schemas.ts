import { z } from "zod";

/** Input schemas of the groups page and its server actions. */

const nameSchema = z.string().trim().min(1).max(100);
const accountIdsSchema = z.array(z.number().int().positive()).max(1000);

export const newGroupSchema = z.object({ name: nameSchema, accountIds: accountIdsSchema.default([]) });
export type NewGroup = z.input<typeof newGroupSchema>;

export const groupChangeSchema = z.object({
  id: z.number().int().positive(),
  name: nameSchema.optional(),
  /** Replaces the group's accounts. */
  accountIds: accountIdsSchema.optional(),
});
export type GroupChange = z.input<typeof groupChangeSchema>;

/** ?group=5 (a client group) or ?group=all (every account the user may see). */
export const groupParamSchema = z.union([z.literal("all"), z.coerce.number().int().positive()]);
export type GroupParam = z.output<typeof groupParamSchema>;
