import "server-only";

import { exportTable, field, type Table } from "@/lib/views/columns";
import { headerText, safeFileName, toCsv } from "@/lib/views/export-file";

import type { DigestContent, FigureChange } from "./content";
import { metricLabel } from "./render";

type FigureRow = FigureChange & { label: string };
const DIGEST_FIGURES_TABLE: Table<FigureRow> = {
  id: "digest",
  title: "digest.csv.metric",
  columns: [
    field("label", "digest.csv.metric", "text"),
    field("value", "digest.csv.value", "count"),
    field("dayBefore", "digest.csv.dayBefore", "count"),
    field("vsDayBefore", "digest.csv.vsDayBefore", "percent"),
    field("avg7", "digest.csv.avg7", "decimal"),
    field("vs7", "digest.csv.vs7", "percent"),
    field("avg30", "digest.csv.avg30", "decimal"),
    field("vs30", "digest.csv.vs30", "percent"),
  ],
};

/** The email's CSV attachment: the key figures, written like every other export (lib/views/export-file.ts). */
export function figuresCsv(c: DigestContent): Buffer {
  const rows = c.figures.map((f) => ({ ...f, label: metricLabel(c, f.metric) }));
  return toCsv(
    exportTable(DIGEST_FIGURES_TABLE, rows, (h) => headerText(h, c.language)),
    c.language,
  );
}

/** Named by the account or group it is about, like the dashboard's exports. */
export const csvFileName = (c: DigestContent) => `${safeFileName(`${c.scopeName}-digest-${c.day}`)}.csv`;
