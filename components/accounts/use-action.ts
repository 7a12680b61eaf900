"use client";
import { useState } from "react";
import { useIntl } from "react-intl";

import type { ActionResult, AppErrorBody } from "@/lib/actions/errors";

/** Calls a server action: pending flag, the error it answered (one shape), the data on success. */
export function useAction<I, O>(action: (input: I) => Promise<ActionResult<O>>) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<AppErrorBody | null>(null);
  const run = async (input: I): Promise<O | null> => {
    setPending(true);
    setError(null);
    try {
      const result = await action(input);
      if (result.ok) return result.data;
      setError(result.error);
      return null;
    } catch (e) {
      // The request itself failed (server restarting, network).
      setError({ code: "internal", message: e instanceof Error ? e.message : String(e) });
      return null;
    } finally {
      setPending(false);
    }
  };
  return { run, pending, error, setError };
}

/** Beijing date and time of an ISO instant, in the reader's language. */
export function useDateTime() {
  const intl = useIntl();
  return (iso: string | null | undefined) =>
    iso ? intl.formatDate(iso, { dateStyle: "medium", timeStyle: "short" }) : "–";
}
