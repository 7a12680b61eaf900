import type { MessageId } from "@/lib/i18n/messages";

/**
 * Every headline figure's name and one-line definition, in one place: the KPI sets take them
 * from here, and the cards show the definition on hover and keyboard focus. Figures with
 * different definitions have different names.
 */
export interface MetricDefinition {
  label: MessageId;
  definition: MessageId;
}

const metric = <Id extends string>(id: Id) => ({ label: `kpi.${id}` as const, definition: `kpi.${id}.def` as const });

export const METRICS = {
  dailyReaders: metric("dailyReaders"),
  reads: metric("reads"),
  dailySharers: metric("dailySharers"),
  shares: metric("shares"),
  dailyFavourites: metric("dailyFavourites"),
  dailyLikes: metric("dailyLikes"),
  dailyZaikan: metric("dailyZaikan"),
  comments: metric("comments"),
  netFollowers: metric("netFollowers"),
  newFollowers: metric("newFollowers"),
  cancelledFollowers: metric("cancelledFollowers"),
  totalFollowers: metric("totalFollowers"),
  articlesSent: metric("articlesSent"),
  articleReaders: metric("articleReaders"),
  articleSharers: metric("articleSharers"),
  articleFavourites: metric("articleFavourites"),
  /** WeChat's 送达阅读率 (getarticletotaldetail read_delivery_rate). */
  readDeliveryRate: metric("readDeliveryRate"),
  /** Readers from every source over delivered: Readout's own ratio, not 送达阅读率. */
  readersPerDelivered: metric("readersPerDelivered"),
} as const satisfies Record<string, MetricDefinition>;
