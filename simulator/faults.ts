import { hashInts, type Rng, rngFrom, saltOf } from "./random";

/** What a faulty datacube call does instead of (or to) its real answer. */
export type Fault =
  | { kind: "system-error" }
  | { kind: "http"; status: 500 | 502 | 503; body: "html" | "empty" }
  | { kind: "timeout" }
  /** The real answer, cut off after this share of its bytes. */
  | { kind: "truncated"; keep: number };

/** Mix of fault kinds, as cumulative thresholds. */
const MIX: ReadonlyArray<readonly [number, Fault["kind"]]> = [
  [0.3, "system-error"],
  [0.6, "http"],
  [0.75, "timeout"],
  [1, "truncated"],
];
const STATUSES = [500, 502, 503] as const;

/**
 * Seeded, so a run with the same seed and the same sequence of calls sees the same faults.
 * Token revocations draw from their own stream so that turning faults on or off does not
 * change which code a revocation answers with.
 */
export class FaultPlan {
  private readonly faultRng: Rng;
  private readonly revokeRng: Rng;

  constructor(
    seed: number,
    private readonly rate: number,
  ) {
    this.faultRng = rngFrom(hashInts(seed, saltOf("faults")));
    this.revokeRng = rngFrom(hashInts(seed, saltOf("revocations")));
  }

  next(): Fault | undefined {
    if (this.rate <= 0 || this.faultRng() >= this.rate) return undefined;
    const roll = this.faultRng();
    const kind = MIX.find(([threshold]) => roll < threshold)?.[1] ?? "system-error";
    switch (kind) {
      case "http":
        return {
          kind,
          status: STATUSES[Math.floor(this.faultRng() * STATUSES.length)] ?? 502,
          body: this.faultRng() < 0.5 ? "html" : "empty",
        };
      case "truncated":
        return { kind, keep: 0.2 + 0.7 * this.faultRng() };
      default:
        return { kind };
    }
  }

  revocationCode(): 40001 | 42001 {
    return this.revokeRng() < 0.5 ? 40001 : 42001;
  }
}
