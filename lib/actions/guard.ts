import "server-only";

import { type z } from "zod";

import { type Database, getDatabase } from "@/db/client";
import { type AccountRight, hasRight, isAdmin, type SessionUser } from "@/lib/auth/access";
import { currentUser } from "@/lib/auth/session";

import { accountNotFound, AppError, type AppErrorBody } from "./errors";

export interface Guard<Input> {
  /** Who may call at all: any signed-in user (default) or admins only. */
  role?: "user" | "admin";
  /** The accounts the input touches and the right needed on each. */
  accounts?: { right: AccountRight; of: (input: Input) => number[] };
}

export interface GuardContext {
  user: SessionUser;
  database: Database;
}

/** Session, role, input validation and per-account rights, in that order; nothing runs before. */
export async function checkGuard<S extends z.ZodType>(schema: S, guard: Guard<z.output<S>>, raw: unknown) {
  const user = await currentUser();
  if (!user) throw new AppError("unauthorized", "Sign in first.");
  if (guard.role === "admin" && !isAdmin(user)) throw new AppError("forbidden", "Only an admin may do this.");
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw invalidInput(parsed.error);
  const input = parsed.data as z.output<S>;
  for (const accountId of guard.accounts?.of(input) ?? []) {
    if (!hasRight(user, accountId, "view")) throw accountNotFound();
    if (!hasRight(user, accountId, guard.accounts!.right))
      throw new AppError("forbidden", "Your role may view this account but not change it.");
  }
  return { input, ctx: { user, database: await getDatabase() } satisfies GuardContext };
}

function invalidInput(error: z.ZodError): AppError {
  const fields: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "input";
    (fields[key] ??= []).push(issue.message);
  }
  const first = error.issues[0];
  const where = first && first.path.length ? `${first.path.join(".")}: ` : "";
  return new AppError("invalid", `Invalid input. ${where}${first?.message ?? ""}`.trim(), fields);
}

/** Known errors keep their message; anything else is logged and replaced by a plain one. */
export function toErrorBody(error: unknown, where: string): AppErrorBody {
  if (error instanceof AppError) return error.body;
  console.error(`[readout] ${where} failed:`, error);
  return { code: "internal", message: "Something went wrong on the server; the details are in its log." };
}
