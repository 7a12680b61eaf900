import { type Channel, CHANNEL_LABELS } from "@/lib/analytics/channels";
import type { Locale } from "@/lib/i18n/locales";

/**
 * A channel's name as WeChat writes it for the generation the figures come from; when a
 * chart mixes both and the names differ, both names ("公众号消息 / 公众号会话").
 */
export function channelLabel(channel: Channel, locale: Locale, generations: readonly ("legacy" | "new")[]): string {
  const l = CHANNEL_LABELS[channel];
  if (locale === "en") return l.en;
  const names = [...new Set(generations.map((g) => (g === "legacy" ? l.zhLegacy : l.zhNew)))];
  return names.length ? names.join(" / ") : l.zhNew;
}
