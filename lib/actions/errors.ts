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

export interface AppErrorBody {
  code: ErrorCode;
  message: string;
  /** Per-field problems for forms. */
  fields?: Record<string, string[]>;
}

export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: AppErrorBody };

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: Record<string, string[]>,
  ) {
    super(message);
    this.name = "AppError";
  }
  get body(): AppErrorBody {
    return { code: this.code, message: this.message, ...(this.fields ? { fields: this.fields } : {}) };
  }
}

/** An account the user may not see looks the same as one that does not exist. */
export const accountNotFound = () => new AppError("not_found", "No such account.");
