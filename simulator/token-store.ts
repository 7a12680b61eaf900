import { randomBytes } from "node:crypto";

/**
 * Access tokens as WeChat hands them out: each kind (classic, stable, authorizer, component)
 * has one current token per app; issuing a new one retires the previous one after an overlap.
 */

export type TokenKind = "classic" | "stable" | "authorizer" | "component";

interface IssuedToken {
  kind: TokenKind;
  appid: string;
  expiresAt: number;
  /** Set when a newer token of the same kind and app was issued. */
  retiresAt: number | undefined;
  revoked: boolean;
}

export type TokenCheck = { ok: true; appid: string; kind: TokenKind } | { ok: false; errcode: 40001 | 42001 };

const PURGE_ABOVE = 50_000;

export class TokenStore {
  private readonly tokens = new Map<string, IssuedToken>();
  private readonly current = new Map<string, string>();

  constructor(
    private readonly ttlMs: number,
    private readonly overlapMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * A token for (kind, appid). With reuseCurrent (stable_token without force_refresh) the
   * current token is handed out again while it is valid, with its remaining lifetime.
   */
  issue(kind: TokenKind, appid: string, { reuseCurrent = false } = {}): { token: string; expiresIn: number } {
    const now = this.now();
    const slot = `${kind} ${appid}`;
    const previousToken = this.current.get(slot);
    const previous = previousToken === undefined ? undefined : this.tokens.get(previousToken);
    if (reuseCurrent && previousToken !== undefined && previous && this.check(previousToken).ok) {
      return { token: previousToken, expiresIn: Math.max(1, Math.floor((previous.expiresAt - now) / 1000)) };
    }
    if (previous) previous.retiresAt = Math.min(previous.expiresAt, now + this.overlapMs);
    const token = newTokenText();
    this.tokens.set(token, { kind, appid, expiresAt: now + this.ttlMs, retiresAt: undefined, revoked: false });
    this.current.set(slot, token);
    if (this.tokens.size > PURGE_ABOVE) this.purge(now);
    return { token, expiresIn: Math.round(this.ttlMs / 1000) };
  }

  check(token: string): TokenCheck {
    const issued = this.tokens.get(token);
    const now = this.now();
    if (!issued || issued.revoked) return { ok: false, errcode: 40001 };
    // A superseded token is "invalid or not latest"; one that simply ran out is "expired".
    if (issued.retiresAt !== undefined && issued.retiresAt <= now && issued.retiresAt < issued.expiresAt)
      return { ok: false, errcode: 40001 };
    if (issued.expiresAt <= now) return { ok: false, errcode: 42001 };
    return { ok: true, appid: issued.appid, kind: issued.kind };
  }

  revoke(token: string): void {
    const issued = this.tokens.get(token);
    if (issued) issued.revoked = true;
  }

  private purge(now: number): void {
    const longAgo = now - 24 * 3600_000;
    for (const [token, issued] of this.tokens) if (issued.expiresAt < longAgo) this.tokens.delete(token);
  }
}

/** Looks like WeChat's: a short numeric prefix and a long opaque body (well over 64 chars). */
function newTokenText(): string {
  const bytes = randomBytes(99);
  return `${80 + ((bytes[0] ?? 0) % 20)}_${bytes.subarray(1).toString("base64url")}`;
}
