"use client";
import { IntlProvider, useIntl } from "react-intl";

import { BEIJING_TZ } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import { MESSAGES } from "@/lib/i18n/messages";
import type { Translate } from "@/lib/i18n/translate";

export function I18nProvider({ locale, children }: { locale: Locale; children: React.ReactNode }) {
  return (
    <IntlProvider locale={locale === "zh" ? "zh-CN" : "en"} messages={MESSAGES[locale]} timeZone={BEIJING_TZ}>
      {children}
    </IntlProvider>
  );
}

/** t("nav.overview"), t("range.summary", { from, to }); ids are checked by `tsc`. */
export function useT(): Translate {
  const intl = useIntl();
  return (id, values) => intl.formatMessage({ id }, values);
}

export function useLocale(): Locale {
  return useIntl().locale.startsWith("zh") ? "zh" : "en";
}

/** Numbers as the reader's language writes them; null as a dash. */
export function useFormat() {
  const intl = useIntl();
  return {
    number: (v: number | null | undefined, digits = 0) =>
      v == null ? "–" : intl.formatNumber(v, { maximumFractionDigits: digits, minimumFractionDigits: 0 }),
    percent: (v: number | null | undefined, digits = 1) =>
      v == null
        ? "–"
        : intl.formatNumber(v, { style: "percent", maximumFractionDigits: digits, minimumFractionDigits: digits }),
  };
}
