import { defineMessages } from "./define";

/** The portfolio: every visible account on one screen. */
export const portfolio = defineMessages({
  en: {
    "nav.portfolio": "Portfolio",
    "portfolio.title": "Portfolio",
    "portfolio.intro":
      "Every account you may see on {date}: readers against the account's own mean of the 7 days before, 送达阅读率 of the headline, net followers, articles sent, the best article of the day, readers over 30 days and sync health.",
    "portfolio.scope": "Accounts",
    "portfolio.search": "Search accounts",
    "portfolio.count": "{shown} of {total} accounts",
    "portfolio.noMatch": "No account matches “{q}”.",
    "portfolio.empty": "No accounts to show.",
    "portfolio.totals": "All shown accounts",
    "portfolio.totalsNote":
      "The totals row is weighted: counts are summed, 送达阅读率 is the notification readers of the headlines over the followers they were delivered to, and the change is the summed readers against the summed 7-day means.",
    "portfolio.col.avg7": "Mean readers, 7 days before",
    "portfolio.col.change": "vs 7-day mean",
    "portfolio.col.articlesSent": "Articles sent",
    "portfolio.col.best": "Best article",
    "portfolio.col.bestReaders": "Best article's readers",
    "portfolio.col.spark": "Readers, 30 days",
    "portfolio.col.finalThrough": "Final through",
    "portfolio.col.errors": "Sync errors",
    "portfolio.col.stopped": "Interfaces stopped",
    "portfolio.col.stoppedNames": "Stopped interfaces",
    "portfolio.sparkTitle": "Readers {from} – {to}: {values}",
    "portfolio.bestCell": "{readers} readers",
    "portfolio.tableRegion": "Accounts table",
  },
  zh: {
    "nav.portfolio": "账号总览",
    "portfolio.title": "账号总览",
    "portfolio.intro":
      "{date} 你可查看的全部账号：阅读人数与该账号前 7 天均值相比、头条送达阅读率、净增关注、发文数、当日最佳文章、近 30 天阅读人数和同步状况。",
    "portfolio.scope": "账号范围",
    "portfolio.search": "搜索账号",
    "portfolio.count": "显示 {shown} / {total} 个账号",
    "portfolio.noMatch": "没有账号匹配“{q}”。",
    "portfolio.empty": "没有可显示的账号。",
    "portfolio.totals": "所显示账号合计",
    "portfolio.totalsNote":
      "合计行按权重计算：数量相加；送达阅读率为各头条的公众号消息阅读人数之和除以送达人数之和；变化为阅读人数之和与 7 天均值之和相比。",
    "portfolio.col.avg7": "前 7 天平均阅读人数",
    "portfolio.col.change": "较 7 天均值",
    "portfolio.col.articlesSent": "发文数",
    "portfolio.col.best": "最佳文章",
    "portfolio.col.bestReaders": "最佳文章阅读人数",
    "portfolio.col.spark": "近 30 天阅读人数",
    "portfolio.col.finalThrough": "数据已定至",
    "portfolio.col.errors": "同步错误",
    "portfolio.col.stopped": "已停止接口",
    "portfolio.col.stoppedNames": "停止的接口",
    "portfolio.sparkTitle": "阅读人数 {from} 至 {to}：{values}",
    "portfolio.bestCell": "{readers} 人阅读",
    "portfolio.tableRegion": "账号表格",
  },
});
