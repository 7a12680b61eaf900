import { defineMessages } from "./define";

/** What a finished sync that fetched nothing says instead of a bare "done 0/0". */
export const syncOutcome = defineMessages({
  en: {
    "syncOutcome.badge": "Nothing fetched",
    "syncOutcome.final":
      "Nothing was fetched: all {days, plural, one {# day} other {# days}} of the range are already final in Readout, so WeChat was not asked again.",
    "syncOutcome.retired":
      "Nothing was fetched: the interfaces for these dates ({list}) are retired by WeChat (47009); their history stays.",
    "syncOutcome.quota":
      "Nothing was fetched: today's call quota is used up for {list}. The next day's sync continues.",
    "syncOutcome.noDays":
      "Nothing was fetched: no interface has data for these dates (before WeChat started serving it, or not published yet).",
  },
  zh: {
    "syncOutcome.badge": "未获取数据",
    "syncOutcome.final": "没有获取任何数据：范围内 {days} 天在 Readout 中都已是最终数据，无需再向微信请求。",
    "syncOutcome.retired": "没有获取任何数据：这些日期对应的接口（{list}）已被微信停用（47009），历史数据仍保留。",
    "syncOutcome.quota": "没有获取任何数据：{list} 今天的调用次数已用完，次日的同步会继续。",
    "syncOutcome.noDays": "没有获取任何数据：这些日期没有可用的接口数据（早于微信开始提供的日期，或尚未发布）。",
  },
});
