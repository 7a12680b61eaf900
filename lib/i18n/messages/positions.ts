import { defineMessages } from "./define";

/** The history group of the navigation and the Positions & weekdays page (/positions). */
export const positions = defineMessages({
  en: {
    "nav.history": "History (legacy interfaces, until {last})",
    "nav.historyNone": "History (legacy interfaces: none for this account)",
    "nav.positions": "Positions & weekdays",
    "positions.intro":
      "What works: articles published in {from} – {to}, grouped by their position in the send (头条 = first, 次条 = any other) and the Beijing weekday they were sent, each at its latest day from WeChat's new interface getarticletotaldetail.",
    "positions.empty": "No articles from the new interfaces were published in this range.",
    "positions.readersChart": "Readers per article by weekday sent",
    "positions.rateChart": "送达阅读率 by weekday sent",
    "positions.rateAxis": "送达阅读率 (%)",
    "positions.readersAxis": "Readers per article",
    "positions.rateNote":
      "送达阅读率 is WeChat's read_delivery_rate: readers from the account message (公众号消息) ÷ followers it was delivered to, both summed over the group's articles, then divided. Articles published without a notification have no 送达阅读率 and are left out of it.",
    "positions.table": "Readers and 送达阅读率 by position and weekday",
    "positions.showTable": "Show the numbers",
    "positions.allPositions": "All positions",
    "positions.allWeekdays": "Every weekday",
    "positions.col.position": "Position",
    "positions.col.articles": "Articles",
    "positions.col.readersPerArticle": "Readers per article",
    "positions.col.notificationReaders": "Readers from the account message",
    "positions.col.delivered": "Delivered",
  },
  zh: {
    "nav.history": "历史（旧版接口，截至 {last}）",
    "nav.historyNone": "历史（旧版接口：本公众号没有数据）",
    "nav.positions": "位置与星期",
    "positions.intro":
      "哪些发文效果好：{from} 至 {to} 发表的文章，按在群发中的位置（头条 = 第 1 条，次条 = 其余）和发表日的北京时间星期分组，每篇取微信新版接口 getarticletotaldetail 的最新一天。",
    "positions.empty": "此范围内没有来自新版接口的已发表文章。",
    "positions.readersChart": "按发表星期：每篇阅读人数",
    "positions.rateChart": "按发表星期：送达阅读率",
    "positions.rateAxis": "送达阅读率（%）",
    "positions.readersAxis": "每篇阅读人数",
    "positions.rateNote":
      "送达阅读率即微信的 read_delivery_rate：来自公众号消息的阅读人数 ÷ 送达人数，两者先在组内各篇文章上求和再相除。未通知粉丝发表的文章没有送达阅读率，不计入。",
    "positions.table": "按位置和星期的阅读人数与送达阅读率",
    "positions.showTable": "显示数据",
    "positions.allPositions": "全部位置",
    "positions.allWeekdays": "全部星期",
    "positions.col.position": "位置",
    "positions.col.articles": "文章数",
    "positions.col.readersPerArticle": "每篇阅读人数",
    "positions.col.notificationReaders": "公众号消息阅读人数",
    "positions.col.delivered": "送达人数",
  },
});
