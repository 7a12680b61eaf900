/**
 * Seeded, order-independent randomness. Every random quantity of the ground truth is drawn
 * from a generator keyed by what it describes (seed, account, day, article, ...), so a value
 * never depends on which other values were asked for first.
 */

export type Rng = () => number;

/** Order-sensitive 32-bit hash of small integers (murmur3 finaliser per step). */
export function hashInts(...values: number[]): number {
  let h = 0x9747b28c ^ values.length;
  for (const value of values) {
    let k = Math.imul(value | 0, 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    h ^= Math.imul(k, 0x1b873593);
    h = (h << 13) | (h >>> 19);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** mulberry32: tiny, fast, good enough for simulated data. Returns floats in [0, 1). */
export function rngFrom(seed: number): Rng {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const rngFor = (...key: number[]): Rng => rngFrom(hashInts(...key));

export function between(rng: Rng, low: number, high: number): number {
  return low + (high - low) * rng();
}

/** Integer in [low, high], both inclusive. */
export function intBetween(rng: Rng, low: number, high: number): number {
  return low + Math.floor(rng() * (high - low + 1));
}

export function pick<T>(rng: Rng, items: readonly T[]): T {
  const item = items[Math.floor(rng() * items.length)];
  if (item === undefined) throw new RangeError("pick from an empty list");
  return item;
}

/** Approximately standard normal (Irwin–Hall with 4 terms): cheap and bounded to ±3.5. */
export function normal(rng: Rng): number {
  return (rng() + rng() + rng() + rng() - 2) * 1.7320508;
}

/** Multiplicative noise centred on 1. */
export function logNormal(rng: Rng, sigma: number): number {
  return Math.exp(sigma * normal(rng) - (sigma * sigma) / 2);
}

/** 32 random bits: four coarse uniforms for ditherByte, one generator call instead of four. */
export function randomBits(rng: Rng): number {
  return (rng() * 4294967296) >>> 0;
}

/**
 * Rounds x down or up using byte `k` (0..3) of `bits` as the uniform: 1/256 steps are plenty
 * for stochastic rounding, and generator calls are the cost that dominates the ground truth.
 */
export function ditherByte(x: number, bits: number, k: number): number {
  return x <= 0 ? 0 : Math.floor(x + (((bits >>> (k * 8)) & 255) + 0.5) / 256);
}

/** Stable small numbers for strings (salts for the hash keys). */
export function saltOf(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
