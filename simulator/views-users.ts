import * as calendar from "./calendar";
import { followersOn } from "./profile";
import * as random from "./random";
import { splitByWeights } from "./split";
import type { DayRows } from "./views-shared";

const { isoOf } = calendar;
const { logNormal, rngFor, saltOf } = random;

/**
 * User analysis: followers gained and lost by follow source, and the running total. The total is
 * the same followersOn() that getarticletotal reports as target_user, and each day's gains minus
 * losses equal the change of the total, exactly.
 */

interface FollowSource {
  code: number;
  weight: number;
  /** How much more it brings on a day with a notified send (readers follow from the article). */
  sendBoost: number;
  /** WeChat started reporting it on this date. */
  from?: string;
  /** Only on some days (a code Readout does not name, kept as it comes). */
  chance?: number;
}

const FOLLOW_SOURCES: readonly FollowSource[] = [
  { code: 0, weight: 0.06, sendBoost: 1 },
  { code: 1, weight: 0.22, sendBoost: 1 },
  { code: 17, weight: 0.08, sendBoost: 1.2 },
  { code: 30, weight: 0.2, sendBoost: 1 },
  { code: 57, weight: 0.16, sendBoost: 3 },
  { code: 100, weight: 0.05, sendBoost: 1 },
  { code: 161, weight: 0.1, sendBoost: 2, from: "2020-04-01" },
  { code: 149, weight: 0.03, sendBoost: 1 },
  { code: 200, weight: 0.05, sendBoost: 1, from: "2022-01-01" },
  { code: 201, weight: 0.02, sendBoost: 1, from: "2022-06-01" },
  // 51 (支付后关注) exists at WeChat but is not among the sources Readout names.
  { code: 51, weight: 0.01, sendBoost: 1, chance: 0.3 },
];
/** Everyone who unfollows is reported under source 0. */
const CANCEL_SOURCE = 0;
/** Followers lost a day, as a share of the previous day's total. */
const CANCEL_RATE = 0.0006;
const SALT_FOLLOW = saltOf("follow");

const userCumulate: DayRows = (ctx, day) => [
  { ref_date: isoOf(day), cumulate_user: followersOn(ctx.model.profile, day) },
];

const userSummary: DayRows = (ctx, day) => {
  const { profile } = ctx.model;
  const before = followersOn(profile, day - 1);
  const net = followersOn(profile, day) - before;
  const rng = rngFor(profile.seed, profile.index, day, SALT_FOLLOW);
  const cancels = Math.max(-net, Math.round(before * CANCEL_RATE * logNormal(rng, 0.3)));
  const gains = net + cancels;
  const date = isoOf(day);
  const notifiedSend = ctx.model.sendOn(day)?.publishType === 0;
  const sources = FOLLOW_SOURCES.filter((s) => (s.from === undefined || date >= s.from) && rng() < (s.chance ?? 1));
  const weights = sources.map((s) => s.weight * (notifiedSend ? s.sendBoost : 1) * logNormal(rng, 0.25));
  const split = splitByWeights(gains, weights, new Array<number>(sources.length));
  return sources.flatMap((s, i) => {
    const newUser = split[i] ?? 0;
    const cancelUser = s.code === CANCEL_SOURCE ? cancels : 0;
    return newUser > 0 || cancelUser > 0
      ? [{ ref_date: date, user_source: s.code, new_user: newUser, cancel_user: cancelUser }]
      : [];
  });
};

export const USER_VIEWS = { getusersummary: userSummary, getusercumulate: userCumulate };
