import list from "./common-passwords.json";

/**
 * The 10,000 most common passwords (SecLists, Passwords/Common-Credentials/10k-most-common.txt,
 * MIT licence), lower-cased and shipped with the app: nothing is downloaded at run time.
 */
const COMMON = new Set<string>(list);

export const COMMON_PASSWORD_COUNT = COMMON.size;

/** Case-insensitive: "PassWord123" is as common as "password123". */
export function isCommonPassword(password: string): boolean {
  return COMMON.has(password.toLowerCase());
}
