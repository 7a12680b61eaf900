"use client";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { createContext, useContext, useMemo } from "react";

import type { IsoDate } from "@/lib/dates";
import { type GroupParam, groupParamSchema } from "@/lib/groups/schemas";
import { readReportState, type ReportState } from "@/lib/report-params";

export interface AccountOption {
  id: number;
  name: string;
  appid: string;
}

export interface GroupOption {
  id: number;
  name: string;
  /** The accounts of the group this user may see. */
  accountIds: number[];
}

interface ReportContextValue {
  today: IsoDate;
  accounts: AccountOption[];
  groups: GroupOption[];
  role: "admin" | "manager" | "viewer";
  /** Per visible account, the last day of its legacy history (absent: none); not on shared links. */
  legacyThrough?: Readonly<Record<number, IsoDate>>;
}

const ReportContext = createContext<ReportContextValue | null>(null);

export function ReportProvider({ value, children }: { value: ReportContextValue; children: React.ReactNode }) {
  return <ReportContext.Provider value={value}>{children}</ReportContext.Provider>;
}

export function useReportContext(): ReportContextValue {
  const value = useContext(ReportContext);
  if (!value) throw new Error("useReportContext outside ReportProvider");
  return value;
}

/**
 * The URL's report state with the account resolved (first visible account by default); `update` rewrites the URL, which is the only store, as a new
 * history entry, so Back returns to the previous filter.
 */
export function useReportState() {
  const { today, accounts, groups } = useReportContext();
  const search = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  return useMemo(() => {
    const state: ReportState = readReportState(search, today);
    const account = accounts.find((a) => a.id === state.account) ?? accounts[0] ?? null;
    // ?group= (the articles list): "all", or a group this user sees.
    const parsedGroup = groupParamSchema.safeParse(search.get("group") ?? undefined);
    const group: GroupParam | null =
      parsedGroup.success && (parsedGroup.data === "all" || groups.some((g) => g.id === parsedGroup.data))
        ? parsedGroup.data
        : null;
    const update = (change: Record<string, string | number | null | undefined | string[]>) => {
      // The live URL, not the render's snapshot: two quick changes must both stick.
      const next = new URLSearchParams(window.location.search);
      for (const [k, v] of Object.entries(change)) {
        next.delete(k);
        if (Array.isArray(v)) v.forEach((x) => next.append(k, x));
        else if (v != null && v !== "") next.set(k, String(v));
      }
      router.push(`${pathname}?${next.toString()}`, { scroll: false });
    };
    return { ...state, accountId: account?.id ?? null, account, group, update, search };
  }, [search, today, accounts, groups, router, pathname]);
}
