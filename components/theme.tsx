"use client";
import { createContext, useCallback, useContext, useMemo, useState } from "react";

import { type Theme, THEME_COOKIE, themeAttribute, THEMES } from "@/lib/theme";

import { useT } from "./i18n";

const ThemeContext = createContext<{ theme: Theme; setTheme: (theme: Theme) => void } | null>(null);

/** The chosen colour scheme; choosing one sets the cookie (the server renders it next time) and the root's `data-theme` now. */
export function ThemeProvider({ initial, children }: { initial: Theme; children: React.ReactNode }) {
  const [theme, setState] = useState(initial);
  const setTheme = useCallback((next: Theme) => {
    document.cookie = `${THEME_COOKIE}=${next}; path=/; max-age=31536000; samesite=lax`;
    const attribute = themeAttribute(next);
    if (attribute) document.documentElement.dataset.theme = attribute;
    else delete document.documentElement.dataset.theme;
    setState(next);
  }, []);
  const value = useMemo(() => ({ theme, setTheme }), [theme, setTheme]);
  return <ThemeContext.Provider value={value}>{children}</ThemeContext.Provider>;
}

/** System / light / dark. */
export function ThemeSwitch() {
  const t = useT();
  const context = useContext(ThemeContext);
  if (!context) return null;
  return (
    <label className="theme-switch">
      <span>{t("ui.theme")}</span>
      <select
        value={context.theme}
        onChange={(e) => context.setTheme(e.target.value as Theme)}
        data-testid="theme-switch"
      >
        {THEMES.map((theme) => (
          <option key={theme} value={theme}>
            {t(`ui.theme.${theme}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
