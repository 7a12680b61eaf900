"use client";
import { createContext, useContext } from "react";

/** Set inside a shared link's page: data comes through the link's token, and nothing leads elsewhere. */
const ShareContext = createContext<string | null>(null);

export function ShareProvider({ token, children }: { token: string; children: React.ReactNode }) {
  return <ShareContext.Provider value={token}>{children}</ShareContext.Provider>;
}

/** The shared link's token, or null on the signed-in dashboard. */
export const useShareToken = () => useContext(ShareContext);
