import { ENDPOINTS } from "@/lib/wechat/endpoints";

import { dayOf, weekdayOf } from "./calendar";
import * as layout from "./layout";
import { type AccountProfile, followersOn } from "./profile";
import type { Rng } from "./random";
import * as random from "./random";
import { headline } from "./titles";

const {
  EXTRA,
  EXTRAS,
  LIFETIME_DAYS,
  SLOT,
  SLOTS,
  SOURCE,
  SOURCES,
  NEW_CHANNELS_DAY,
  extraIndex,
  sourceIndex,
  totalIndex,
} = layout;
const { between, ditherByte, hashInts, intBetween, logNormal, normal, pick, randomBits, rngFor, saltOf } = random;

/**
 * The ground truth of one account: which articles were sent when, and for every article its
 * reads, shares and favourites per day of age and per read source. Everything the endpoints
 * answer is summed or split from these integers.
 */

/** getarticlesummary counts an article's day only with at least this many combined interactions. */
const MIN_COMBINED_INTERACTIONS = 3;

/** Publishing without notification (publish_type 1) is simulated from the new generation's first day. */
const PUBLISH_WITHOUT_NOTIFICATION_FROM = dayOf(ENDPOINTS.getarticletotaldetail.firstDate);
const MSG_DATA_ID_BASE = 2_247_480_000;
const MSG_DATA_ID_EPOCH = dayOf(ENDPOINTS.getarticlesummary.firstDate);

export interface Send {
  day: number;
  hour: number;
  /** 0 = notified mass send (群发), 1 = published without notification (发布). */
  publishType: 0 | 1;
  msgDataId: number;
  /** Followers on the send day: the getarticletotal target_user. */
  targetUser: number;
  articles: Article[];
}

export interface Article {
  send: Send;
  /** 1-based position in the send. */
  index: number;
  msgid: string;
  title: string;
  contentUrl: string;
  appeal: number;
  curve: ArticleCurve | undefined;
}

export interface ArticleCurve {
  /** [age][source][slot] integers for that day alone (not cumulative). */
  bySource: Int32Array;
  /** [age][slot] summed over sources. */
  totals: Int32Array;
  /** [age][extra] */
  extras: Int32Array;
  /** Ages from this one on are all zero. */
  activeAges: number;
  finishRate: number;
  activeMinutes: number;
  /** Share of readers leaving in each fifth of the article; 0 = not reported (sparse). */
  jumpWeights: readonly number[];
}

const SALT_SEND = saltOf("send");
const SALT_CURVE = saltOf("curve");

/* ---------- sends ---------- */

export function buildSend(profile: AccountProfile, day: number): Send | null {
  const rng = rngFor(profile.seed, profile.index, day, SALT_SEND);
  const weekend = weekdayOf(day) >= 5;
  const isSendDay = rng() < profile.sendChance * (weekend ? 0.75 : 1);
  const mayPublish = day >= PUBLISH_WITHOUT_NOTIFICATION_FROM;
  const publishRoll = rng();
  let publishType: 0 | 1;
  let hour: number;
  let articleCount: number;
  if (isSendDay) {
    publishType = mayPublish && publishRoll < 0.2 ? 1 : 0;
    hour = publishType === 0 ? profile.sendHour : intBetween(rng, 9, 22);
    articleCount = Math.min(8, Math.max(1, Math.round(profile.meanArticlesPerSend + 1.3 * normal(rng))));
  } else if (mayPublish && publishRoll < 0.12) {
    publishType = 1;
    hour = intBetween(rng, 9, 22);
    articleCount = intBetween(rng, 1, 2);
  } else {
    return null;
  }
  const msgDataId = MSG_DATA_ID_BASE + (day - MSG_DATA_ID_EPOCH);
  const send: Send = { day, hour, publishType, msgDataId, targetUser: followersOn(profile, day), articles: [] };
  for (let index = 1; index <= articleCount; index++) {
    const positionFactor = index === 1 ? 1 : index === 2 ? 0.4 : 0.28 - 0.02 * index;
    send.articles.push({
      send,
      index,
      msgid: `${msgDataId}_${index}`,
      title: headline(rng),
      contentUrl: contentUrl(profile, msgDataId, index),
      appeal: positionFactor * logNormal(rng, 0.55),
      curve: undefined,
    });
  }
  return send;
}

function contentUrl(profile: AccountProfile, msgDataId: number, index: number): string {
  const sn = hashInts(profile.seed, profile.index, msgDataId, index).toString(16).padStart(8, "0");
  return `https://mp.weixin.qq.com/s?__biz=${profile.biz}&mid=${msgDataId}&idx=${index}&sn=${sn}${sn.split("").reverse().join("")}`;
}

/* ---------- decay of reads over the days after sending, per read source ---------- */

