"use client";
import type { RunStatus } from "@/lib/sync/status";

import { useT } from "../i18n";

/**
 * A sync run's status as a coloured badge (null = the account was never synced); a finished run
 * that fetched nothing is neutral, not a green "done".
 */
export function RunBadge({
  status,
  errors = 0,
  nothing = false,
}: {
  status: RunStatus | null;
  errors?: number;
  nothing?: boolean;
}) {
  const t = useT();
  if (nothing && status === "done")
    return (
      <span className="badge run-nothing" data-testid="run-badge" data-status="done" data-outcome="nothing">
        {t("syncOutcome.badge")}
      </span>
    );
  return (
    <span className={`badge run-${status ?? "never"}`} data-testid="run-badge" data-status={status ?? "never"}>
      {t(`admin.run.${status ?? "never"}`)}
      {errors > 0 ? ` · ${t("admin.run.withErrors", { errors })}` : ""}
    </span>
  );
}
