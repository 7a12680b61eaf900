"use client";
import type { UseQueryResult } from "@tanstack/react-query";

import { useT } from "./i18n";

/**
 * The one loading / error / empty frame every chart and table sits in. `isEmpty` decides
 * when the data holds nothing to draw; `emptyText` says why (e.g. a retired interface).
 */
export function Panel<T>({
  title,
  query,
  isEmpty,
  emptyText,
  actions,
  testId,
  children,
}: {
  title: React.ReactNode;
  query: Pick<UseQueryResult<T>, "data" | "error" | "isPending" | "refetch">;
  isEmpty?: (data: T) => boolean;
  emptyText?: React.ReactNode;
  actions?: React.ReactNode;
  testId?: string;
  children: (data: T) => React.ReactNode;
}) {
  const t = useT();
  let body: React.ReactNode;
  if (query.isPending)
    body = (
      <div className="panel-state" role="status">
        {t("panel.loading")}
      </div>
    );
  else if (query.error)
    body = (
      <div className="panel-state error" role="alert">
        {t("panel.error", { message: query.error.message })}{" "}
        <button type="button" onClick={() => void query.refetch()}>
          {t("panel.retry")}
        </button>
      </div>
    );
  else if (query.data === undefined || isEmpty?.(query.data))
    body = (
      <div className="panel-state empty" data-testid={testId ? `${testId}-empty` : undefined}>
        {emptyText ?? t("panel.empty")}
      </div>
    );
  else body = children(query.data);
  return (
    <section className="panel" data-testid={testId}>
      <header className="panel-head">
        <h2>{title}</h2>
        {actions && query.data !== undefined ? <div className="panel-actions">{actions}</div> : null}
      </header>
      {body}
    </section>
  );
}