/** Relative daily weight at age 0, 1, 2, ... before normalisation. */
const DECAY_SHAPES: ReadonlyArray<(age: number) => number> = [
  (a) => (a === 0 ? 1 : 0.3 * Math.pow(0.3, a - 1) + 0.003 * Math.pow(0.9, a)), // session: front-loaded
  (a) => (a === 0 ? 1 : Math.pow(0.5, a) + 0.01 * Math.pow(0.93, a)), // friends
  (a) => (a === 0 ? 1 : Math.pow(0.55, a) + 0.012 * Math.pow(0.92, a)), // Moments
  (a) => (a === 0 ? 1 : Math.pow(0.7, a) + 0.03 * Math.pow(0.96, a)), // history page
  (a) => (a === 0 ? 1 : Math.pow(0.75, a) + 0.03 * Math.pow(0.95, a)), // other
  (a) => (a === 0 ? 0.6 : a === 1 ? 1 : Math.pow(0.6, a - 1) + 0.02 * Math.pow(0.94, a)), // Top Stories
  (a) => (a === 0 ? 0.3 : 0.5 * Math.pow(0.96, a - 1)), // Search: long tail
];

const decayTables = new Map<number, Float64Array[]>();

/** Per source, the share of lifetime readers reading at each age, for a send at `hour`. */
function decayFor(hour: number): Float64Array[] {
  let tables = decayTables.get(hour);
  if (tables) return tables;
  // A late send leaves less of its first day for reading.
  const firstDayFactor = Math.min(1, Math.max(0.3, (24 - hour) / 16));
  tables = DECAY_SHAPES.map((shape) => {
    const table = new Float64Array(LIFETIME_DAYS);
    let sum = 0;
    for (let age = 0; age < LIFETIME_DAYS; age++) {
      table[age] = shape(age) * (age === 0 ? firstDayFactor : 1);
      sum += table[age] ?? 0;
    }
    for (let age = 0; age < LIFETIME_DAYS; age++) table[age] = (table[age] ?? 0) / sum;
    return table;
  });
  decayTables.set(hour, tables);
  return tables;
}

/** Where lifetime readers come from: notified sends vs published-without-notification. */
const NOTIFIED_MIX = [0.52, 0.15, 0.12, 0.06, 0.03, 0.07, 0.05];
const PUBLISHED_MIX = [0, 0.26, 0.2, 0.26, 0.06, 0.14, 0.08];
/** How much more (or less) likely a reader from each source is to share. */
const SHARE_PROPENSITY = [1, 1.3, 1.4, 0.8, 0.7, 0.9, 0.6];
const PRAISE_AMOUNTS_FEN = [100, 200, 200, 500, 500, 1000, 2000, 5000];

/* ---------- one article's curve ---------- */

