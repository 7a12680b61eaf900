"use client";
import type { ViewName } from "@/lib/views";

import { exportHref, type ViewParams } from "./hooks/use-view";
import { useLocale, useT } from "./i18n";
import { useShareToken } from "./shared/share-context";

/** CSV of one table, or the whole view as an XLSX workbook, in the page's language. */
export function ExportMenu({ view, params, table }: { view: ViewName; params: ViewParams; table?: string }) {
  const t = useT();
  const locale = useLocale();
  // A shared link's viewer has no session to download with.
  if (useShareToken()) return null;
  return (
    <span className="export" data-testid={`export-${view}${table ? `-${table}` : ""}`}>
      <span className="muted">{t("export.label")}:</span>
      <a href={exportHref(view, params, "csv", locale, table)} download>
        {t("export.csv")}
      </a>
      <a href={exportHref(view, params, "xlsx", locale)} download>
        {t("export.xlsx")}
      </a>
    </span>
  );
}
