import { AppError } from "@/lib/actions/errors";

/** A rule of the management pages refused (an AppError: its text lives in lib/i18n/messages/admin.ts). */
export class AdminError extends AppError {
  override name = "AdminError";
}

/** PostgreSQL's unique_violation (23505), however the driver wraps it. */
export function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    if ((e as { code?: unknown }).code === "23505") return true;
  }
  return false;
}
