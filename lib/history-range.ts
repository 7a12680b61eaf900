import { addDaysIso, type IsoDate } from "@/lib/dates";

/**
 * The history pages (hourly reads, shares) show figures only the legacy interfaces had, so
 * without a range of their own they open on the last 30 days that have them.
 */
export const HISTORY_RANGE_DAYS = 30;

/** The 30 days ending on `last`. */
export const rangeEndingOn = (last: IsoDate) => ({ from: addDaysIso(last, -(HISTORY_RANGE_DAYS - 1)), to: last });

type SearchParams = URLSearchParams | Record<string, string | string[] | undefined>;

/** Whether the URL names a range (a preset or dates): then it is shown as given. */
export function hasExplicitRange(params: SearchParams): boolean {
  const has = (k: string) => (params instanceof URLSearchParams ? params.has(k) : params[k] !== undefined);
  return has("range") || has("from") || has("to");
}

/**
 * Where a history page without a range in its URL goes: the same URL with the 30 days ending on
 * the account's last legacy day; null when the URL has a range or the account has no legacy figures.
 */
export function historyRedirect(
  path: string,
  params: Record<string, string | string[] | undefined>,
  account: number | null,
  lastLegacyDay: IsoDate | null,
): string | null {
  if (hasExplicitRange(params) || account === null || lastLegacyDay === null) return null;
  const next = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) for (const x of [v ?? []].flat()) next.append(k, x);
  next.set("account", String(account));
  const range = rangeEndingOn(lastLegacyDay);
  next.set("range", "custom");
  next.set("from", range.from);
  next.set("to", range.to);
  return `${path}?${next.toString()}`;
}
