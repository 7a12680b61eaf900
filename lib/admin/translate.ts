import "server-only";

import { getT } from "@/lib/i18n/server";

import { AdminError } from "./errors";

/** Runs an action's body; an AdminError comes back in the reader's language. */
export async function inReaderLanguage<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof AdminError) throw error.translated(await getT());
    throw error;
  }
}
