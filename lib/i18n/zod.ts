import { z } from "zod";
import { en, zhCN } from "zod/locales";

import type { Locale } from "./locales";
import type { MessageId, MessageValues } from "./messages";
import { translator } from "./translate";

/**
 * Validation messages in the reader's language. zod's own messages come from its locales, per
 * parse (never by switching zod's global config, which every concurrent request shares); the
 * app's own messages are message ids, written in the language of the parse that reports them.
 * Parsing is synchronous, so the language set around one `safeParseIn` cannot leak into another
 * request's parse. Outside `safeParseIn` (scripts, tests, logs) everything is English.
 */
let parseLocale: Locale = "en";

const ZOD_LOCALES = { en: en().localeError, zh: zhCN().localeError } satisfies Record<Locale, z.core.$ZodErrorMap>;

export function safeParseIn<S extends z.ZodType>(schema: S, raw: unknown, locale: Locale) {
  const outer = parseLocale;
  parseLocale = locale;
  try {
    const result = z.safeParse(schema, raw, { error: ZOD_LOCALES[locale] });
    // zod writes the messages when `error` is first read: read it while the language is set.
    if (!result.success) void result.error;
    return result;
  } finally {
    parseLocale = outer;
  }
}

/** An app message for `ctx.addIssue` (and anything else computed while parsing). */
export const issueText = (id: MessageId, values?: MessageValues) => translator(parseLocale)(id, values);

/** An app message as a check's `error`: `.refine(ok, { error: issueError("validation.isoDate") })`. */
export const issueError = (id: MessageId, values?: MessageValues) => () => issueText(id, values);
