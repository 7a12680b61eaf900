import "server-only";

import { env } from "@/lib/env";

/** Set by instrumentation-node.ts on every request from the socket itself; a client cannot forge it. */
export const PEER_HEADER = "x-readout-peer";

type HeaderSource = { get(name: string): string | null } | Record<string, string | string[] | undefined>;

function read(headers: HeaderSource, name: string): string | undefined {
  if (typeof headers.get === "function") return (headers as { get(n: string): string | null }).get(name) ?? undefined;
  const v = (headers as Record<string, string | string[] | undefined>)[name];
  return Array.isArray(v) ? v.join(",") : v;
}

/**
 * The client's IP. Behind TRUSTED_PROXY proxies, the entry of X-Forwarded-For that the nearest
 * trusted proxy appended (clients can prepend anything, never append); otherwise the TCP peer.
 */
export function clientIp(headers: HeaderSource): string {
  const hops = env().TRUSTED_PROXY;
  if (hops) {
    const chain = (read(headers, "x-forwarded-for") ?? "")
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean);
    const ip = chain[chain.length - hops] ?? chain[0];
    if (ip) return ip.slice(0, 64);
  }
  return (read(headers, PEER_HEADER) ?? "unknown").slice(0, 64);
}
