"use client";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { signOut } from "next-auth/react";
import { useState } from "react";
import { useIntl } from "react-intl";

import type { SessionUser } from "@/lib/auth/access";
import { LOCALE_COOKIE } from "@/lib/i18n/locales";
import type { MessageId } from "@/lib/i18n/messages";

import { useLocale, useT } from "../i18n";
import { ThemeSwitch } from "../theme";
import { AccountSwitcher } from "./account-switcher";
import { DateRangePicker } from "./date-range-picker";
import { useReportContext, useReportState } from "./report-context";

const REPORT_LINKS: { href: string; label: MessageId }[] = [
  { href: "/", label: "nav.overview" },
  { href: "/followers", label: "nav.followers" },
  { href: "/articles", label: "nav.articles" },
  { href: "/positions", label: "nav.positions" },
  { href: "/compare", label: "nav.compare" },
];
/** Pages of figures only the legacy interfaces had: grouped as history, with the day it ends. */
const HISTORY_LINKS: { href: string; label: MessageId }[] = [
  { href: "/hourly", label: "nav.hourly" },
  { href: "/shares", label: "nav.shares" },
];
const HISTORY_PATHS = /^\/(hourly|shares)(\/|$)/;

type Role = "admin" | "manager" | "viewer";
/** Pages that manage things, and who sees them in the navigation. */
const MANAGE_LINKS: { href: string; label: MessageId; roles: readonly Role[] }[] = [
  { href: "/accounts", label: "nav.accounts", roles: ["admin", "manager", "viewer"] },
  { href: "/digests", label: "nav.digests", roles: ["admin", "manager"] },
  { href: "/groups", label: "nav.groups", roles: ["admin"] },
  { href: "/links", label: "share.title", roles: ["admin", "manager"] },
  { href: "/users", label: "nav.users", roles: ["admin"] },
  { href: "/audit", label: "security.audit.nav", roles: ["admin"] },
];

/** Pages whose URL carries the account and date range; the rest manage things. */
const REPORT_PATHS = /^\/($|followers|hourly|shares|articles|positions|compare)/;

export function AppShell({ user, children }: { user: Pick<SessionUser, "email" | "role">; children: React.ReactNode }) {
  const t = useT();
  const locale = useLocale();
  const router = useRouter();
  const pathname = usePathname();
  const search = useSearchParams();
  const intl = useIntl();
  const { role, accounts, legacyThrough } = useReportContext();
  const { accountId } = useReportState();
  // Moving between report pages keeps the account and range; between history and current pages
  // only the account (a history range has no current figures, and the other way round).
  const carry = (keys: string[]) => new URLSearchParams([...search].filter(([k]) => keys.includes(k))).toString();
  const onHistory = HISTORY_PATHS.test(pathname);
  const carried = carry(onHistory ? ["account"] : ["account", "range", "from", "to"]);
  const historyCarried = carry(onHistory ? ["account", "range", "from", "to"] : ["account"]);
  const lastLegacyDay = accountId === null ? undefined : legacyThrough?.[accountId];
  const historyTitle = lastLegacyDay
    ? t("nav.history", { last: intl.formatDate(`${lastLegacyDay}T12:00:00+08:00`, { dateStyle: "long" }) })
    : t("nav.historyNone");
  // Compare chooses its own articles; an article page is one article, whatever the range.
  const isReport =
    REPORT_PATHS.test(pathname) && !pathname.startsWith("/compare") && !pathname.startsWith("/articles/");
  const setLanguage = () => {
    document.cookie = `${LOCALE_COOKIE}=${locale === "zh" ? "en" : "zh"}; path=/; max-age=31536000; samesite=lax`;
    router.refresh();
  };
  const active = (href: string) => (href === "/" ? pathname === "/" : pathname.startsWith(href));
  // On a phone the navigation is a menu; it closes when the page changes.
  const [menuOpen, setMenuOpen] = useState(false);
  const [menuPath, setMenuPath] = useState(pathname);
  if (menuPath !== pathname) {
    setMenuPath(pathname);
    setMenuOpen(false);
  }
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t("ui.skip")}
      </a>
      <header className="topbar">
        <span className="brand">Readout</span>
        <button
          type="button"
          className="menu-button"
          aria-expanded={menuOpen}
          aria-controls="app-nav"
          onClick={() => setMenuOpen((open) => !open)}
          data-testid="menu-button"
        >
          <span aria-hidden="true">{menuOpen ? "✕" : "☰"}</span> {t(menuOpen ? "ui.closeMenu" : "ui.menu")}
        </button>
      </header>
      <nav id="app-nav" className={menuOpen ? "sidebar open" : "sidebar"} aria-label="Readout">
        <div className="brand">Readout</div>
        {accounts.length > 1 ? (
          <Link href="/portfolio" className={active("/portfolio") ? "active" : undefined}>
            {t("nav.portfolio")}
          </Link>
        ) : null}
        {REPORT_LINKS.map((l) => (
          <Link
            key={l.href}
            href={carried ? `${l.href}?${carried}` : l.href}
            className={active(l.href) ? "active" : undefined}
          >
            {t(l.label)}
          </Link>
        ))}
        <div className="nav-group" role="group" aria-labelledby="nav-history" data-testid="nav-history">
          <div id="nav-history" className="nav-group-title">
            {historyTitle}
          </div>
          {HISTORY_LINKS.map((l) => (
            <Link
              key={l.href}
              href={historyCarried ? `${l.href}?${historyCarried}` : l.href}
              className={active(l.href) ? "active" : undefined}
            >
              {t(l.label)}
            </Link>
          ))}
        </div>
        <hr />
        {MANAGE_LINKS.filter((l) => l.roles.includes(role)).map((l) => (
          <Link key={l.href} href={l.href} className={active(l.href) ? "active" : undefined}>
            {t(l.label)}
          </Link>
        ))}
        <div className="sidebar-foot">
          <div className="who" data-testid="who">
            {user.email}
            <br />
            <span className="muted">{t(`role.${user.role}`)}</span>
          </div>
          <ThemeSwitch />
          <button type="button" className="link" onClick={setLanguage} data-testid="language-switch">
            {t("nav.language")}
          </button>
          <Link href="/password" data-testid="change-password-link">
            {t("password.nav")}
          </Link>
          <button type="button" className="link" onClick={() => void signOut({ callbackUrl: "/login" })}>
            {t("nav.signOut")}
          </button>
        </div>
      </nav>
      <main id="main" className="content" tabIndex={-1}>
        {isReport ? (
          <div className="toolbar">
            <AccountSwitcher withGroups={pathname === "/articles"} />
            <DateRangePicker />
          </div>
        ) : null}
        {children}
      </main>
    </div>
  );
}
