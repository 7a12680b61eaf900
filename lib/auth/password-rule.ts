import { z } from "zod";

import { issueError } from "@/lib/i18n/zod";

import { isCommonPassword } from "./common-passwords";
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "./password-policy";

/** The one rule for every new password: set by an admin, or by the user for themselves. */
export const newPasswordSchema = z
  .string()
  // Too short or too long says only that, not also "common".
  .min(MIN_PASSWORD_LENGTH, { error: issueError("validation.password", { min: MIN_PASSWORD_LENGTH }), abort: true })
  .max(MAX_PASSWORD_LENGTH, { abort: true })
  .refine((password) => !isCommonPassword(password), { error: issueError("validation.commonPassword") });

/** Changing one's own password: the current one, and the new one typed twice. */
export const ownPasswordChangeSchema = z
  .object({
    currentPassword: z.string().min(1).max(MAX_PASSWORD_LENGTH),
    newPassword: newPasswordSchema,
    confirmPassword: z.string().max(MAX_PASSWORD_LENGTH),
  })
  .refine((c) => c.newPassword === c.confirmPassword, {
    path: ["confirmPassword"],
    error: issueError("validation.passwordMismatch"),
  });
export type OwnPasswordChange = z.infer<typeof ownPasswordChangeSchema>;
