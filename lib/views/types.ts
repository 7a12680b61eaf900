import type { z } from "zod";

import type { Database } from "@/db/client";
import type { SessionUser } from "@/lib/auth/access";
import type { Locale } from "@/lib/i18n/locales";
import type { MessageId } from "@/lib/i18n/messages";

/**
 * How a value reads on screen: 1,234 · 1,234.5 · 12.3% · 2.5 min · as written. A "time" is an
 * ISO 8601 instant, which exports write as Beijing time.
 */
export type Format = "count" | "decimal" | "percent" | "minutes" | "date" | "time" | "text";

/** A header: a message id from lib/i18n/messages, or literal labels (channel names, article titles). */
export type Header = MessageId | Record<Locale, string>;

/** One table or one chart's data, as the export route writes it (CSV: one table; XLSX: a sheet each). */
export interface ExportTable {
  id: string;
  title: Header;
  /** `format` decides how a file writes the column's cells: XLSX dates, percentages, escaped text. */
  columns: { key: string; header: Header; format: Format }[];
  rows: Record<string, string | number | null>[];
  /** Per row, the format of cells whose format is the row's own (one row a figure); else the column's. */
  cellFormats?: Record<string, Format>[];
}

/**
 * One dashboard data endpoint: GET /api/views/<name> answers `load`, GET /api/export/<name>
 * writes `tables(load(...))`. Both check the session and the view right on every account
 * `accounts` names before loading. `Input` is what its query string parses to, `Data` what
 * `load` answers.
 */
export interface ViewDefinition<Input, Data> {
  schema: z.ZodType<Input>;
  accounts: (input: Input) => number[];
  load: (database: Database, input: Input, user: SessionUser) => Promise<Data>;
  /** `label` turns a message id or literal pair into the export's language. */
  tables: (data: Data, input: Input, label: (h: Header) => string) => ExportTable[];
  /** The file name after the account's or group's name (the route adds it), e.g. "overview-2026-10-01_2026-10-30". */
  fileName: (input: Input) => string;
}

/** The schema fixes the input type and `load` the data type; the other members are checked against them. */
export function defineView<Input, Data>(view: {
  schema: z.ZodType<Input>;
  accounts: (input: NoInfer<Input>) => number[];
  load: (database: Database, input: NoInfer<Input>, user: SessionUser) => Promise<Data>;
  tables: (data: NoInfer<Data>, input: NoInfer<Input>, label: (h: Header) => string) => ExportTable[];
  fileName: (input: NoInfer<Input>) => string;
}): ViewDefinition<Input, Data> {
  return view;
}
