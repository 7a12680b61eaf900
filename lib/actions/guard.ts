import "server-only";

import type { z } from "zod";

import { type Database, getDatabase } from "@/db/client";
import { type AccountRight, hasRight, isAdmin, type SessionUser } from "@/lib/auth/access";
import { currentUser } from "@/lib/auth/session";
import type { Locale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translate";
import { safeParseIn } from "@/lib/i18n/zod";

import { accountNotFound, AppError, type AppErrorBody, type FieldErrors } from "./errors";

export interface Guard<Input> {
  /** Who may call at all: any signed-in user (default) or admins only. */
  role?: "user" | "admin";
  /**
   * Whether a user who must still set their own password may call it: only changing that password
   * (and nothing else) is allowed before.
   */
  beforeOwnPassword?: "allowed";
  /** The accounts the input touches and the right needed on each. */
  accounts?: { right: AccountRight; of: (input: Input) => number[] };
}

export interface GuardContext {
  user: SessionUser;
  database: Database;
}

/**
 * Session, role, input validation and per-account rights, in that order; nothing runs before.
 * Validation messages are written in `locale`, the reader's language.
 */
export async function checkGuard<S extends z.ZodType>(
  schema: S,
  guard: Guard<z.output<S>>,
  raw: unknown,
  locale: Locale,
) {
  const user = await currentUser();
  if (!user) throw new AppError("unauthorized", "error.unauthorized");
  if (user.mustChangePassword && guard.beforeOwnPassword !== "allowed")
    throw new AppError("forbidden", "error.mustChangePassword");
  if (guard.role === "admin" && !isAdmin(user)) throw new AppError("forbidden", "error.adminOnly");
  const parsed = safeParseIn(schema, raw, locale);
  if (!parsed.success) throw invalidInput(parsed.error);
  const input = parsed.data;
  for (const accountId of guard.accounts?.of(input) ?? []) {
    if (!hasRight(user, accountId, "view")) throw accountNotFound();
    if (!hasRight(user, accountId, guard.accounts!.right)) throw new AppError("forbidden", "error.readOnly");
  }
  return { input, ctx: { user, database: await getDatabase() } satisfies GuardContext };
}

/** Its messages are already in the reader's language (written during the parse). */
function invalidInput(error: z.ZodError): AppError {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "input";
    (fields[key] ??= []).push(issue.message);
  }
  const first = error.issues[0];
  const problem = first?.message ?? "";
  return first && first.path.length
    ? new AppError("invalid", "error.invalidField", { field: first.path.join("."), problem }, fields)
    : new AppError("invalid", "error.invalid", { problem }, fields);
}

/** Known errors in the reader's language; anything else is logged and replaced by a plain message. */
export function toErrorBody(error: unknown, where: string, locale: Locale): AppErrorBody {
  const t = translator(locale);
  if (error instanceof AppError) return error.bodyIn(t);
  console.error(`[readout] ${where} failed:`, error);
  return { code: "internal", message: t("error.internal") };
}
