import "server-only";

import { articleDetailView } from "./article-detail";
import { articlesView } from "./articles";
import { compareView } from "./compare";
import { completenessView } from "./completeness";
import { hourlyView } from "./hourly";
import { overviewView } from "./overview";
import { sharesView } from "./shares";
import { syncStatusView } from "./sync-status";
import type { ViewDefinition } from "./types";

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
