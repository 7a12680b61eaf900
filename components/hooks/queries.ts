"use client";
import { useQuery } from "@tanstack/react-query";

import { fetchView, useView } from "./use-view";

/** One hook per data view; the key is the view name plus the URL-derived params. */
export type RangeParams = { account: number | null; from: string; to: string };

export const useOverview = (p: RangeParams) => useView("overview", p, p.account != null);
/** An account's articles, or with `group` ("all" or a group id) every visible account's in the group. */
export type ScopeParams = { account?: number | null; group?: number | "all" | null; from: string; to: string };
export const useArticles = (p: ScopeParams, enabled = true) =>
  useView("articles", p, enabled && (p.account != null || p.group != null));
export const useFollowers = (p: RangeParams) => useView("followers", p, p.account != null);
export const useYesterday = (p: { account: number | null }) => useView("yesterday", p, p.account != null);
export const useArticleDetail = (p: { account: number; msgid: string }) => useView("articleDetail", p);
export const useCompare = (p: { a: string[] }, enabled = true) => useView("compare", p, enabled);
export const useHourly = (p: RangeParams) => useView("hourly", p, p.account != null);
export const useShares = (p: RangeParams) => useView("shares", p, p.account != null);
export const usePositions = (p: RangeParams) => useView("positions", p, p.account != null);
export const useCompleteness = (p: { account: number; from: string; to: string }) => useView("completeness", p);
/** Every visible account of a group (or all of them) on one day, default yesterday. */
export const usePortfolio = (p: { group: number | "all"; date?: string | null }) => useView("portfolio", p);
/** Polled every second while the run is running; the run is read from sync_runs, so it survives a reload. */
export const useSyncStatus = (p: { account: number }) =>
  useQuery({
    queryKey: ["sync-status", p],
    queryFn: () => fetchView("sync-status", p),
    refetchInterval: (q) => (q.state.data?.run?.status === "running" ? 1000 : false),
    staleTime: 0,
  });
