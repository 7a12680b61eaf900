import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

import { beijingDateOf, isIsoDate, type IsoDate } from "@/lib/dates";
import { isEndpointName } from "@/lib/wechat/endpoints";

import { datacube, quotaGet } from "./datacube-routes";
import { FaultPlan } from "./faults";
import { resolveOptions, type SimulatorOptions } from "./options";
import { BodyTooLarge, parseJsonObject, readBody, send, sendHttpError, sendJson } from "./respond";
import type { RequestContext, SimulatorState } from "./state";
import { authorizerToken, classicToken, componentToken, stableToken } from "./token-routes";
import { TokenStore } from "./token-store";
import { createGroundTruth, type GroundTruth } from "./truth";

export type { SimulatorOptions } from "./options";
export { COMPONENT_APPID, COMPONENT_SECRET } from "./state";

interface SimulatorStats {
  /** Datacube calls by endpoint name, everything else by path. */
  calls: Record<string, number>;
  total: number;
}

export interface RunningSimulator {
  url: string;
  port: number;
  truth: GroundTruth;
  close(): Promise<void>;
  /** Moves the simulator's Beijing date (quota counters are per simulator day). */
  setToday(date: IsoDate): void;
  today(): IsoDate;
  /** Turns options on or off while running (quirks and faults read at call time). */
  configure(changes: SimulatorOptions): void;
  stats(): SimulatorStats;
  resetStats(): void;
}

const ROUTES: Record<string, (ctx: RequestContext) => void> = {
  "/cgi-bin/token": classicToken,
  "/cgi-bin/stable_token": stableToken,
  "/cgi-bin/component/api_component_token": componentToken,
  "/cgi-bin/component/api_authorizer_token": authorizerToken,
  "/cgi-bin/openapi/quota/get": quotaGet,
};

const DATACUBE_PREFIX = "/datacube/";

/** A WeChat API stand-in on node:http: tokens, the ten datacube endpoints, faults, counters. */
export async function startSimulator(options: SimulatorOptions = {}): Promise<RunningSimulator> {
  const resolved = resolveOptions(options);
  const truth = createGroundTruth({ seed: resolved.seed, accounts: resolved.accounts });
  let fixedToday = resolved.today;
  const today = () => fixedToday ?? beijingDateOf(new Date());
  const calls = new Map<string, number>();
  const held = new Set<NodeJS.Timeout>();

  const state: SimulatorState = {
    options: resolved,
    truth,
    accounts: new Map(truth.accounts.map((a) => [a.appid, a])),
    tokens: new TokenStore(resolved.tokenTtlS * 1000, resolved.tokenOverlapS * 1000),
    faults: new FaultPlan(resolved.seed, resolved.faultRate),
    today,
    quotaUsed: new Map(),
    datacubeCalls: 0,
    hold(req, res) {
      const timer = setTimeout(() => {
        held.delete(timer);
        res.socket?.destroy();
      }, resolved.timeoutFaultMs);
      held.add(timer);
      req.socket.once("close", () => {
        clearTimeout(timer);
        held.delete(timer);
      });
    },
  };

  const setToday = (date: IsoDate) => {
    if (!isIsoDate(date)) throw new RangeError(`today must be a date written YYYY-MM-DD (got ${JSON.stringify(date)})`);
    fixedToday = date;
  };
  const stats = (): SimulatorStats => {
    const counted = Object.fromEntries(calls);
    return { calls: counted, total: Object.values(counted).reduce((a, b) => a + b, 0) };
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const arrived = performance.now();
    const url = new URL(req.url ?? "/", "http://simulator.invalid");
    const path = url.pathname;
    const body = await readBody(req);

    // Control endpoints: not part of WeChat, never counted.
    if (path === "/__stats" && req.method === "GET") return sendJson(res, stats());
    if (path === "/__stats/reset" && req.method === "POST") {
      calls.clear();
      return sendJson(res, { ok: true });
    }
    if (path === "/__clock") {
      if (req.method === "POST") {
        const date = parseJsonObject(body)?.today;
        if (typeof date !== "string" || !isIsoDate(date))
          return sendJson(res, { error: 'body must be {"today":"YYYY-MM-DD"}' }, 400);
        setToday(date);
      }
      return sendJson(res, { today: today() });
    }

    const endpoint = path.startsWith(DATACUBE_PREFIX) ? path.slice(DATACUBE_PREFIX.length) : undefined;
    const known = endpoint !== undefined && isEndpointName(endpoint);
    const key = known ? endpoint : path;
    calls.set(key, (calls.get(key) ?? 0) + 1);

    if (resolved.latencyMs > 0) answerAfter(res, arrived + resolved.latencyMs);
    const ctx: RequestContext = { state, req, res, url, body };
    if (known) return datacube(ctx, endpoint);
    const route = ROUTES[path];
    if (route) return route(ctx);
    sendHttpError(res, 404, true);
  }

  /**
   * Latency is the time from a request's arrival to its answer, as a client sees WeChat's: the
   * answer is prepared meanwhile and leaves when the time is up (or at once, if preparing it
   * took longer).
   */
  function answerAfter(res: ServerResponse, dueAt: number) {
    const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
    res.end = ((...args: unknown[]) => {
      const wait = dueAt - performance.now();
      if (wait <= 0) return end(...args);
      setTimeout(() => end(...args), wait);
      return res;
    }) as ServerResponse["end"];
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (error instanceof BodyTooLarge) return send(res, 413, "", "text/plain");
      console.error("simulator: request failed", error);
      sendHttpError(res, 500, false);
    });
  });
  // Long idle keep-alive: clients (undici: 4 s) close idle sockets first. With Node's 5 s default,
  // an event loop blocked for seconds lets the server drop a socket a client has just reused.
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(resolved.port, resolved.host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const hostForUrl = resolved.host.includes(":") ? `[${resolved.host}]` : resolved.host;

  return {
    url: `http://${hostForUrl}:${port}`,
    port,
    truth,
    setToday,
    today,
    configure: (changes) => {
      const checked = resolveOptions(changes);
      for (const key of Object.keys(changes) as (keyof SimulatorOptions)[])
        Object.assign(state.options, { [key]: checked[key] });
    },
    stats,
    resetStats: () => calls.clear(),
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const timer of held) clearTimeout(timer);
        held.clear();
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
