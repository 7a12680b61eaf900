"use client";
import type { RunStatus } from "@/lib/sync/status";

import { useT } from "../i18n";

/** A sync run's status as a coloured badge (null = the account was never synced). */
export function RunBadge({ status, errors = 0 }: { status: RunStatus | null; errors?: number }) {
  const t = useT();
  return (
    <span className={`badge run-${status ?? "never"}`} data-testid="run-badge" data-status={status ?? "never"}>
      {t(`admin.run.${status ?? "never"}`)}
      {errors > 0 ? ` · ${t("admin.run.withErrors", { errors })}` : ""}
    </span>
  );
}
