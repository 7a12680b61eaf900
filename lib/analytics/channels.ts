/**
 * Read-source channels shared by both datacube generations, and share scenes. Pure data and
 * functions: the browser imports this too.
 */

export const CHANNELS = ["session", "friends", "moments", "profile", "recommend", "search", "other"] as const;
export type Channel = (typeof CHANNELS)[number];
export type ChannelCounts = Partial<Record<Channel, number>>;

/** Legacy user_source of the all-sources row. */
export const TOTAL_USER_SOURCE = 99_999_999;
/** New-generation scene_desc of the all-scenes entry. */
export const TOTAL_SCENE = "全部";

export const CHANNEL_LABELS: Record<Channel, { en: string; zhLegacy: string; zhNew: string }> = {
  session: { en: "Account messages", zhLegacy: "公众号会话", zhNew: "公众号消息" },
  friends: { en: "Chats", zhLegacy: "好友转发", zhNew: "聊天会话" },
  moments: { en: "Moments", zhLegacy: "朋友圈", zhNew: "朋友圈" },
  profile: { en: "Account profile", zhLegacy: "历史消息页", zhNew: "公众号主页" },
  recommend: { en: "Recommended", zhLegacy: "看一看", zhNew: "推荐" },
  search: { en: "Search", zhLegacy: "搜一搜", zhNew: "搜一搜" },
  other: { en: "Other", zhLegacy: "其他", zhNew: "其他" },
};

/**
 * A channel's Chinese name as WeChat writes it for the generation the figures come from; when
 * figures mix both and the names differ, both names ("公众号消息 / 公众号会话").
 */
export function channelNameZh(channel: Channel, generations: readonly ("legacy" | "new")[]): string {
  const l = CHANNEL_LABELS[channel];
  const names = [...new Set(generations.map((g) => (g === "legacy" ? l.zhLegacy : l.zhNew)))];
  return names.length ? names.join(" / ") : l.zhNew;
}

const USER_SOURCE_CHANNELS: Readonly<Record<number, Channel>> = {
  0: "session",
  1: "friends",
  2: "moments",
  4: "profile",
  5: "other",
  6: "recommend",
  7: "search",
};

/** Legacy user_source → channel; null for the total row. 3 (Tencent Weibo, obsolete) and unknown codes are "other". */
export function channelOfUserSource(code: number): Channel | null {
  if (code === TOTAL_USER_SOURCE) return null;
  return USER_SOURCE_CHANNELS[code] ?? "other";
}

const SCENE_CHANNELS: Readonly<Record<string, Channel>> = {
  公众号消息: "session",
  聊天会话: "friends",
  朋友圈: "moments",
  公众号主页: "profile",
  推荐: "recommend",
  搜一搜: "search",
  其他: "other",
};

/** New-generation scene_desc → channel; null for 全部. Unknown scenes are "other". */
export function channelOfScene(sceneDesc: string): Channel | null {
  if (sceneDesc === TOTAL_SCENE) return null;
  return Object.hasOwn(SCENE_CHANNELS, sceneDesc) ? SCENE_CHANNELS[sceneDesc]! : "other";
}

/** The <source> part of getarticletotal's int_page_from_<source>_read_user fields. */
export const BREAKDOWN_SOURCE_CHANNELS = {
  session: "session",
  hist_msg: "profile",
  feed: "moments",
  friends: "friends",
  other: "other",
  kanyikan: "recommend",
  souyisou: "search",
} as const satisfies Record<string, Channel>;

export function addTo(counts: ChannelCounts, channel: Channel, value: number): void {
  counts[channel] = (counts[channel] ?? 0) + value;
}

/** A stored read_user_source array → readers by channel, and the 全部 entry (null when absent). */
export function channelsFromScenes(readUserSource: unknown): { total: number | null; bySource: ChannelCounts } {
  const bySource: ChannelCounts = {};
  let total: number | null = null;
  if (!Array.isArray(readUserSource)) return { total, bySource };
  for (const entry of readUserSource as { scene_desc?: unknown; user_count?: unknown }[]) {
    if (typeof entry?.scene_desc !== "string" || typeof entry.user_count !== "number") continue;
    const channel = channelOfScene(entry.scene_desc);
    if (channel === null) total = entry.user_count;
    else addTo(bySource, channel, entry.user_count);
  }
  return { total, bySource };
}

/** A stored getarticletotal breakdown → int_page readers by channel (sources absent from old answers are left out). */
export function channelsFromBreakdown(breakdown: unknown): ChannelCounts {
  const bySource: ChannelCounts = {};
  if (!breakdown || typeof breakdown !== "object") return bySource;
  const fields = breakdown as Record<string, unknown>;
  for (const [source, channel] of Object.entries(BREAKDOWN_SOURCE_CHANNELS)) {
    const value = fields[`int_page_from_${source}_read_user`];
    if (typeof value === "number") addTo(bySource, channel, value);
  }
  return bySource;
}

/* ---------- share scenes (legacy getusershare / getusersharehour) ---------- */

export interface ShareScene {
  en: string;
  zh: string;
  obsolete?: true;
}

export const SHARE_SCENES: Readonly<Record<number, ShareScene>> = {
  1: { en: "Friends", zh: "好友转发" },
  2: { en: "Moments", zh: "朋友圈" },
  3: { en: "Tencent Weibo", zh: "腾讯微博", obsolete: true },
  255: { en: "Other", zh: "其他" },
};

export function shareSceneLabel(code: number, locale: "en" | "zh"): string {
  const scene = Object.hasOwn(SHARE_SCENES, code) ? SHARE_SCENES[code] : undefined;
  if (scene) return scene[locale];
  return locale === "en" ? `other (code ${code})` : `其他（代码 ${code}）`;
}
