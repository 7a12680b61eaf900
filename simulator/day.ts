import { BoundedCache } from "./cache";
import * as layout from "./layout";
import { type Article, type ArticleCurve, buildCurve, buildSend, type Send } from "./model";
import type { AccountProfile } from "./profile";
import * as random from "./random";
import * as split from "./split";

const { BASE_SLOTS, EXTRAS, LIFETIME_DAYS, SLOT, SLOTS, SOURCES, extraIndex, sourceIndex, totalIndex } = layout;
const { logNormal, rngFor, saltOf } = random;
const { splitUsersAndCount } = split;

/** An article with figures on a given day. */
export interface ActiveArticle {
  article: Article;
  age: number;
  curve: ArticleCurve;
}

/** One account's day: every article read that day, and the account-wide sums by source. */
export interface DayView {
  day: number;
  /** Sorted by msg_data_id, then index. */
  active: ActiveArticle[];
  /** [source][slot] sums over active articles. */
  bySource: Int32Array;
  /** [extra] sums over active articles. */
  extras: Int32Array;
  sent: Send | undefined;
  hourly: HourlyView | undefined;
}

/** share_scene codes in the order of HourlyView.shareScenes. */
export const SHARE_SCENES = [1, 2, 255] as const;

export interface HourlyView {
  /** [hour][source][base slot 0..7] */
  bySource: Int32Array;
  /** [hour][scene][0 = share_user, 1 = share_count] */
  shareScenes: Int32Array;
}

export const hourSourceIndex = (hour: number, source: number, slot: number) =>
  (hour * SOURCES + source) * BASE_SLOTS + slot;
export const hourSceneIndex = (hour: number, scene: number, which: 0 | 1) =>
  (hour * SHARE_SCENES.length + scene) * 2 + which;

/** Reading through a day when nothing was just sent: night low; morning, noon and ~21-22h peaks. */
const BASELINE_BY_HOUR = [
  0.012, 0.007, 0.004, 0.003, 0.003, 0.006, 0.018, 0.045, 0.06, 0.05, 0.045, 0.05, 0.065, 0.06, 0.045, 0.04, 0.042,
  0.045, 0.05, 0.055, 0.062, 0.075, 0.072, 0.04,
];
/** Reads of an article on its send day, by hours since sending. */
const AFTER_SEND = [0.45, 0.25, 0.13, 0.08, 0.05, 0.04];
const SHARE_SCENE_MIX = [0.55, 0.4, 0.05];

const SALT_HOURS = saltOf("hours");
const SEND_CACHE_SIZE = 2_000;
const DAY_CACHE_SIZE = 1_500;

/** Caches shared by all accounts of one ground truth, so memory stays bounded however many accounts. */
export function createCaches() {
  return {
    sends: new BoundedCache<number, Send | null>(SEND_CACHE_SIZE),
    days: new BoundedCache<number, DayView>(DAY_CACHE_SIZE),
  };
}
export type TruthCaches = ReturnType<typeof createCaches>;

export class AccountModel {
  constructor(
    readonly profile: AccountProfile,
    private readonly caches: TruthCaches,
  ) {}

  private key(day: number): number {
    return this.profile.index * 10_000_000 + day;
  }

  sendOn(day: number): Send | undefined {
    const key = this.key(day);
    let send = this.caches.sends.get(key);
    if (send === undefined) send = this.caches.sends.set(key, buildSend(this.profile, day));
    return send ?? undefined;
  }

  curveOf(article: Article): ArticleCurve {
    article.curve ??= buildCurve(this.profile, article);
    return article.curve;
  }

  dayView(day: number): DayView {
    const key = this.key(day);
    return this.caches.days.get(key) ?? this.caches.days.set(key, this.buildDay(day));
  }

  hourly(view: DayView): HourlyView {
    view.hourly ??= this.buildHourly(view);
    return view.hourly;
  }

