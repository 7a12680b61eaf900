import { defineMessages } from "./define";

/** Shares page (/shares). Share scenes keep WeChat's names (getusershare: 好友转发, 朋友圈, 其他). */
export const shares = defineMessages({
  en: {
    "shares.kpis": "Key figures",
    "shares.kpi.shares": "Shares (times)",
    "shares.kpi.sharers": "Sharers (people)",
    "shares.kpisNote.mixed":
      "Shares (times) come only from the legacy interfaces, which end on {last}; sharers come from the new interfaces on the days they cover and from the legacy share scenes before.",
    "shares.col.newSharers": "Sharers (new interfaces)",
    "shares.daily": "Daily shares by share scene",
    "shares.hourly": "Hourly shares by share scene",
    "shares.table.hourly": "Hourly shares by share scene (average per day)",
    "shares.newSharers": "Daily sharers (new interfaces, no scenes)",
    "shares.metric.label": "Show",
    "shares.metric.count": "Shares (times)",
    "shares.metric.people": "Sharers (people)",
    "shares.axis.count": "Shares (times)",
    "shares.axis.countAvg": "Shares per day (times)",
    "shares.axis.people": "Sharers (people)",
    "shares.axis.peopleAvg": "Sharers per day (people)",
    "shares.axis.sharers": "Sharers (people)",
    "shares.showTable": "Show the numbers",
    "shares.oneDay": "One day: {date}",
    "shares.averaged": "Average per day over {days, plural, one {# day} other {# days}} with data",
    "shares.sceneSource": "Legacy interfaces (getusershare, getusersharehour), {from} – {to}",
    "shares.note.newOnly":
      "WeChat retired its legacy interfaces on 2026-07-01. The new interfaces that replaced them report each day's sharers, but no share scenes and no hours, so this range shows daily sharers only.",
    "shares.note.mixed":
      "This range mixes both generations of WeChat's interfaces: share scenes come from the legacy interfaces and end on {last}; the new interfaces report sharers without scenes, charted separately.",
    "shares.note.partialScenes":
      "Share scenes end on {last}: WeChat retired the legacy interfaces on 2026-07-01 and the new interfaces report sharers without scenes.",
    "shares.empty.scenes":
      "No share scenes for {from} – {to}. Share scenes come only from WeChat's legacy interfaces, retired on 2026-07-01; this account's end on {last}. The new interfaces report sharers without scenes.",
    "shares.empty.scenesNever":
      "This account has no share scenes: they come only from WeChat's legacy interfaces (retired on 2026-07-01), and none were fetched for this account.",
    "shares.empty.hourly":
      "No hourly shares for {from} – {to}: only the legacy interface getusersharehour had them (retired by WeChat on 2026-07-01), and the new interfaces report no hourly figures.",
    "shares.empty.all":
      "No share figures for {from} – {to}: neither generation of WeChat's interfaces has data for these days in Readout.",
    "shares.empty.newSharers": "The new interfaces have no sharers for this range (they start on 2025-11-01).",
    "shares.empty.link": "Show the last 30 days with share scenes ({from} – {to})",
  },
  zh: {
    "shares.kpis": "核心指标",
    "shares.kpi.shares": "分享次数",
    "shares.kpi.sharers": "分享人数",
    "shares.kpisNote.mixed":
      "分享次数只来自旧版接口，截至 {last}；分享人数在新版接口覆盖的日期取自新版接口，之前的日期取自旧版的分享场景数据。",
    "shares.col.newSharers": "分享人数（新版接口）",
    "shares.daily": "每日分享（按分享场景）",
    "shares.hourly": "分时分享（按分享场景）",
    "shares.table.hourly": "分时分享（按分享场景，日均）",
    "shares.newSharers": "每日分享人数（新版接口，无场景）",
    "shares.metric.label": "指标",
    "shares.metric.count": "分享次数（次）",
    "shares.metric.people": "分享人数（人）",
    "shares.axis.count": "分享次数（次）",
    "shares.axis.countAvg": "日均分享次数（次）",
    "shares.axis.people": "分享人数（人）",
    "shares.axis.peopleAvg": "日均分享人数（人）",
    "shares.axis.sharers": "分享人数（人）",
    "shares.showTable": "查看数据",
    "shares.oneDay": "单日：{date}",
    "shares.averaged": "有数据的 {days} 天的日均值",
    "shares.sceneSource": "旧版接口（getusershare、getusersharehour），{from} 至 {to}",
    "shares.note.newOnly":
      "微信已于 2026-07-01 下线旧版接口。替代它们的新版接口只提供每日分享人数，没有分享场景，也没有分时数据，因此该时间范围只显示每日分享人数。",
    "shares.note.mixed":
      "该时间范围混合了微信两代接口的数据：分享场景来自旧版接口，截至 {last}；新版接口的分享人数没有场景，单独绘制。",
    "shares.note.partialScenes":
      "分享场景数据截至 {last}：微信已于 2026-07-01 下线旧版接口，新版接口的分享人数没有场景。",
    "shares.empty.scenes":
      "{from} 至 {to} 没有分享场景数据。分享场景只来自微信旧版接口，该接口已于 2026-07-01 下线，本公众号的数据截至 {last}。新版接口只提供分享人数，没有场景。",
    "shares.empty.scenesNever":
      "本公众号没有分享场景数据：分享场景只来自微信旧版接口（已于 2026-07-01 下线），而下线前未曾为本公众号获取过。",
    "shares.empty.hourly":
      "{from} 至 {to} 没有分时分享数据：只有旧版接口 getusersharehour 提供（微信已于 2026-07-01 下线），新版接口不提供分时数据。",
    "shares.empty.all": "{from} 至 {to} 没有分享数据：Readout 中两代接口都没有这些日期的数据。",
    "shares.empty.newSharers": "新版接口在该时间范围内没有分享人数数据（新版接口的数据从 2025-11-01 开始）。",
    "shares.empty.link": "查看有分享场景数据的最近 30 天（{from} 至 {to}）",
  },
});
