import type { Transport } from "@/lib/wechat/transport";

/**
 * A transport that lets at most `cap` calls be in flight in this process, whatever the number
 * of syncs running: the global cap. Each sync also keeps its own per-account concurrency.
 */
export function limitInFlight(transport: Transport, cap: number): Transport {
  let inFlight = 0;
  const waiting: (() => void)[] = [];
  return async (req) => {
    if (inFlight >= cap) await new Promise<void>((resolve) => waiting.push(resolve));
    else inFlight++;
    try {
      return await transport(req);
    } finally {
      const next = waiting.shift();
      if (next) next();
      else inFlight--;
    }
  };
}
