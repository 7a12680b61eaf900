"use client";
import type { OverviewData } from "@/lib/views/overview";
import { useView } from "./use-view";

/** One hook per data view; the key is the view name plus the URL-derived params. */
export type RangeParams = { account: number | null; from: string; to: string };

export const useOverview = (p: RangeParams) => useView<OverviewData>("overview", p, p.account != null);
