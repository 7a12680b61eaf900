/** The Positions & weekdays page's table. Pure: the browser imports it too. */
import { METRICS } from "@/lib/analytics/definitions";
import type { PositionCell, PositionGroup } from "@/lib/analytics/positions";
import type { MessageId } from "@/lib/i18n/messages";

import { field, type Table } from "../columns";

export const POSITION_LABELS: Record<PositionGroup, MessageId> = {
  lead: "yesterday.headline",
  other: "yesterday.secondary",
  all: "positions.allPositions",
};

export const weekdayLabel = (weekday: number | null): MessageId =>
  weekday === null ? "positions.allWeekdays" : (`hourly.weekday.${weekday}` as MessageId);

export const POSITIONS_TABLE: Table<PositionCell> = {
  id: "positions",
  title: "positions.table",
  columns: [
    {
      key: "position",
      header: "positions.col.position",
      format: "text",
      value: (c) => c.positionClass,
      label: (c) => POSITION_LABELS[c.positionClass],
      lead: true,
    },
    {
      key: "weekday",
      header: "hourly.col.weekday",
      format: "text",
      value: (c) => c.weekday ?? "all",
      label: (c) => weekdayLabel(c.weekday),
    },
    field("articles", "positions.col.articles", "count"),
    field("readersPerArticle", "positions.col.readersPerArticle", "decimal", { phone: true }),
    field("readDeliveryRate", METRICS.readDeliveryRate.label, "percent", { phone: true }),
    field("readers", "metric.readers", "count"),
    field("notificationReaders", "positions.col.notificationReaders", "count"),
    field("delivered", "positions.col.delivered", "count"),
  ],
};
