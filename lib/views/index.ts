import "server-only";

import { articleDetailView } from "./article-detail";
import { articlesView } from "./articles";
import { compareView } from "./compare";
import { completenessView } from "./completeness";
import { followersView } from "./followers";
import { hourlyView } from "./hourly";
import { overviewView } from "./overview";
import { portfolioView } from "./portfolio";
import { positionsView } from "./positions";
import { sharesView } from "./shares";
import { syncStatusView } from "./sync-status";
import type { ViewDefinition } from "./types";
import { yesterdayView } from "./yesterday";

const views = {
  overview: overviewView,
  followers: followersView,
  yesterday: yesterdayView,
  articles: articlesView,
  articleDetail: articleDetailView,
  compare: compareView,
  hourly: hourlyView,
  shares: sharesView,
  positions: positionsView,
  "sync-status": syncStatusView,
  completeness: completenessView,
  portfolio: portfolioView,
};

/** The name in /api/views/<name> and /api/export/<name>. */
export type ViewName = keyof typeof views;
type ViewTypes = {
  [N in ViewName]: (typeof views)[N] extends ViewDefinition<infer Input, infer Data>
    ? { input: Input; data: Data }
    : never;
};
/** What a view's query string parses to. */
export type ViewInput<N extends ViewName> = ViewTypes[N]["input"];
/** What GET /api/views/<name> answers in `data`. */
export type ViewData<N extends ViewName> = ViewTypes[N]["data"];

/**
 * Every dashboard data endpoint by name. The mapped type lets code generic over a name `N` read
 * `VIEWS[N]` as one ViewDefinition of that view's own input and data types.
 */
export const VIEWS: { [N in ViewName]: ViewDefinition<ViewInput<N>, ViewData<N>> } = views;

export const isViewName = (name: string): name is ViewName => Object.hasOwn(VIEWS, name);
