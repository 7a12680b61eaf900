import { type Channel, CHANNEL_LABELS, channelNameZh } from "@/lib/analytics/channels";
import type { Locale } from "@/lib/i18n/locales";

/** A channel's name in the locale, for figures of the given generations (see channelNameZh). */
export function channelLabel(channel: Channel, locale: Locale, generations: readonly ("legacy" | "new")[]): string {
  return locale === "en" ? CHANNEL_LABELS[channel].en : channelNameZh(channel, generations);
}
