"use client";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState } from "react";

import type { Locale } from "@/lib/i18n/locales";
import type { Theme } from "@/lib/theme";

import { I18nProvider } from "./i18n";
import { ThemeProvider } from "./theme";

export function Providers({ locale, theme, children }: { locale: Locale; theme: Theme; children: React.ReactNode }) {
  const [client] = useState(
    () =>
      new QueryClient({ defaultOptions: { queries: { staleTime: 60_000, retry: 1, refetchOnWindowFocus: false } } }),
  );
  return (
    <QueryClientProvider client={client}>
      <I18nProvider locale={locale}>
        <ThemeProvider initial={theme}>{children}</ThemeProvider>
      </I18nProvider>
    </QueryClientProvider>
  );
}
