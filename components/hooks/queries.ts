"use client";
import type { OverviewData } from "@/lib/views/overview";
import type { HourlyData } from "@/lib/views/hourly";
import type { SharesData } from "@/lib/views/shares";
import { useView } from "./use-view";

/** One hook per data view; the key is the view name plus the URL-derived params. */
export type RangeParams = { account: number | null; from: string; to: string };

export const useOverview = (p: RangeParams) => useView<OverviewData>("overview", p, p.account != null);
export const useHourly = (p: RangeParams) => useView<HourlyData>("hourly", p, p.account != null);
export const useShares = (p: RangeParams) => useView<SharesData>("shares", p, p.account != null);
