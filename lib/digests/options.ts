import "server-only";

import { env } from "@/lib/env";

import type { SendOptions } from "./send";

/** Delivery settings from the environment (SMTP_URL, DIGEST_MAIL_FROM). */
export function digestOptionsFromEnv(): SendOptions {
  const e = env();
  return { smtpUrl: e.SMTP_URL, mailFrom: e.DIGEST_MAIL_FROM };
}
