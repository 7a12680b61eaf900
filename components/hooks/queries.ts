"use client";
import { useQuery } from "@tanstack/react-query";

import type { ArticleDetailData } from "@/lib/views/article-detail";
import type { ArticlesData } from "@/lib/views/articles";
import type { CompareData } from "@/lib/views/compare";
import type { CompletenessData } from "@/lib/views/completeness";
import type { HourlyData } from "@/lib/views/hourly";
import type { OverviewData } from "@/lib/views/overview";
import type { SharesData } from "@/lib/views/shares";
import type { SyncStatusData } from "@/lib/views/sync-status";

import { fetchView, useView } from "./use-view";

/** One hook per data view; the key is the view name plus the URL-derived params. */
export type RangeParams = { account: number | null; from: string; to: string };

export const useOverview = (p: RangeParams) => useView<OverviewData>("overview", p, p.account != null);
export const useArticles = (p: RangeParams, enabled = true) =>
  useView<ArticlesData>("articles", p, enabled && p.account != null);
export const useArticleDetail = (p: { account: number; msgid: string }) =>
  useView<ArticleDetailData>("articleDetail", p);
export const useCompare = (p: { a: string[] }, enabled = true) => useView<CompareData>("compare", p, enabled);
export const useHourly = (p: RangeParams) => useView<HourlyData>("hourly", p, p.account != null);
export const useShares = (p: RangeParams) => useView<SharesData>("shares", p, p.account != null);
export const useCompleteness = (p: { account: number; from: string; to: string }) =>
  useView<CompletenessData>("completeness", p);
/** Polled every second while the run is running; the run is read from sync_runs, so it survives a reload. */
export const useSyncStatus = (p: { account: number }) =>
  useQuery({
    queryKey: ["sync-status", p],
    queryFn: () => fetchView<SyncStatusData>("sync-status", p),
    refetchInterval: (q) => (q.state.data?.run?.status === "running" ? 1000 : false),
    staleTime: 0,
  });
