/**
 * A first look at server-action requests (proxy.ts), before React decodes them: Next answers a
 * body it cannot decode with a 500 and a stack in the log, even for anonymous callers. Readout's
 * actions take plain objects, which React sends as a JSON array (text/plain) whose only special
 * strings are escapes ("$$…") and a few value tags ("$undefined", "$NaN", "$D<date>" …): anything
 * else (not JSON, not an array, references to parts that are not there) is refused here with a 400.
 * Multipart bodies (forms without JavaScript) are left to Next.
 */
export const MAX_ACTION_BODY_BYTES = 1024 * 1024;

const VALUE_TAG = /^\$(\$.*|undefined|NaN|Infinity|-Infinity|-0|D.*|n-?\d+)$/s;

function plain(value: unknown, depth: number): boolean {
  if (depth > 64) return false;
  if (typeof value === "string") return !value.startsWith("$") || VALUE_TAG.test(value);
  if (value === null || typeof value !== "object") return true;
  const children = Array.isArray(value) ? value : Object.values(value as Record<string, unknown>);
  return children.every((v) => plain(v, depth + 1));
}

export type ActionBodyProblem = "too-large" | "malformed";

export function actionBodyProblem(contentType: string, body: string): ActionBodyProblem | null {
  if (/^multipart\/form-data/i.test(contentType)) return null;
  if (body.length > MAX_ACTION_BODY_BYTES) return "too-large";
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return "malformed";
  }
  return Array.isArray(parsed) && plain(parsed, 0) ? null : "malformed";
}
