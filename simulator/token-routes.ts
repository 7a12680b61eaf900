import { listOption } from "./options";
import { parseJsonObject, sendError, sendJson } from "./respond";
import { COMPONENT_APPID, COMPONENT_SECRET, type RequestContext } from "./state";

/** /cgi-bin/token, /cgi-bin/stable_token and the third-party platform's two token calls. */

function fail(ctx: RequestContext, errcode: number, message: string): void {
  sendError(ctx.res, errcode, message, ctx.state.options.textPlainErrors);
}

/** 40164 as WeChat words it, when a whitelist is set and the caller is not on it. */
function ipProblem(ctx: RequestContext): [number, string] | undefined {
  const allowed = listOption(ctx.state.options.ipWhitelist);
  if (allowed.length === 0) return undefined;
  const remote = ctx.req.socket.remoteAddress ?? "";
  const ip = remote.replace(/^::ffff:/, "");
  if (allowed.includes(ip)) return undefined;
  const ipv6 = remote.includes(":") ? remote : `::ffff:${ip}`;
  return [40164, `invalid ip ${ip} ipv6 ${ipv6}, not in whitelist`];
}

/** What is wrong with a client_credential request, as [errcode, errmsg], or undefined. */
function credentialProblem(
  ctx: RequestContext,
  grantType: unknown,
  appid: unknown,
  secret: unknown,
): [number, string] | undefined {
  if (grantType !== "client_credential") return [40002, "invalid grant_type"];
  if (typeof appid !== "string" || appid === "") return [41002, "appid missing"];
  const account = ctx.state.accounts.get(appid);
  if (!account) return [40013, "invalid appid"];
  if (typeof secret !== "string" || secret === "") return [41004, "appsecret missing"];
  if (secret !== account.secret) return [40125, "invalid appsecret"];
  return ipProblem(ctx);
}

export function classicToken(ctx: RequestContext): void {
  if (ctx.req.method !== "GET") return fail(ctx, 43001, "require GET method");
  const q = ctx.url.searchParams;
  const appid = q.get("appid") ?? "";
  const problem = credentialProblem(ctx, q.get("grant_type"), appid, q.get("secret"));
  if (problem) return fail(ctx, ...problem);
  const { token, expiresIn } = ctx.state.tokens.issue("classic", appid);
  sendJson(ctx.res, { access_token: token, expires_in: expiresIn });
}

export function stableToken(ctx: RequestContext): void {
  if (ctx.req.method !== "POST") return fail(ctx, 43002, "require POST method");
  const body = parseJsonObject(ctx.body);
  if (!body) return fail(ctx, 47001, "data format error");
  const problem = credentialProblem(ctx, body.grant_type, body.appid, body.secret);
  if (problem) return fail(ctx, ...problem);
  const force = body.force_refresh === true || body.force_refresh === "true";
  const { token, expiresIn } = ctx.state.tokens.issue("stable", body.appid as string, { reuseCurrent: !force });
  sendJson(ctx.res, { access_token: token, expires_in: expiresIn });
}

export function componentToken(ctx: RequestContext): void {
  if (ctx.req.method !== "POST") return fail(ctx, 43002, "require POST method");
  const body = parseJsonObject(ctx.body);
  if (!body) return fail(ctx, 47001, "data format error");
  if (body.component_appid !== COMPONENT_APPID) return fail(ctx, 40013, "invalid appid");
  if (body.component_appsecret !== COMPONENT_SECRET) return fail(ctx, 40125, "invalid appsecret");
  const blocked = ipProblem(ctx);
  if (blocked) return fail(ctx, ...blocked);
  if (typeof body.component_verify_ticket !== "string" || body.component_verify_ticket === "") {
    return fail(ctx, 61006, "component ticket is invalid");
  }
  const { token, expiresIn } = ctx.state.tokens.issue("component", COMPONENT_APPID);
  sendJson(ctx.res, { component_access_token: token, expires_in: expiresIn });
}

export function authorizerToken(ctx: RequestContext): void {
  if (ctx.req.method !== "POST") return fail(ctx, 43002, "require POST method");
  const componentToken = ctx.url.searchParams.get("component_access_token");
  if (!componentToken) return fail(ctx, 41018, "missing component_access_token");
  const check = ctx.state.tokens.check(componentToken);
  if (!check.ok || check.kind !== "component") {
    const errcode = check.ok ? 40001 : check.errcode;
    return fail(
      ctx,
      errcode,
      errcode === 42001
        ? "component_access_token expired"
        : "invalid credential, access_token is invalid or not latest",
    );
  }
  const body = parseJsonObject(ctx.body);
  if (!body) return fail(ctx, 47001, "data format error");
  if (body.component_appid !== COMPONENT_APPID) return fail(ctx, 40013, "invalid appid");
  const account = typeof body.authorizer_appid === "string" ? ctx.state.accounts.get(body.authorizer_appid) : undefined;
  if (!account || body.authorizer_refresh_token !== account.refreshToken) {
    return fail(ctx, 61003, "component is not authorized by this account");
  }
  const { token, expiresIn } = ctx.state.tokens.issue("authorizer", account.appid);
  sendJson(ctx.res, {
    authorizer_access_token: token,
    expires_in: expiresIn,
    authorizer_refresh_token: account.refreshToken,
  });
}
