"use client";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { signOut } from "next-auth/react";

import type { SessionUser } from "@/lib/auth/access";
import { LOCALE_COOKIE } from "@/lib/i18n/locales";
import type { MessageId } from "@/lib/i18n/messages";

import { useLocale, useT } from "../i18n";
import { AccountSwitcher } from "./account-switcher";
import { DateRangePicker } from "./date-range-picker";
import { useReportContext } from "./report-context";

const REPORT_LINKS: { href: string; label: MessageId }[] = [
  { href: "/", label: "nav.overview" },
  { href: "/hourly", label: "nav.hourly" },
  { href: "/shares", label: "nav.shares" },
  { href: "/articles", label: "nav.articles" },
  { href: "/compare", label: "nav.compare" },
];

/** Pages whose URL carries the account and date range; the rest manage things. */
const REPORT_PATHS = /^\/($|hourly|shares|articles|compare)/;

export function AppShell({ user, children }: { user: Pick<SessionUser, "email" | "role">; children: React.ReactNode }) {
  const t = useT();
  const locale = useLocale();
  const router = useRouter();
  const pathname = usePathname();
  const search = useSearchParams();
  const { role } = useReportContext();
  // Moving between report pages keeps the account and range.
  const carried = new URLSearchParams(
    [...search].filter(([k]) => ["account", "range", "from", "to"].includes(k)),
  ).toString();
  // Compare chooses its own articles; an article page is one article, whatever the range.
  const isReport =
    REPORT_PATHS.test(pathname) && !pathname.startsWith("/compare") && !pathname.startsWith("/articles/");
  const setLanguage = () => {
    document.cookie = `${LOCALE_COOKIE}=${locale === "zh" ? "en" : "zh"}; path=/; max-age=31536000; samesite=lax`;
    router.refresh();
  };
  const active = (href: string) => (href === "/" ? pathname === "/" : pathname.startsWith(href));
  return (
    <div className="shell">
      <nav className="sidebar" aria-label="Readout">
        <div className="brand">Readout</div>
        {REPORT_LINKS.map((l) => (
          <Link
            key={l.href}
            href={carried ? `${l.href}?${carried}` : l.href}
            className={active(l.href) ? "active" : undefined}
          >
            {t(l.label)}
          </Link>
        ))}
        <hr />
        <Link href="/accounts" className={active("/accounts") ? "active" : undefined}>
          {t("nav.accounts")}
        </Link>
        {role === "admin" ? (
          <Link href="/users" className={active("/users") ? "active" : undefined}>
            {t("nav.users")}
          </Link>
        ) : null}
        {role === "admin" ? (
          <Link href="/audit" className={active("/audit") ? "active" : undefined}>
            {t("security.audit.nav")}
          </Link>
        ) : null}
        <div className="sidebar-foot">
          <div className="who" data-testid="who">
            {user.email}
            <br />
            <span className="muted">{t(`role.${user.role}`)}</span>
          </div>
          <button type="button" className="link" onClick={setLanguage} data-testid="language-switch">
            {t("nav.language")}
          </button>
          <button type="button" className="link" onClick={() => void signOut({ callbackUrl: "/login" })}>
            {t("nav.signOut")}
          </button>
        </div>
      </nav>
      <div className="content">
        {isReport ? (
          <div className="toolbar">
            <AccountSwitcher />
            <DateRangePicker />
          </div>
        ) : null}
        {children}
      </div>
    </div>
  );
}
