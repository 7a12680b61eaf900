import { defineMessages } from "./define";

export const overview = defineMessages({
  en: {
    "overview.kpis": "Key figures",
    "overview.trend": "Daily readers by read source",
    "overview.readersAxis": "Readers (people)",
    "overview.showTable": "Show the numbers",
    "overview.mixedNote":
      "Days before 2025-11-01 come from the legacy interfaces, later days from the new ones; each channel is labelled with both generations' names.",
  },
  zh: {
    "overview.kpis": "核心指标",
    "overview.trend": "每日阅读人数（按阅读来源）",
    "overview.readersAxis": "阅读人数（人）",
    "overview.showTable": "查看数据",
    "overview.mixedNote": "2025-11-01 之前的日期来自旧版接口，之后来自新版接口；各渠道标注了两代接口各自的名称。",
  },
});
