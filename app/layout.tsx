import "./globals.css";
import "./agency.css";

import type { Metadata, Viewport } from "next";
import { cookies } from "next/headers";

import { Providers } from "@/components/providers";
import { getLocale } from "@/lib/i18n/server";
import { isTheme, THEME_COOKIE, themeAttribute } from "@/lib/theme";

export const metadata: Metadata = {
  title: "Readout",
  description: "Article analytics for WeChat Official Accounts",
};

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#f6f7f9" },
    { media: "(prefers-color-scheme: dark)", color: "#111418" },
  ],
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const locale = await getLocale();
  const chosen = (await cookies()).get(THEME_COOKIE)?.value;
  const theme = isTheme(chosen) ? chosen : "system";
  return (
    <html lang={locale === "zh" ? "zh-CN" : "en"} data-theme={themeAttribute(theme)}>
      <body>
        <Providers locale={locale} theme={theme}>
          {children}
        </Providers>
      </body>
    </html>
  );
}
