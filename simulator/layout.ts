import { dayOf } from "./calendar";

/**
 * How the ground truth's integers are laid out in typed arrays. Hot modules read these
 * through one destructured namespace import: under tsx's CommonJS output every imported
 * binding is a getter call, which would otherwise dominate the inner loops.
 */

/** Days after sending during which an article still gets readers (age 0 = send day). */
export const LIFETIME_DAYS = 60;

/** Legacy user_source codes, in the order the arrays below are indexed. */
const SOURCE_CODES = [0, 1, 2, 4, 5, 6, 7] as const;
export const SOURCES = SOURCE_CODES.length;
export const SOURCE = { session: 0, friends: 1, moments: 2, history: 3, other: 4, kanyikan: 5, souyisou: 6 } as const;

/** Per (age, source) integers; the first 8 are the legacy base metrics in BASE_METRIC_KEYS order. */
export const SLOT = {
  readUser: 0,
  readCount: 1,
  oriUser: 2,
  oriCount: 3,
  shareUser: 4,
  shareCount: 5,
  favUser: 6,
  favCount: 7,
  /** Sharers from this source who shared to Moments (getarticletotal feed_share_from_*). */
  feedShareUser: 8,
  feedShareCount: 9,
} as const;
export const SLOTS = 10;
export const BASE_SLOTS = 8;

/** Per-age article-level figures only the new generation shows. */
export const EXTRA = { zaikan: 0, like: 1, comment: 2, praiseMoney: 3, subscribe: 4 } as const;
export const EXTRAS = 5;

/** Top Stories (看一看) and Search (搜一搜) read sources exist from this day on. */
export const NEW_CHANNELS_DAY = dayOf("2020-02-28");

export const sourceIndex = (age: number, source: number, slot: number) => (age * SOURCES + source) * SLOTS + slot;
export const totalIndex = (age: number, slot: number) => age * SLOTS + slot;
export const extraIndex = (age: number, extra: number) => age * EXTRAS + extra;
