/** Everything the audit log records (the admin page filters by these). */
export const AUDIT_ACTIONS = [
  "sign-in",
  "sign-in.failed",
  "sign-in.throttled",
  "sign-out",
  "password.change",
  "user.create",
  "user.update",
  "user.delete",
  "user.unlock",
  "account.create",
  "account.credentials",
  "account.delete",
  "sync.start",
  "export",
  "share-link.create",
  "share-link.revoke",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];
