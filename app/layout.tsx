import "./globals.css";
import "./agency.css";

import type { Metadata } from "next";

import { Providers } from "@/components/providers";
import { getLocale } from "@/lib/i18n/server";

export const metadata: Metadata = {
  title: "Readout",
  description: "Article analytics for WeChat Official Accounts",
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const locale = await getLocale();
  return (
    <html lang={locale === "zh" ? "zh-CN" : "en"}>
      <body>
        <Providers locale={locale}>{children}</Providers>
      </body>
    </html>
  );
}
