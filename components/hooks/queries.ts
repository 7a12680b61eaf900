"use client";
import type { OverviewData } from "@/lib/views/overview";
import { useQuery } from "@tanstack/react-query";
import type { CompletenessData } from "@/lib/views/completeness";
import type { SyncStatusData } from "@/lib/views/sync-status";
import { fetchView, useView } from "./use-view";

/** One hook per data view; the key is the view name plus the URL-derived params. */
export type RangeParams = { account: number | null; from: string; to: string };

export const useOverview = (p: RangeParams) => useView<OverviewData>("overview", p, p.account != null);
export const useCompleteness = (p: { account: number; from: string; to: string }) => useView<CompletenessData>("completeness", p);
/** Polled every second while the run is running; the run is read from sync_runs, so it survives a reload. */
export const useSyncStatus = (p: { account: number }) =>
  useQuery({ queryKey: ["sync-status", p], queryFn: () => fetchView<SyncStatusData>("sync-status", p), refetchInterval: (q) => (q.state.data?.run?.status === "running" ? 1000 : false), staleTime: 0 });
