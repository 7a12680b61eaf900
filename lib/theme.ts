/** The colour scheme: follow the system's preference, or one the reader chose (a cookie, so the server renders it). */
export const THEMES = ["system", "light", "dark"] as const;
export type Theme = (typeof THEMES)[number];
export const THEME_COOKIE = "readout-theme";

export const isTheme = (v: unknown): v is Theme => THEMES.includes(v as Theme);

/** The `data-theme` the page's root carries: none follows the system. */
export const themeAttribute = (theme: Theme) => (theme === "system" ? undefined : theme);
