import { AppError, type ErrorCode } from "@/lib/actions/errors";
import { admin } from "@/lib/i18n/messages/admin";
import type { Translate } from "@/lib/i18n/translate";

type Values = Record<string, string | number>;
export type AdminMessageId = keyof typeof admin.en;

const fill = (template: string, values: Values) =>
  template.replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));

/**
 * An AppError whose text lives in lib/i18n/messages/admin.ts: English by default (tests, logs),
 * translated into the reader's language by the server action that reports it.
 */
export class AdminError extends AppError {
  constructor(
    code: ErrorCode,
    readonly messageId: AdminMessageId,
    readonly values: Values = {},
    fields?: Record<string, string[]>,
  ) {
    super(code, fill(admin.en[messageId], values), fields);
    this.name = "AdminError";
  }

  translated(t: Translate): AppError {
    return new AppError(this.code, t(this.messageId, this.values), this.fields);
  }
}

/** PostgreSQL's unique_violation (23505), however the driver wraps it. */
export function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    if ((e as { code?: unknown }).code === "23505") return true;
  }
  return false;
}
