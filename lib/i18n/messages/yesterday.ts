import { defineMessages } from "./define";

/** The Overview's first panels: 昨日关键指标, yesterday's articles, articles read yesterday. */
export const yesterday = defineMessages({
  en: {
    "yesterday.title": "Yesterday's key figures ({date})",
    "yesterday.deliveryReadRateNote":
      "送达阅读率 is WeChat's read_delivery_rate of the day's headline (getarticletotaldetail).",
    "yesterday.col.value": "Yesterday",
    "yesterday.col.before1": "Day before",
    "yesterday.col.before7": "7 days before",
    "yesterday.col.before30": "30 days before",
    "yesterday.vs1": "vs day before",
    "yesterday.vs7": "vs 7 days before",
    "yesterday.vs30": "vs 30 days before",
    "yesterday.sent": "Sent yesterday",
    "yesterday.read": "Read yesterday",
    "yesterday.readNote":
      "Every article read that day, whatever its age, with that day's readers and sharers (from {source}).",
    "yesterday.noneSent": "Nothing was sent yesterday.",
    "yesterday.noneRead": "No article figures for yesterday yet.",
    "yesterday.headline": "头条 (headline)",
    "yesterday.secondary": "次条 (secondary)",
    "yesterday.unknownPosition": "–",
    "yesterday.notFinal":
      "Yesterday's figures are not final yet (WeChat publishes them after 08:00 Beijing time). Readout fetches them again at {time} Beijing time.",
    "yesterday.notFetched": "Yesterday has not been fetched yet. Readout fetches it at {time} Beijing time.",
    "yesterday.channelShares": "Readers by read source (share of the range)",
    "articleDetail.longTail": "Readers per day, for as long as it is read (the long tail)",
    "articleDetail.longTailNote":
      "That day's readers and sharers, not cumulative, every day the article was read, beyond the 7- or 30-day curve (getarticleread, getarticlesummary before it).",
  },
  zh: {
    "yesterday.title": "昨日关键指标（{date}）",
    "yesterday.deliveryReadRateNote": "送达阅读率为微信给出的当天头条的 read_delivery_rate（getarticletotaldetail）。",
    "yesterday.col.value": "昨日",
    "yesterday.col.before1": "前一日",
    "yesterday.col.before7": "7 天前",
    "yesterday.col.before30": "30 天前",
    "yesterday.vs1": "较前一日",
    "yesterday.vs7": "较 7 天前",
    "yesterday.vs30": "较 30 天前",
    "yesterday.sent": "昨日发文",
    "yesterday.read": "昨日被阅读的文章",
    "yesterday.readNote": "当天被阅读的每一篇文章（不论发表多久），及其当天的阅读人数和分享人数（来自 {source}）。",
    "yesterday.noneSent": "昨日没有发文。",
    "yesterday.noneRead": "还没有昨日的文章数据。",
    "yesterday.headline": "头条",
    "yesterday.secondary": "次条",
    "yesterday.unknownPosition": "–",
    "yesterday.notFinal": "昨日数据尚未最终确定（微信在北京时间 08:00 后发布）。Readout 将于北京时间 {time} 重新获取。",
    "yesterday.notFetched": "尚未获取昨日数据。Readout 将于北京时间 {time} 获取。",
    "yesterday.channelShares": "阅读来源占比（所选时间范围）",
    "articleDetail.longTail": "每日阅读人数（长尾）",
    "articleDetail.longTailNote":
      "文章每一天当天（非累计）的阅读人数和分享人数，超出 7 天或 30 天曲线之后也继续显示（来自 getarticleread，之前为 getarticlesummary）。",
  },
});
