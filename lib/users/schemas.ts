import { z } from "zod";

import { ROLES } from "@/db/schema";
import { newPasswordSchema } from "@/lib/auth/password-rule";
import { issueError } from "@/lib/i18n/zod";

/** Input schemas of the users page and its server actions. */

const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: issueError("validation.email") }));

export const newUserSchema = z.object({
  email: emailSchema,
  name: z.string().trim().max(100).default(""),
  role: z.enum(ROLES),
  password: newPasswordSchema,
  /** Sent to the change-password page at first sign-in, and kept there until they set their own. */
  mustChangePassword: z.boolean().default(false),
  accountIds: z.array(z.number().int().positive()).default([]),
});
export type NewUser = z.input<typeof newUserSchema>;

export const userChangeSchema = z.object({
  id: z.number().int().positive(),
  name: z.string().trim().max(100).optional(),
  role: z.enum(ROLES).optional(),
  /** A new password (reset by an admin). */
  password: newPasswordSchema.optional(),
  /** With a new password: the user must replace it with their own at the next sign-in. */
  mustChangePassword: z.boolean().optional(),
  /** Replaces the user's assigned accounts (ignored for admins, who see every account). */
  accountIds: z.array(z.number().int().positive()).max(1000).optional(),
});
export type UserChange = z.infer<typeof userChangeSchema>;
