"use client";
import { useQuery } from "@tanstack/react-query";

import type { AppErrorBody } from "@/lib/actions/errors";
import type { Locale } from "@/lib/i18n/locales";
import type { ViewData, ViewName } from "@/lib/views";

import { useShareToken } from "../shared/share-context";

export type ViewParams = Record<string, string | number | null | undefined | (string | number)[]>;

export function viewQueryString(params: ViewParams): string {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (Array.isArray(v)) v.forEach((x) => qs.append(k, String(x)));
    else if (v != null) qs.set(k, String(v));
  }
  return qs.toString();
}

export class ViewError extends Error {
  constructor(readonly body: AppErrorBody) {
    super(body.message);
  }
}

/** The last answer per URL with its ETag: the server answers 304 while the data are unchanged. */
const lastAnswers = new Map<string, { etag: string; data: unknown }>();

/** With a shared link's token the data comes from /api/shared/<token>/<view>, for that link's scope only. */
export async function fetchView<N extends ViewName>(
  view: N,
  params: ViewParams,
  shareToken: string | null = null,
): Promise<ViewData<N>> {
  const base = shareToken ? `/api/shared/${encodeURIComponent(shareToken)}` : "/api/views";
  const url = `${base}/${view}?${viewQueryString(params)}`;
  const last = lastAnswers.get(url);
  const res = await fetch(url, { cache: "no-store", headers: last ? { "if-none-match": last.etag } : {} });
  if (res.status === 304 && last) return last.data as ViewData<N>;
  const json = (await res.json().catch(() => null)) as
    | { ok: true; data: ViewData<N> }
    | { ok: false; error: AppErrorBody }
    | null;
  if (!json) throw new ViewError({ code: "internal", message: `The server answered ${res.status}.` });
  if (!json.ok) throw new ViewError(json.error);
  const etag = res.headers.get("etag");
  if (etag) lastAnswers.set(url, { etag, data: json.data });
  return json.data;
}

/** One data view under a key built from the URL state (view name + its params); its data type is the view's. */
export function useView<N extends ViewName>(view: N, params: ViewParams, enabled = true) {
  const shareToken = useShareToken();
  return useQuery({
    queryKey: [view, params, shareToken],
    queryFn: () => fetchView(view, params, shareToken),
    enabled,
  });
}

export function exportHref(view: ViewName, params: ViewParams, format: "csv" | "xlsx", lang: Locale, table?: string) {
  return `/api/export/${view}?${viewQueryString({ ...params, format, lang, table })}`;
}
