import { defineMessages } from "./define";

/**
 * The one error shape's messages (lib/actions) and the app's own validation messages (zod
 * schemas in lib/ and db/); zod's built-in ones come from its locales.
 */
export const errors = defineMessages({
  en: {
    "error.unauthorized": "Sign in first.",
    "error.adminOnly": "Only an admin may do this.",
    "error.readOnly": "Your role may view this account but not change it.",
    "error.noAccount": "No such account.",
    "error.internal": "Something went wrong on the server; the details are in its log.",
    "error.invalid": "Invalid input. {problem}",
    "error.invalidField": "Invalid input. {field}: {problem}",
    "error.noView": 'No data view named "{name}".',
    "error.noTable": 'This view has no table "{table}".',
    "error.noArticle": "Readout has no figures for article {msgid} of this account.",

    "validation.isoDate": "must be a date written YYYY-MM-DD",
    "validation.rangeOrder": "the start date must not be after the end date",
    "validation.rangeSpan": "a range may span at most {days} days",
    "validation.gridSpan": "the grid shows at most {days} days",
    "validation.beforeEarliest": "WeChat has no data before {date}",
    "validation.afterYesterday": "the newest day WeChat serves is yesterday ({date})",
    "validation.backfillSpan": "a range may span at most {days} days; fetch longer ones in pieces",
    "validation.msgid": "must be an article id like 2247483990_1",
    "validation.compareItem": "\"{value}\" is not an article (write '<'account id'>':'<'msgid'>', e.g. 1:2247483990_1)",
    "validation.compareCount": "choose {min} to {max} different articles (got {count})",
    "validation.appid": "an AppID starts with wx followed by letters and digits",
    "validation.appidLength": "an AppID starts with wx followed by letters and digits (wx + 16 characters)",
    "validation.email": "enter an email address",
    "validation.password": "at least 8 characters",
  },
  zh: {
    "error.unauthorized": "请先登录。",
    "error.adminOnly": "只有管理员可以这样做。",
    "error.readOnly": "你的角色可以查看这个公众号，但不能修改。",
    "error.noAccount": "没有这个公众号。",
    "error.internal": "服务器出错了，详情见服务器日志。",
    "error.invalid": "输入有误。{problem}",
    "error.invalidField": "输入有误。{field}：{problem}",
    "error.noView": "没有名为“{name}”的数据视图。",
    "error.noTable": "这个视图没有“{table}”表。",
    "error.noArticle": "Readout 没有这个公众号文章 {msgid} 的数据。",

    "validation.isoDate": "日期须写作 YYYY-MM-DD",
    "validation.rangeOrder": "开始日期不能晚于结束日期",
    "validation.rangeSpan": "时间范围最多 {days} 天",
    "validation.gridSpan": "表格最多显示 {days} 天",
    "validation.beforeEarliest": "微信没有 {date} 之前的数据",
    "validation.afterYesterday": "微信最新只提供昨天（{date}）的数据",
    "validation.backfillSpan": "一次最多 {days} 天，更长的范围请分段获取",
    "validation.msgid": "须为文章 id，例如 2247483990_1",
    "validation.compareItem": "“{value}”不是文章（写作 '<'公众号 id'>':'<'msgid'>'，例如 1:2247483990_1）",
    "validation.compareCount": "请选择 {min} 到 {max} 篇不同的文章（当前 {count} 篇）",
    "validation.appid": "AppID 以 wx 开头，后接字母和数字",
    "validation.appidLength": "AppID 以 wx 开头，后接字母和数字（wx + 16 个字符）",
    "validation.email": "请输入邮箱地址",
    "validation.password": "至少 8 个字符",
  },
});
