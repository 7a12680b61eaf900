import type { z } from "zod";

import type { Database } from "@/db/client";
import type { SessionUser } from "@/lib/auth/access";

/** A header: a message id from lib/i18n/messages, or literal labels (channel names, article titles). */
export type Header = string | { en: string; zh: string };

/** One table or one chart's data, as the export route writes it (CSV: one table; XLSX: a sheet each). */
export interface ExportTable {
  id: string;
  title: Header;
  columns: { key: string; header: Header }[];
  rows: Record<string, string | number | null>[];
}

/**
 * One dashboard data endpoint: GET /api/views/<name> answers `load`, GET /api/export/<name>
 * writes `tables(load(...))`. Both check the session and the view right on every account
 * `accounts` names before loading.
 */
export interface ViewDefinition<S extends z.ZodType = z.ZodType, D = unknown> {
  schema: S;
  accounts: (input: z.output<S>) => number[];
  load: (database: Database, input: z.output<S>, user: SessionUser) => Promise<D>;
  /** `label` turns a message id or literal pair into the export's language. */
  tables: (data: D, input: z.output<S>, label: (h: Header) => string) => ExportTable[];
  /** File name stem for exports, e.g. "overview-3-2026-10-01_2026-10-30". */
  fileName: (input: z.output<S>) => string;
}

export function defineView<S extends z.ZodType, D>(view: ViewDefinition<S, D>): ViewDefinition<S, D> {
  return view;
}
