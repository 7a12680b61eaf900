import "server-only";

import { createIntl } from "@formatjs/intl";
import { cookies, headers } from "next/headers";
import { cache } from "react";

import { BEIJING_TZ } from "./format";
import { isLocale, type Locale, LOCALE_COOKIE, localeFromAcceptLanguage } from "./locales";
import { MESSAGES } from "./messages";

/** The language switch's cookie, else the browser's preferred language. */
export const getLocale = cache(async (): Promise<Locale> => {
  const chosen = (await cookies()).get(LOCALE_COOKIE)?.value;
  if (isLocale(chosen)) return chosen;
  return localeFromAcceptLanguage((await headers()).get("accept-language"));
});

export const getIntl = cache(async () => {
  const locale = await getLocale();
  return createIntl({ locale: locale === "zh" ? "zh-CN" : "en", messages: MESSAGES[locale], timeZone: BEIJING_TZ });
});

export async function getT() {
  const intl = await getIntl();
  return (id: string, values?: Record<string, string | number>) => intl.formatMessage({ id }, values);
}
