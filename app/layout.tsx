import type { Metadata } from "next";
import "./globals.css";

export const metadata: Metadata = {
  title: "Readout",
  description: "Article analytics for WeChat Official Accounts",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
