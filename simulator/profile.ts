import { dayOf } from "./calendar";
import { between, hashInts, logNormal, rngFor, saltOf } from "./random";
import { accountName } from "./titles";

export interface SimAccount {
  index: number;
  appid: string;
  secret: string;
  name: string;
  /** The authorizer_refresh_token a third-party platform holds for this account. */
  refreshToken: string;
}

/** The hidden parameters that make one account behave like itself. */
export interface AccountProfile extends SimAccount {
  seed: number;
  /** Followers on FOLLOWER_ANCHOR_DAY. */
  baseFollowers: number;
  /** Relative follower growth per day (slow: a few % to ~30 % a year). */
  dailyGrowth: number;
  wobblePhase: number;
  /** Chance that a weekday is a send day (weekends a little lower). */
  sendChance: number;
  sendHour: number;
  meanArticlesPerSend: number;
  /** Lifetime readers of an average headline, as a share of followers. */
  openRate: number;
  /** Same for articles published without notification (they reach far fewer people). */
  publishReach: number;
  shareRate: number;
  favRate: number;
  biz: string;
}

const FOLLOWER_ANCHOR_DAY = dayOf("2026-01-01");
const SALT_PROFILE = saltOf("profile");

/** Account 1 is mid-sized, account 2 large, account 3 small; the rest vary widely. */
function nominalFollowers(index: number, seed: number): number {
  if (index === 1) return 180_000;
  if (index === 2) return 2_000_000;
  if (index === 3) return 45_000;
  const rng = rngFor(seed, index, SALT_PROFILE, 1);
  return Math.round(Math.exp(between(rng, Math.log(20_000), Math.log(3_000_000))));
}

/** Send days a week: account 1 most weekdays, 2 nearly daily, 3 a few times; the rest vary. */
const NOMINAL_SEND_DAYS = [4.5, 5.6, 3.3];
const SEND_HOURS = [7, 8, 12, 17, 18, 20, 21];

export function accountProfile(index: number, seed: number): AccountProfile {
  const rng = rngFor(seed, index, SALT_PROFILE);
  const baseFollowers = Math.round(nominalFollowers(index, seed) * between(rng, 0.85, 1.15));
  // Smaller accounts have more engaged readers.
  const sizeFactor = Math.pow(baseFollowers / 50_000, -0.25);
  const nominalSendDays = NOMINAL_SEND_DAYS[index - 1];
  const sendDaysPerWeek =
    nominalSendDays === undefined ? between(rng, 3, 6) : nominalSendDays + between(rng, -0.3, 0.3);
  // Stepping by 3 (coprime to 7) gives any 7 consecutive accounts 7 different send hours.
  const sendHour = SEND_HOURS[(hashInts(seed, SALT_PROFILE) + 3 * index) % SEND_HOURS.length] ?? 20;
  return {
    index,
    appid: `wxsim${String(index).padStart(10, "0")}`,
    secret: `simsecret${index}`,
    name: accountName(index),
    refreshToken: `simrefresh${index}`,
    seed,
    baseFollowers,
    dailyGrowth: between(rng, 0.0001, 0.0007),
    wobblePhase: between(rng, 0, Math.PI * 2),
    sendChance: Math.min(0.95, sendDaysPerWeek / 6.4),
    sendHour,
    meanArticlesPerSend: between(rng, 1.8, 5.5),
    openRate: 0.055 * sizeFactor * logNormal(rng, 0.15),
    publishReach: 0.012 * sizeFactor * logNormal(rng, 0.2),
    shareRate: between(rng, 0.02, 0.05),
    favRate: between(rng, 0.006, 0.02),
    biz: btoa(String(3_000_000_000 + (hashInts(seed, index) % 900_000_000))),
  };
}

export function followersOn(profile: AccountProfile, day: number): number {
  const trend = profile.baseFollowers * Math.exp(profile.dailyGrowth * (day - FOLLOWER_ANCHOR_DAY));
  const wobble = 1 + 0.004 * Math.sin(day / 23 + profile.wobblePhase);
  return Math.max(500, Math.round(trend * wobble));
}
