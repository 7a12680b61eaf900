/**
 * Largest-remainder splits: integer parts that add up exactly to the whole, in proportion to
 * the weights. Ties go to the lower index, so a split is deterministic.
 */

type IntArray = Int32Array | number[];

const MAX_PARTS = 64;
// Scratch space: splits run synchronously and never nest, so one buffer serves all calls.
const remainders = new Float64Array(MAX_PARTS);

export function splitByWeights(total: number, weights: ArrayLike<number>, out: IntArray): IntArray {
  const n = weights.length;
  if (n > MAX_PARTS) throw new RangeError(`cannot split into more than ${MAX_PARTS} parts`);
  let weightSum = 0;
  for (let i = 0; i < n; i++) weightSum += weights[i] ?? 0;
  if (total <= 0 || n === 0) {
    for (let i = 0; i < n; i++) out[i] = 0;
    return out;
  }
  let assigned = 0;
  for (let i = 0; i < n; i++) {
    // Without any weight, spread evenly (still exact).
    const quota = weightSum > 0 ? (total * (weights[i] ?? 0)) / weightSum : total / n;
    const whole = Math.floor(quota);
    out[i] = whole;
    assigned += whole;
    remainders[i] = quota - whole;
  }
  // Fewer than n units are left; hand them to the largest remainders one by one.
  for (let left = total - assigned; left > 0; left--) {
    let best = 0;
    for (let i = 1; i < n; i++) if ((remainders[i] ?? 0) > (remainders[best] ?? 0)) best = i;
    out[best] = (out[best] ?? 0) + 1;
    remainders[best] = -1;
  }
  return out;
}

/**
 * Splits a (users, count) pair with count >= users so that every part keeps count >= users:
 * the users are split, then the extra (count - users) is split and added on top.
 */
export function splitUsersAndCount(
  users: number,
  count: number,
  weights: ArrayLike<number>,
  usersOut: IntArray,
  countOut: IntArray,
): void {
  splitByWeights(users, weights, usersOut);
  splitByWeights(count - users, weights, countOut);
  for (let i = 0; i < weights.length; i++) countOut[i] = (countOut[i] ?? 0) + (usersOut[i] ?? 0);
}
