import "server-only";

import { cookies, headers } from "next/headers";
import { cache } from "react";

import { isLocale, type Locale, LOCALE_COOKIE, localeFromAcceptLanguage } from "./locales";
import { type Translate, translator } from "./translate";

/** The language switch's cookie, else the browser's preferred language. */
export const getLocale = cache(async (): Promise<Locale> => {
  const chosen = (await cookies()).get(LOCALE_COOKIE)?.value;
  if (isLocale(chosen)) return chosen;
  return localeFromAcceptLanguage((await headers()).get("accept-language"));
});

/** t(id, values) in the reader's language. */
export async function getT(): Promise<Translate> {
  return translator(await getLocale());
}
