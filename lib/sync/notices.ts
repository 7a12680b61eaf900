import type { OutsideRows } from "./runner";

/** Sync outcomes in plain words, for the CLI's stderr and the account page. */

export function describeOutsideRows(o: OutsideRows): string {
  const dates = o.dates.join(", ");
  const rows = o.rows === 1 ? "1 row" : `${o.rows} rows`;
  return `${o.endpoint} ${o.beginDate}..${o.endDate}: WeChat's answer also carried ${rows} for other dates (${dates}); they are kept in the raw archive only and changed no stored day.`;
}
