import { z } from "zod";

import { WeChatError } from "./errors";
import { type HttpOptions, sendWithRetry } from "./http";

/** How an account obtains access tokens. */
export type Credentials =
  | { type: "classic"; appid: string; secret: string }
  | { type: "stable"; appid: string; secret: string }
  | {
      type: "component";
      componentAppid: string;
      componentSecret: string;
      componentVerifyTicket: string;
      authorizerAppid: string;
      authorizerRefreshToken: string;
    };

export interface CachedToken {
  token: string;
  expiresAt: Date;
}

/** Where tokens live between processes (the database, encrypted). */
export interface TokenStore {
  load(key: string): Promise<CachedToken | null>;
  save(key: string, value: CachedToken): Promise<void>;
  /** Drops the entry only if it still holds `token` (a newer one may have replaced it). */
  drop(key: string, token: string): Promise<void>;
  /** WeChat may rotate the authorizer refresh token; the new one must be kept. */
  saveRefreshToken?(authorizerAppid: string, refreshToken: string): Promise<void>;
}

export interface TokenSource {
  get(): Promise<string>;
  invalidate(token: string): Promise<void>;
}

/** Renew this long before WeChat's expiry so no call races the deadline. */
export const RENEW_BEFORE_MS = 5 * 60_000;

const tokenAnswer = z.object({ access_token: z.string().min(1), expires_in: z.coerce.number().positive() });
const componentAnswer = z.object({
  component_access_token: z.string().min(1),
  expires_in: z.coerce.number().positive(),
});
const authorizerAnswer = z.object({
  authorizer_access_token: z.string().min(1),
  expires_in: z.coerce.number().positive(),
  authorizer_refresh_token: z.string().min(1).optional(),
});

/**
 * Caches tokens in memory and in the store, shares one fetch among concurrent callers per
 * account, renews before expiry and drops a token WeChat rejected.
 */
export class TokenManager {
  private readonly memory = new Map<string, CachedToken>();
  private readonly inFlight = new Map<string, Promise<CachedToken>>();

  constructor(
    private readonly http: HttpOptions,
    private readonly store: TokenStore,
    private readonly clock: () => number = Date.now,
  ) {}

  source(cacheKey: string, credentials: Credentials): TokenSource {
    return {
      get: () => this.get(cacheKey, credentials),
      invalidate: (token) => this.invalidate(cacheKey, token),
    };
  }

  /** Fetches a brand-new token, ignoring every cache ("test connection"). */
  async fetchFresh(credentials: Credentials): Promise<CachedToken> {
    return this.fetchToken(credentials);
  }

  async get(cacheKey: string, credentials: Credentials): Promise<string> {
    return (await this.cached(cacheKey, () => this.fetchToken(credentials))).token;
  }

  private async cached(cacheKey: string, fetchToken: () => Promise<CachedToken>): Promise<CachedToken> {
    const fresh = (t: CachedToken | null | undefined): t is CachedToken =>
      !!t && t.expiresAt.getTime() - RENEW_BEFORE_MS > this.clock();
    const inMemory = this.memory.get(cacheKey);
    if (fresh(inMemory)) return inMemory;

    let pending = this.inFlight.get(cacheKey);
    if (!pending) {
      pending = (async () => {
        const stored = await this.store.load(cacheKey);
        if (fresh(stored)) return stored;
        const fetched = await fetchToken();
        await this.store.save(cacheKey, fetched);
        return fetched;
      })().finally(() => this.inFlight.delete(cacheKey));
      this.inFlight.set(cacheKey, pending);
    }
    const token = await pending;
    this.memory.set(cacheKey, token);
    return token;
  }

  async invalidate(cacheKey: string, token: string): Promise<void> {
    if (this.memory.get(cacheKey)?.token === token) this.memory.delete(cacheKey);
    await this.store.drop(cacheKey, token);
  }

  private expiry(expiresInSeconds: number): Date {
    return new Date(this.clock() + expiresInSeconds * 1000);
  }

  private async fetchToken(credentials: Credentials): Promise<CachedToken> {
    switch (credentials.type) {
      case "classic": {
        const res = await sendWithRetry(this.http, {
          method: "GET",
          path: "/cgi-bin/token",
          query: { grant_type: "client_credential", appid: credentials.appid, secret: credentials.secret },
          label: `token for ${credentials.appid}`,
        });
        const t = parseAnswer(tokenAnswer, res.json, "cgi-bin/token");
        return { token: t.access_token, expiresAt: this.expiry(t.expires_in) };
      }
      case "stable": {
        const res = await sendWithRetry(this.http, {
          method: "POST",
          path: "/cgi-bin/stable_token",
          body: {
            grant_type: "client_credential",
            appid: credentials.appid,
            secret: credentials.secret,
            force_refresh: false,
          },
          label: `stable token for ${credentials.appid}`,
        });
        const t = parseAnswer(tokenAnswer, res.json, "cgi-bin/stable_token");
        return { token: t.access_token, expiresAt: this.expiry(t.expires_in) };
      }
      case "component":
        return this.fetchAuthorizerToken(credentials);
    }
  }

  private async fetchAuthorizerToken(c: Extract<Credentials, { type: "component" }>): Promise<CachedToken> {
    const componentKey = `component:${c.componentAppid}`;
    const request = async () => {
      const component = await this.cached(componentKey, () => this.fetchComponentToken(c));
      try {
        return await sendWithRetry(this.http, {
          method: "POST",
          path: "/cgi-bin/component/api_authorizer_token",
          query: { component_access_token: component.token },
          body: {
            component_appid: c.componentAppid,
            authorizer_appid: c.authorizerAppid,
            authorizer_refresh_token: c.authorizerRefreshToken,
          },
          label: `authorizer token for ${c.authorizerAppid}`,
        });
      } catch (error) {
        if (error instanceof WeChatError && error.kind === "token")
          await this.invalidate(componentKey, component.token);
        throw error;
      }
    };
    const res = await request().catch((error: unknown) => {
      if (error instanceof WeChatError && error.kind === "token") return request();
      throw error;
    });
    const t = parseAnswer(authorizerAnswer, res.json, "api_authorizer_token");
    if (t.authorizer_refresh_token && t.authorizer_refresh_token !== c.authorizerRefreshToken) {
      await this.store.saveRefreshToken?.(c.authorizerAppid, t.authorizer_refresh_token);
    }
    return { token: t.authorizer_access_token, expiresAt: this.expiry(t.expires_in) };
  }

  private async fetchComponentToken(c: Extract<Credentials, { type: "component" }>): Promise<CachedToken> {
    const res = await sendWithRetry(this.http, {
      method: "POST",
      path: "/cgi-bin/component/api_component_token",
      body: {
        component_appid: c.componentAppid,
        component_appsecret: c.componentSecret,
        component_verify_ticket: c.componentVerifyTicket,
      },
      label: `component token for ${c.componentAppid}`,
    });
    const t = parseAnswer(componentAnswer, res.json, "api_component_token");
    return { token: t.component_access_token, expiresAt: this.expiry(t.expires_in) };
  }
}

function parseAnswer<T>(schema: z.ZodType<T>, json: unknown, where: string): T {
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    throw new WeChatError({
      kind: "invalid_response",
      message: `${where}: unexpected answer (${parsed.error.issues[0]?.message ?? "bad shape"})`,
    });
  }
  return parsed.data;
}
