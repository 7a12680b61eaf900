export const LOCALES = ["zh", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const LOCALE_COOKIE = "readout-locale";

export const isLocale = (v: unknown): v is Locale => v === "zh" || v === "en";

/** The browser's first language we speak, by Accept-Language order; English otherwise. */
export function localeFromAcceptLanguage(header: string | null | undefined): Locale {
  for (const part of (header ?? "").split(",")) {
    const tag = part.split(";")[0]!.trim().toLowerCase();
    if (tag.startsWith("zh")) return "zh";
    if (tag.startsWith("en")) return "en";
  }
  return "en";
}
