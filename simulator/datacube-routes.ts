import { daysBetween, isIsoDate } from "@/lib/dates";
import { type EndpointName, ENDPOINTS, isEndpointName } from "@/lib/wechat/endpoints";

import { listOption } from "./options";
import { quirkyBody, quirkyList } from "./quirks";
import { errorBody, parseJsonObject, send, sendError, sendHttpError, sendJson, sendTruncated } from "./respond";
import type { RequestContext } from "./state";

/** POST /datacube/<name> and the quota query, validated and failing the way WeChat does. */

const JSON_TYPE = "application/json; charset=utf-8";

type Answer = { body: string; isError: boolean };
const error = (errcode: number, message: string): Answer => ({ body: errorBody(errcode, message), isError: true });

const TOKEN_ERRORS = {
  40001: "invalid credential, access_token is invalid or not latest",
  42001: "access_token expired",
} as const;

/** The account a request's access_token belongs to, or the error to answer. */
function authenticate(ctx: RequestContext): { appid: string } | Answer {
  const token = ctx.url.searchParams.get("access_token");
  if (!token) return error(41001, "access_token missing");
  const check = ctx.state.tokens.check(token);
  // The component token is for the platform itself, not for an account's data.
  if (!check.ok || check.kind === "component") {
    const errcode = check.ok ? 40001 : check.errcode;
    return error(errcode, TOKEN_ERRORS[errcode]);
  }
  return { appid: check.appid };
}

const quotaKey = (appid: string, endpoint: EndpointName, today: string) => `${appid} ${endpoint} ${today}`;

function validWindow(
  ctx: RequestContext,
  endpoint: EndpointName,
  today: string,
): { begin: string; end: string } | Answer {
  const body = parseJsonObject(ctx.body);
  if (!body) return error(47001, "data format error");
  const { begin_date: begin, end_date: end } = body;
  if (typeof begin !== "string" || typeof end !== "string" || !isIsoDate(begin) || !isIsoDate(end))
    return error(61500, "date format error");
  if (begin > end || daysBetween(begin, end) + 1 > ENDPOINTS[endpoint].maxSpanDays || end >= today)
    return error(61501, "date range error");
  return { begin, end };
}

function answer(ctx: RequestContext, endpoint: EndpointName, appid: string): Answer {
  const { state } = ctx;
  const today = state.today();
  const spec = ENDPOINTS[endpoint];
  if (listOption(state.options.unverifiedAppids).includes(appid)) return error(48001, "api unauthorized");
  const retiredOn = state.options.legacyRetiredOn;
  if (spec.generation === "legacy" && retiredOn !== "never" && today >= retiredOn) {
    return error(47009, "this api is offline, please use the new api");
  }
  if (listOption(state.options.offlineEndpoints).includes(endpoint)) return error(47009, "this api is offline");
  const key = quotaKey(appid, endpoint, today);
  const used = (state.quotaUsed.get(key) ?? 0) + 1;
  state.quotaUsed.set(key, used);
  if (used > state.options.quota) return error(45009, "reach max api daily quota limit");

  const window = validWindow(ctx, endpoint, today);
  if ("body" in window) return window;
  const rowsOf = (begin: string, end: string) =>
    state.truth.rows(appid, endpoint, begin, end, { today, delayDays: state.options.delayDays });
  const clean = rowsOf(window.begin, window.end);
  const list = quirkyList(clean.list, {
    options: state.options,
    endpoint,
    begin: window.begin,
    rowsOf: (b, e) => rowsOf(b, e).list,
  });
  const body = spec.generation === "new" ? JSON.stringify({ list, is_delay: clean.isDelay }) : JSON.stringify({ list });
  return { body: quirkyBody(body, state.options), isError: false };
}

export function datacube(ctx: RequestContext, endpoint: EndpointName): void {
  const { state, res } = ctx;
  const textPlain = state.options.textPlainErrors;
  if (ctx.req.method !== "POST") return sendError(res, 43002, "require POST method", textPlain);
  state.datacubeCalls++;

  const every = state.options.revokeTokenEvery;
  const token = ctx.url.searchParams.get("access_token");
  if (token && every > 0 && state.datacubeCalls % every === 0) {
    state.tokens.revoke(token);
    const errcode = state.faults.revocationCode();
    return sendError(res, errcode, TOKEN_ERRORS[errcode], textPlain);
  }
  const auth = authenticate(ctx);
  if ("body" in auth) return send(res, 200, auth.body, textPlain ? "text/plain" : JSON_TYPE);

  const fault = state.faults.next();
  if (fault?.kind === "system-error") return sendError(res, -1, "system error", textPlain);
  if (fault?.kind === "http") return sendHttpError(res, fault.status, fault.body === "html");
  if (fault?.kind === "timeout") return state.hold(ctx.req, res);

  const { body, isError } = answer(ctx, endpoint, auth.appid);
  if (fault?.kind === "truncated") return sendTruncated(res, body, fault.keep);
  send(res, 200, body, isError && textPlain ? "text/plain" : JSON_TYPE);
}

/** POST /cgi-bin/openapi/quota/get {"cgi_path": "/datacube/NAME"} */
export function quotaGet(ctx: RequestContext): void {
  const { state, res } = ctx;
  const textPlain = state.options.textPlainErrors;
  if (ctx.req.method !== "POST") return sendError(res, 43002, "require POST method", textPlain);
  const auth = authenticate(ctx);
  if ("body" in auth) return send(res, 200, auth.body, textPlain ? "text/plain" : JSON_TYPE);
  const body = parseJsonObject(ctx.body);
  if (!body) return sendError(res, 47001, "data format error", textPlain);
  const match = typeof body.cgi_path === "string" ? /^\/datacube\/([a-z]+)$/.exec(body.cgi_path) : null;
  const endpoint = match?.[1];
  if (!endpoint || !isEndpointName(endpoint))
    return sendError(res, 76021, "cgi_path not found, please check", textPlain);
  const dailyLimit = state.options.quota;
  const used = Math.min(dailyLimit, state.quotaUsed.get(quotaKey(auth.appid, endpoint, state.today())) ?? 0);
  sendJson(res, { errcode: 0, errmsg: "ok", quota: { daily_limit: dailyLimit, used, remain: dailyLimit - used } });
}
