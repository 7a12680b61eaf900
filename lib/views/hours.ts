/** Hours and weekdays of the hourly charts; pure, so the browser imports it too. */

/** 0..23: WeChat's ref_hour HHMM / 100, Beijing time. */
export const HOURS = Array.from({ length: 24 }, (_, h) => h);
/** ISO weekdays, Monday = 1 … Sunday = 7. */
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
export type Weekday = (typeof WEEKDAYS)[number];
/** 0 → "00:00", 13 → "13:00". */
export const hourLabel = (hour: number) => `${String(hour).padStart(2, "0")}:00`;
