import { z } from "zod";

import { isIsoDate } from "@/lib/dates";

/**
 * zod schemas of every datacube list item, as WeChat documents them. Objects are loose:
 * unknown keys are kept (WeChat adds fields without notice) and never fail validation.
 */
// A year of answers repeats a few hundred dates hundreds of thousands of times: remember them.
const knownDates = new Set<string>();
const isDate = (value: string) => {
  if (knownDates.has(value)) return true;
  if (!isIsoDate(value)) return false;
  if (knownDates.size > 100_000) knownDates.clear();
  knownDates.add(value);
  return true;
};
const date = z.string().refine(isDate, "expected a YYYY-MM-DD date");
const count = z.number().int().nonnegative();
const rate = z.number().finite();
/** msgid is "<msg_data_id>_<index>"; some servers send the number part as digits only. */
const msgid = z.union([z.string().min(1), z.number().int()]).transform(String);
/** Text WeChat may send as null or leave out (titles, URLs): stored as null. */
const text = z
  .string()
  .nullish()
  .transform((v) => v ?? null);
/** An http(s) URL, or null: anything else (javascript:, data:, relative) is never stored or linked. */
export function httpUrlOrNull(value: string | null | undefined): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:" ? value : null;
  } catch {
    return null;
  }
}
const articleUrl = text.transform(httpUrlOrNull);
/** getuserread(hour) rows without user_source (the seeds' own examples, older answers) are the all-sources total. */
export const ALL_SOURCES = 99999999;
const userSource = z
  .number()
  .int()
  .nullish()
  .transform((v) => v ?? ALL_SOURCES);

export const BASE_METRIC_KEYS = [
  "int_page_read_user",
  "int_page_read_count",
  "ori_page_read_user",
  "ori_page_read_count",
  "share_user",
  "share_count",
  "add_to_fav_user",
  "add_to_fav_count",
] as const;

// Older responses omit metrics that were zero (the doc example has no ori_page_read_user).
const baseMetrics = Object.fromEntries(BASE_METRIC_KEYS.map((k) => [k, count.default(0)])) as {
  [K in (typeof BASE_METRIC_KEYS)[number]]: z.ZodDefault<typeof count>;
};

export const LEGACY_SOURCE_FIELDS = [
  "session",
  "hist_msg",
  "feed",
  "friends",
  "other",
  "kanyikan",
  "souyisou",
] as const;
const LEGACY_FEED_SHARE_FIELDS = ["session", "feed", "other"] as const;

const totalDetailSourceMetrics = Object.fromEntries(
  LEGACY_SOURCE_FIELDS.flatMap((s) => [
    [`int_page_from_${s}_read_user`, count.optional()],
    [`int_page_from_${s}_read_count`, count.optional()],
  ]),
);
const feedShareMetrics = Object.fromEntries(
  LEGACY_FEED_SHARE_FIELDS.flatMap((s) => [
    [`feed_share_from_${s}_user`, count.optional()],
    [`feed_share_from_${s}_cnt`, count.optional()],
  ]),
);

/** ref_hour is HHMM: 0, 100, ..., 2300. */
const refHour = z
  .number()
  .int()
  .refine((h) => h >= 0 && h <= 2300 && h % 100 === 0, "ref_hour must be HHMM (0, 100, ..., 2300)");

export const legacyArticleSummaryRow = z.looseObject({
  ref_date: date,
  msgid,
  title: text,
  ...baseMetrics,
});

export const legacyArticleTotalDetail = z.looseObject({
  stat_date: date,
  target_user: count.default(0),
  ...baseMetrics,
  ...totalDetailSourceMetrics,
  ...feedShareMetrics,
});

export const legacyArticleTotalRow = z.looseObject({
  ref_date: date,
  msgid,
  title: text,
  details: z.array(legacyArticleTotalDetail),
});

export const legacyUserReadRow = z.looseObject({
  ref_date: date,
  user_source: userSource,
  ...baseMetrics,
});

export const legacyUserReadHourRow = z.looseObject({
  ref_date: date,
  ref_hour: refHour,
  user_source: userSource,
  ...baseMetrics,
});

export const legacyUserShareRow = z.looseObject({
  ref_date: date,
  share_scene: z.number().int(),
  share_count: count.default(0),
  share_user: count.default(0),
});

export const legacyUserShareHourRow = z.looseObject({
  ref_date: date,
  ref_hour: refHour,
  share_scene: z.number().int(),
  share_count: count.default(0),
  share_user: count.default(0),
});

const sceneCount = z.looseObject({ scene_desc: z.string(), user_count: count });

export const articleReadRow = z.looseObject({
  ref_date: date,
  msgid,
  title: text,
  detail: z
    .looseObject({
      read_user: count.default(0),
      read_user_source: z.array(sceneCount).default([]),
    })
    .prefault({}),
});

export const articleShareRow = z.looseObject({
  ref_date: date,
  msgid,
  detail: z.looseObject({ share_user: count.default(0) }).prefault({}),
});

export const bizSummaryRow = z.looseObject({
  ref_date: date,
  detail: z
    .looseObject({
      read_user: count.default(0),
      read_user_source: z.array(sceneCount).default([]),
      share_user: count.default(0),
      zaikan_user: count.default(0),
      like_user: count.default(0),
      comment_count: count.default(0),
      collection_user: count.default(0),
      redirect_ori_page_user: count.default(0),
      send_page_count: count.default(0),
    })
    .prefault({}),
});

const jumpPosition = z.looseObject({ position: z.number().int().min(1).max(5), rate });

export const articleTotalDetailEntry = z.looseObject({
  stat_date: date,
  read_user: count.default(0),
  read_user_source: z.array(sceneCount).default([]),
  share_user: count.default(0),
  zaikan_user: count.default(0),
  like_user: count.default(0),
  comment_count: count.default(0),
  collection_user: count.default(0),
  praise_money: count.default(0),
  read_subscribe_user: count.default(0),
  read_delivery_rate: rate.optional(),
  read_finish_rate: rate.optional(),
  read_avg_activetime: rate.optional(),
  read_jump_position: z.array(jumpPosition).default([]),
});

export const articleTotalDetailRow = z.looseObject({
  ref_date: date,
  msgid,
  publish_type: z.number().int().default(0),
  title: text,
  content_url: articleUrl,
  detail_list: z.array(articleTotalDetailEntry),
});

/** is_delay arrives as a boolean, or from some proxies as "true"/"false"/"1"/"0". */
export const isDelayFlag = z
  .union([z.boolean(), z.enum(["true", "false", "1", "0"]), z.literal(1), z.literal(0)])
  .optional()
  .transform((v) => v === true || v === "true" || v === "1" || v === 1);

/** getusersummary: followers gained and lost on a day from one follow source (user_source). */
export const userSummaryRow = z.looseObject({
  ref_date: date,
  user_source: z.number().int().default(0),
  new_user: count.default(0),
  cancel_user: count.default(0),
});

/** getusercumulate: total followers at the end of the day. */
export const userCumulateRow = z.looseObject({
  ref_date: date,
  cumulate_user: count.default(0),
});
