import { type NextRequest, NextResponse } from "next/server";

import { actionBodyProblem, MAX_ACTION_BODY_BYTES } from "@/lib/action-body";

/** Tells server components which URL was asked for, so sign-in can come back to it. */
export async function proxy(request: NextRequest) {
  if (request.nextUrl.pathname.startsWith("/api/auth/")) return safeCallbackUrl(request);
  if (request.method === "POST" && request.headers.has("next-action")) {
    const refused = await refuseMalformedAction(request);
    if (refused) return refused;
  }
  const headers = new Headers(request.headers);
  headers.set("x-readout-url", request.nextUrl.pathname + request.nextUrl.search);
  return NextResponse.next({ request: { headers } });
}

/**
 * next-auth answers 500 to a callbackUrl that is neither a path nor a parsable URL (a port like
 * "3100.evil.example") before its redirect callback runs: drop it, so sign-in falls back to the
 * base URL. Parsable foreign URLs reach the redirect callback, which keeps them out.
 */
function safeCallbackUrl(request: NextRequest) {
  const asked = request.nextUrl.searchParams.get("callbackUrl");
  if (asked === null || asked.startsWith("/") || URL.canParse(asked)) return NextResponse.next();
  // Absolute, since Next cannot parse a relative Location from the proxy in a production build; on
  // the Host the client used, since nextUrl turns 127.0.0.1 into localhost (another cookie jar).
  const home = new URL(
    request.nextUrl.pathname,
    `${request.nextUrl.protocol}//${request.headers.get("host") ?? request.nextUrl.host}`,
  );
  request.nextUrl.searchParams.forEach((value, key) => key !== "callbackUrl" && home.searchParams.append(key, value));
  return NextResponse.redirect(home, 307);
}

/** A clear 4xx (one error shape) for a server-action body React could not decode (lib/action-body.ts). */
async function refuseMalformedAction(request: NextRequest): Promise<Response | null> {
  const contentType = request.headers.get("content-type") ?? "";
  if (/^multipart\/form-data/i.test(contentType)) return null;
  const declared = Number(request.headers.get("content-length") ?? 0);
  const problem =
    declared > MAX_ACTION_BODY_BYTES ? "too-large" : actionBodyProblem(contentType, await request.clone().text());
  if (!problem) return null;
  return Response.json(
    { ok: false, error: { code: "invalid", message: "Malformed server action request." } },
    { status: problem === "too-large" ? 413 : 400, headers: { "cache-control": "no-store" } },
  );
}

export const config = { matcher: ["/((?!api/|_next/|favicon.ico).*)", "/api/auth/:path*"] };
