/**
 * getusersummary's user_source: where new followers followed from. Pure: the browser imports it.
 * Codes WeChat adds later are kept as they come and labelled "other (code N)".
 */
export const FOLLOW_SOURCE_LABELS: Readonly<Record<number, { en: string; zh: string }>> = {
  1: { en: "Search", zh: "搜一搜" },
  17: { en: "Business card", zh: "名片分享" },
  30: { en: "QR code", zh: "扫描二维码" },
  57: { en: "Account name in an article", zh: "文章内账号名称" },
  100: { en: "WeChat ads", zh: "微信广告" },
  161: { en: "Reposts by others", zh: "他人转载" },
  149: { en: "Mini Program", zh: "小程序" },
  200: { en: "Channels", zh: "视频号" },
  201: { en: "Live streams", zh: "直播" },
  0: { en: "Other", zh: "其他" },
};

/** Named sources in the order the page lists them (其他 last); unknown codes follow, ascending. */
const ORDER = [1, 17, 30, 57, 100, 161, 149, 200, 201, 0];

export function followSourceLabel(code: number): { en: string; zh: string } {
  return FOLLOW_SOURCE_LABELS[code] ?? { en: `Other (code ${code})`, zh: `其他（代码 ${code}）` };
}

/** The codes present, named ones in the page's order, then unknown ones ascending. */
export function orderFollowSources(codes: Iterable<number>): number[] {
  const present = new Set(codes);
  const named = ORDER.filter((c) => present.has(c));
  const unknown = [...present].filter((c) => !ORDER.includes(c)).sort((a, b) => a - b);
  return [...named, ...unknown];
}
