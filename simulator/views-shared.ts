import type { AccountModel } from "./day";
import * as layout from "./layout";
import type { ArticleCurve } from "./model";

const { EXTRAS, SLOT, SLOTS, SOURCE, SOURCES, extraIndex, sourceIndex } = layout;

/** One list item of a datacube answer. */
export type Row = Record<string, unknown>;

export interface ViewContext {
  model: AccountModel;
  /** Last day whose data exists (the day before "today"); undefined = no bound. */
  lastDay: number | undefined;
  /** New generation: figures for days from this one on are provisional (is_delay). */
  partialFrom: number | undefined;
  /** Set when a provisional figure was served. */
  sawPartial: boolean;
}

export type DayRows = (ctx: ViewContext, day: number) => Row[];

/** Provisional figures are this share of the final ones. */
const PARTIAL_SHARE = 0.7;

const identity = (n: number) => n;
const partial = (n: number) => Math.floor(n * PARTIAL_SHARE);

/** How counts of `day` are served: as they are, or provisional. */
export function scaler(ctx: ViewContext, day: number): (n: number) => number {
  if (ctx.partialFrom === undefined || day < ctx.partialFrom) return identity;
  ctx.sawPartial = true;
  return partial;
}

/** read_user_source: 全部 first, then each scene with the legacy source it equals. */
export function sceneCounts(
  values: ArrayLike<number>,
  readUserOfSource: (source: number) => number,
  total: number,
  scale: (n: number) => number,
) {
  return [
    { scene_desc: "全部", user_count: scale(total) },
    { scene_desc: "公众号消息", user_count: scale(values[readUserOfSource(SOURCE.session)] ?? 0) },
    { scene_desc: "聊天会话", user_count: scale(values[readUserOfSource(SOURCE.friends)] ?? 0) },
    { scene_desc: "朋友圈", user_count: scale(values[readUserOfSource(SOURCE.moments)] ?? 0) },
    { scene_desc: "公众号主页", user_count: scale(values[readUserOfSource(SOURCE.history)] ?? 0) },
    { scene_desc: "推荐", user_count: scale(values[readUserOfSource(SOURCE.kanyikan)] ?? 0) },
    { scene_desc: "搜一搜", user_count: scale(values[readUserOfSource(SOURCE.souyisou)] ?? 0) },
    { scene_desc: "其他", user_count: scale(values[readUserOfSource(SOURCE.other)] ?? 0) },
  ];
}

/** Index of a source's read_user in a [source][slot] block. */
export const readUserSlotOf = (source: number) => source * SLOTS + SLOT.readUser;

export function sumOverSources(values: ArrayLike<number>, slot: number): number {
  let total = 0;
  for (let s = 0; s < SOURCES; s++) total += values[s * SLOTS + slot] ?? 0;
  return total;
}

/** Running sums of an article's per-source figures and extras, day by day from the send day. */
export function* cumulative(curve: ArticleCurve, days: number) {
  const sums = new Float64Array(SOURCES * SLOTS);
  const extras = new Float64Array(EXTRAS);
  for (let age = 0; age < days; age++) {
    if (age < curve.activeAges) {
      const from = sourceIndex(age, 0, 0);
      for (let i = 0; i < sums.length; i++) sums[i] = (sums[i] ?? 0) + (curve.bySource[from + i] ?? 0);
      for (let x = 0; x < EXTRAS; x++) extras[x] = (extras[x] ?? 0) + (curve.extras[extraIndex(age, x)] ?? 0);
    }
    yield { age, sums, extras };
  }
}

/** How many cumulative days an article sent on sendDay shows, at most maxDays. */
export function curveDays(ctx: ViewContext, sendDay: number, maxDays: number): number {
  return ctx.lastDay === undefined ? maxDays : Math.max(0, Math.min(maxDays, ctx.lastDay - sendDay + 1));
}
