/**
 * Where to go after signing in. Only paths of this site: `next` is parsed against the app's own
 * origin, and anything that is not plainly a same-origin path (another origin, `//host`,
 * backslashes browsers read as slashes, control characters such as tab, CR or LF, an unparsable
 * value) becomes "/".
 */
const PLACEHOLDER_ORIGIN = "http://readout.invalid";

const UNSAFE = /[\\\u0000-\u001f\u007f]/;

export function safeNextPath(next: unknown, origin: string = PLACEHOLDER_ORIGIN): string {
  if (typeof next !== "string" || next.length > 2048 || !next.startsWith("/") || UNSAFE.test(next)) return "/";
  let url: URL;
  try {
    url = new URL(next, origin);
  } catch {
    return "/";
  }
  if (url.origin !== new URL(origin).origin || url.pathname.startsWith("//")) return "/";
  return url.pathname + url.search + url.hash;
}

/** next-auth's redirect callback: same-origin URLs only, the base URL for anything else (never a throw). */
export function safeRedirectUrl(url: string, baseUrl: string): string {
  try {
    const base = new URL(baseUrl);
    const target = new URL(url, base);
    if (target.origin !== base.origin) return baseUrl;
    return new URL(safeNextPath(target.pathname + target.search + target.hash, base.origin), base).toString();
  } catch {
    return baseUrl;
  }
}
