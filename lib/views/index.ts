import "server-only";
import type { ViewDefinition } from "./types";
import { overviewView } from "./overview";
import { articlesView } from "./articles";
import { articleDetailView } from "./article-detail";
import { compareView } from "./compare";
import { hourlyView } from "./hourly";
import { sharesView } from "./shares";
import { syncStatusView } from "./sync-status";
import { completenessView } from "./completeness";

/** Every dashboard data endpoint, by the name in /api/views/<name> and /api/export/<name>. */
export const VIEWS: Record<string, ViewDefinition<never, never>> = {
  overview: overviewView,
  articles: articlesView,
  articleDetail: articleDetailView,
  compare: compareView,
  hourly: hourlyView,
  shares: sharesView,
  "sync-status": syncStatusView,
  completeness: completenessView,
} as unknown as Record<string, ViewDefinition<never, never>>;
