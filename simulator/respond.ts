import { randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";

/** Writing answers the way WeChat's front ends do. */

const JSON_TYPE = "application/json; charset=utf-8";
const MAX_BODY_BYTES = 1 << 20;

/** " rid: xxxxxxxx-xxxxxxxx-xxxxxxxx", as modern WeChat errmsg end. */
function rid(): string {
  const hex = randomBytes(12).toString("hex");
  return ` rid: ${hex.slice(0, 8)}-${hex.slice(8, 16)}-${hex.slice(16, 24)}`;
}

export function errorBody(errcode: number, message: string): string {
  return JSON.stringify({ errcode, errmsg: `${message}${rid()}` });
}

export function send(res: ServerResponse, status: number, body: string, contentType = JSON_TYPE): void {
  if (res.destroyed || res.headersSent) return;
  res.writeHead(status, { "content-type": contentType, "content-length": Buffer.byteLength(body) });
  res.end(body);
}

export function sendJson(res: ServerResponse, value: unknown, status = 200): void {
  send(res, status, JSON.stringify(value));
}

export function sendError(res: ServerResponse, errcode: number, message: string, textPlain: boolean): void {
  send(res, 200, errorBody(errcode, message), textPlain ? "text/plain" : JSON_TYPE);
}

/** The first bytes of an answer, still claiming to be complete JSON. */
export function sendTruncated(res: ServerResponse, body: string, keep: number): void {
  const bytes = Buffer.from(body);
  // Any strict prefix of a JSON object is invalid JSON (the closing brace is missing).
  const cut = Math.min(bytes.length - 1, Math.max(1, Math.floor(bytes.length * keep)));
  if (res.destroyed || res.headersSent) return;
  res.writeHead(200, { "content-type": JSON_TYPE, "content-length": cut });
  res.end(bytes.subarray(0, cut));
}

const STATUS_TEXT: Record<number, string> = {
  404: "Not Found",
  500: "Internal Server Error",
  502: "Bad Gateway",
  503: "Service Unavailable",
};

export function sendHttpError(res: ServerResponse, status: number, withHtml: boolean): void {
  const text = `${status} ${STATUS_TEXT[status] ?? "Error"}`;
  const html = `<html>\r\n<head><title>${text}</title></head>\r\n<body>\r\n<center><h1>${text}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;
  send(res, status, withHtml ? html : "", "text/html");
}

export class BodyTooLarge extends Error {}

export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new BodyTooLarge("request body too large");
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** The body as a JSON object, or undefined when it is not one. */
export function parseJsonObject(body: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(body);
    return value !== null && typeof value === "object" && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}
