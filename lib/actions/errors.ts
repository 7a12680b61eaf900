import type { MessageId, MessageValues } from "@/lib/i18n/messages";
import { type Translate, translator } from "@/lib/i18n/translate";

/** The one error shape every server action and route handler returns. */
export const ERROR_STATUS = {
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  invalid: 400,
  conflict: 409,
  upstream: 502,
  internal: 500,
} as const;
export type ErrorCode = keyof typeof ERROR_STATUS;

/** Per-field problems for forms, by the field's path ("from", "credentials.secret"). */
export type FieldErrors = Record<string, string[]>;

export interface AppErrorBody {
  code: ErrorCode;
  message: string;
  fields?: FieldErrors;
}

export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: AppErrorBody };

/**
 * An error the reader should see. Its text is a message id: English in `message` (tests, logs),
 * and in the reader's language in the body the action and route wrappers answer with.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly messageId: MessageId,
    readonly values: MessageValues = {},
    readonly fields?: FieldErrors,
  ) {
    super(translator("en")(messageId, values));
    this.name = "AppError";
  }

  bodyIn(t: Translate): AppErrorBody {
    return {
      code: this.code,
      message: t(this.messageId, this.values),
      ...(this.fields ? { fields: this.fields } : {}),
    };
  }
}

/** An account the user may not see looks the same as one that does not exist. */
export const accountNotFound = () => new AppError("not_found", "error.noAccount");