  private buildDay(day: number): DayView {
    const bySource = new Int32Array(SOURCES * SLOTS);
    const extras = new Int32Array(EXTRAS);
    const active: ActiveArticle[] = [];
    for (let sendDay = day - LIFETIME_DAYS + 1; sendDay <= day; sendDay++) {
      const send = this.sendOn(sendDay);
      if (!send) continue;
      const age = day - sendDay;
      for (const article of send.articles) {
        const curve = this.curveOf(article);
        if (
          age >= curve.activeAges ||
          (curve.totals[totalIndex(age, SLOT.readUser)] ?? 0) +
            (curve.totals[totalIndex(age, SLOT.shareUser)] ?? 0) +
            (curve.totals[totalIndex(age, SLOT.favUser)] ?? 0) ===
            0
        ) {
          continue;
        }
        active.push({ article, age, curve });
        const from = sourceIndex(age, 0, 0);
        for (let i = 0; i < SOURCES * SLOTS; i++) bySource[i] = (bySource[i] ?? 0) + (curve.bySource[from + i] ?? 0);
        for (let x = 0; x < EXTRAS; x++) extras[x] = (extras[x] ?? 0) + (curve.extras[extraIndex(age, x)] ?? 0);
      }
    }
    return { day, active, bySource, extras, sent: this.sendOn(day), hourly: undefined };
  }

  private buildHourly(view: DayView): HourlyView {
    const rng = rngFor(this.profile.seed, this.profile.index, view.day, SALT_HOURS);
    const baseline = BASELINE_BY_HOUR.map((w) => w * logNormal(rng, 0.1));
    const afterSend = new Float64Array(24);
    const sendHour = view.sent?.hour;
    if (sendHour !== undefined) {
      for (let k = 0; k < AFTER_SEND.length && sendHour + k < 24; k++) afterSend[sendHour + k] = AFTER_SEND[k] ?? 0;
    }
    // Readers of articles sent today, per source: they read in the hours after the send.
    const fresh = new Float64Array(SOURCES);
    for (const { age, curve } of view.active) {
      if (age !== 0) continue;
      for (let s = 0; s < SOURCES; s++)
        fresh[s] = (fresh[s] ?? 0) + (curve.bySource[sourceIndex(0, s, SLOT.readUser)] ?? 0);
    }
    const afterSendSum = afterSend.reduce((a, b) => a + b, 0);
    const baselineSum = baseline.reduce((a, b) => a + b, 0);

    const bySource = new Int32Array(24 * SOURCES * BASE_SLOTS);
    const weights = new Float64Array(24);
    const users = new Int32Array(24);
    const counts = new Int32Array(24);
    for (let s = 0; s < SOURCES; s++) {
      const total = view.bySource[s * SLOTS + SLOT.readUser] ?? 0;
      const freshReaders = afterSendSum > 0 ? (fresh[s] ?? 0) : 0;
      for (let h = 0; h < 24; h++) {
        weights[h] =
          ((total - freshReaders) * (baseline[h] ?? 0)) / baselineSum +
          (afterSendSum > 0 ? (freshReaders * (afterSend[h] ?? 0)) / afterSendSum : 0);
      }
      for (let pair = 0; pair < BASE_SLOTS; pair += 2) {
        splitUsersAndCount(
          view.bySource[s * SLOTS + pair] ?? 0,
          view.bySource[s * SLOTS + pair + 1] ?? 0,
          weights,
          users,
          counts,
        );
        for (let h = 0; h < 24; h++) {
          bySource[hourSourceIndex(h, s, pair)] = users[h] ?? 0;
          bySource[hourSourceIndex(h, s, pair + 1)] = counts[h] ?? 0;
        }
      }
    }

    const shareScenes = new Int32Array(24 * SHARE_SCENES.length * 2);
    const dayMix = SHARE_SCENE_MIX.map((w) => w * logNormal(rng, 0.15));
    const sceneUsers = new Int32Array(SHARE_SCENES.length);
    const sceneCounts = new Int32Array(SHARE_SCENES.length);
    for (let h = 0; h < 24; h++) {
      let shareUser = 0;
      let shareCount = 0;
      for (let s = 0; s < SOURCES; s++) {
        shareUser += bySource[hourSourceIndex(h, s, SLOT.shareUser)] ?? 0;
        shareCount += bySource[hourSourceIndex(h, s, SLOT.shareCount)] ?? 0;
      }
      // Per-hour jitter keeps small hours from always rounding towards the biggest scene.
      const hourMix = dayMix.map((w) => w * logNormal(rng, 0.3));
      splitUsersAndCount(shareUser, shareCount, hourMix, sceneUsers, sceneCounts);
      for (let scene = 0; scene < SHARE_SCENES.length; scene++) {
        shareScenes[hourSceneIndex(h, scene, 0)] = sceneUsers[scene] ?? 0;
        shareScenes[hourSceneIndex(h, scene, 1)] = sceneCounts[scene] ?? 0;
      }
    }
    return { bySource, shareScenes };
  }
}
