import { createIntl, type IntlShape } from "@formatjs/intl";

import { BEIJING_TZ } from "./format";
import type { Locale } from "./locales";
import { type MessageId, MESSAGES, type MessageValues } from "./messages";

export type Translate = (id: MessageId, values?: MessageValues) => string;

const intls: Partial<Record<Locale, IntlShape>> = {};

export function intlFor(locale: Locale): IntlShape {
  return (intls[locale] ??= createIntl({
    locale: locale === "zh" ? "zh-CN" : "en",
    messages: MESSAGES[locale],
    timeZone: BEIJING_TZ,
  }));
}

/** Messages in one language, outside React (server actions, routes, exports, error texts). */
export function translator(locale: Locale): Translate {
  const intl = intlFor(locale);
  return (id, values) => intl.formatMessage({ id }, values);
}
