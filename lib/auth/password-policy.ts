/**
 * The password rule's numbers, for the forms (client) and the rule itself (lib/auth/password-rule.ts).
 * Sign-in never checks them: they apply to new passwords only.
 */
export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 200;