export function buildCurve(profile: AccountProfile, article: Article): ArticleCurve {
  const send = article.send;
  const rng = rngFor(profile.seed, profile.index, send.day, article.index, SALT_CURVE);
  const reach = send.publishType === 0 ? profile.openRate : profile.publishReach;
  const lifetimeReaders = send.targetUser * reach * article.appeal;
  const virality = logNormal(rng, 0.35);
  const mix = (send.publishType === 0 ? NOTIFIED_MIX : PUBLISHED_MIX).map(
    (w, s) => w * logNormal(rng, 0.25) * (s === SOURCE.friends || s === SOURCE.moments ? virality : 1),
  );
  if (send.day < NEW_CHANNELS_DAY) {
    mix[SOURCE.other] = (mix[SOURCE.other] ?? 0) + (mix[SOURCE.kanyikan] ?? 0) + (mix[SOURCE.souyisou] ?? 0);
    mix[SOURCE.kanyikan] = 0;
    mix[SOURCE.souyisou] = 0;
  }
  const mixSum = mix.reduce((a, b) => a + b, 0);
  const decay = decayFor(send.hour);
  const lifetimeBySource = mix.map((w) => (lifetimeReaders * w) / mixSum);

  const rates = {
    repeat: Array.from({ length: SOURCES }, () => between(rng, 0.08, 0.35)),
    share: profile.shareRate * Math.sqrt(virality),
    shareRepeat: between(rng, 0.1, 0.6),
    original: rng() < 0.3 ? between(rng, 0.01, 0.04) : 0,
    fav: profile.favRate * logNormal(rng, 0.3),
    toMoments: between(rng, 0.3, 0.5),
    zaikan: between(rng, 0.006, 0.02),
    like: between(rng, 0.01, 0.04),
    comment: between(rng, 0.001, 0.004),
    praise: rng() < 0.35 ? between(rng, 0.0003, 0.0015) : 0,
    /** Average tip of this article's readers, in fen. */
    praiseFen: pick(rng, PRAISE_AMOUNTS_FEN),
    subscribe: between(rng, 0.002, 0.006),
  };

  const bySource = new Int32Array(LIFETIME_DAYS * SOURCES * SLOTS);
  const totals = new Int32Array(LIFETIME_DAYS * SLOTS);
  const extras = new Int32Array(LIFETIME_DAYS * EXTRAS);
  let activeAges = 0;
  for (let age = 0; age < LIFETIME_DAYS; age++) {
    const totalAt = totalIndex(age, 0);
    for (let s = 0; s < SOURCES; s++) {
      const expected = (lifetimeBySource[s] ?? 0) * (decay[s]?.[age] ?? 0);
      if (expected < 0.02) continue;
      const at = sourceIndex(age, s, 0);
      if (fillSourceDay(rng, bySource, at, expected, s, rates)) {
        for (let slot = 0; slot < SLOTS; slot++)
          totals[totalAt + slot] = (totals[totalAt + slot] ?? 0) + (bySource[at + slot] ?? 0);
      }
    }
    const readers = totals[totalIndex(age, SLOT.readUser)] ?? 0;
    const combined =
      readers + (totals[totalIndex(age, SLOT.shareUser)] ?? 0) + (totals[totalIndex(age, SLOT.favUser)] ?? 0);
    if (combined < MIN_COMBINED_INTERACTIONS) {
      bySource.fill(0, sourceIndex(age, 0, 0), sourceIndex(age + 1, 0, 0));
      totals.fill(0, totalIndex(age, 0), totalIndex(age + 1, 0));
      continue;
    }
    activeAges = age + 1;
    const notFromSession = readers - (bySource[sourceIndex(age, SOURCE.session, SLOT.readUser)] ?? 0);
    const bits = randomBits(rng);
    extras[extraIndex(age, EXTRA.zaikan)] = ditherByte(readers * rates.zaikan, bits, 0);
    extras[extraIndex(age, EXTRA.like)] = ditherByte(readers * rates.like, bits, 1);
    extras[extraIndex(age, EXTRA.comment)] = ditherByte(readers * rates.comment, bits, 2);
    extras[extraIndex(age, EXTRA.subscribe)] = ditherByte(notFromSession * rates.subscribe, bits, 3);
    extras[extraIndex(age, EXTRA.praiseMoney)] = Math.floor(readers * rates.praise + rng()) * rates.praiseFen;
  }

  const jumpWeights = [
    between(rng, 0.3, 0.6),
    between(rng, 0.1, 0.25),
    between(rng, 0.05, 0.15),
    between(rng, 0.03, 0.1),
    between(rng, 0.05, 0.2),
  ];
  if (rng() < 0.3) jumpWeights[intBetween(rng, 2, 3)] = 0;
  return {
    bySource: bySource.slice(0, activeAges * SOURCES * SLOTS),
    totals: totals.slice(0, activeAges * SLOTS),
    extras: extras.slice(0, activeAges * EXTRAS),
    activeAges,
    finishRate: between(rng, 0.35, 0.75),
    activeMinutes: between(rng, 0.6, 4.5),
    jumpWeights,
  };
}

interface Rates {
  repeat: number[];
  share: number;
  shareRepeat: number;
  original: number;
  fav: number;
  toMoments: number;
}

/** One source's figures for one day of an article (every count >= its user figure); false when nobody read. */
function fillSourceDay(rng: Rng, out: Int32Array, at: number, expected: number, source: number, rates: Rates): boolean {
  const noise = rng();
  const readUser = Math.floor(expected * (0.8 + 0.4 * noise) + rng());
  if (readUser === 0) return false;
  const a = randomBits(rng);
  const b = randomBits(rng);
  const shareUser = ditherByte(readUser * rates.share * (SHARE_PROPENSITY[source] ?? 1), a, 0);
  const shareCount = shareUser + ditherByte(shareUser * rates.shareRepeat, a, 1);
  const oriUser = ditherByte(readUser * rates.original, a, 2);
  const favUser = ditherByte(readUser * rates.fav, a, 3);
  const feedShareUser = ditherByte(shareUser * rates.toMoments, b, 0);
  out[at + SLOT.readUser] = readUser;
  out[at + SLOT.readCount] = readUser + ditherByte(readUser * (rates.repeat[source] ?? 0.1), b, 1);
  out[at + SLOT.oriUser] = oriUser;
  out[at + SLOT.oriCount] = oriUser + ditherByte(oriUser * 0.2, b, 2);
  out[at + SLOT.shareUser] = shareUser;
  out[at + SLOT.shareCount] = shareCount;
  out[at + SLOT.favUser] = favUser;
  out[at + SLOT.favCount] = favUser + ditherByte(favUser * 0.05, b, 3);
  out[at + SLOT.feedShareUser] = feedShareUser;
  // Moments share count: that many sharers plus their share of the repeat shares, never above share_count.
  out[at + SLOT.feedShareCount] = feedShareUser + Math.floor((shareCount - shareUser) * rates.toMoments);
  return true;
}
