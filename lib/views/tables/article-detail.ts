/** The article detail page's tables: its charts draw from them, its exports write them. Pure: the browser imports it too. */
import type { ArticleDetail } from "@/db/analytics";
import { CHANNEL_LABELS, CHANNELS } from "@/lib/analytics/channels";
import type { IsoDate } from "@/lib/dates";

import { type Column, field, figureColumns, type Table } from "../columns";
import { ARTICLE_FIGURES, articleFigure, type ArticleFigures } from "./articles";

export type CurveGeneration = "legacy" | "new";
type NewPoint = NonNullable<ArticleDetail["new"]>[number];
/** A day of an article's curve from either generation. */
export type Point = NonNullable<ArticleDetail[CurveGeneration]>[number];

/** read_jump_position covers the article in fifths. */
export const DROP_OFF_POSITIONS = [1, 2, 3, 4, 5] as const;

/** Days since sending: the curves' x axis. */
export const DAY: Column<{ day: number }> = field("day", "articleDetail.col.day", "count");
const STAT_DATE: Column<{ statDate: IsoDate }> = field("statDate", "unit.date", "date");

const SUFFIX = {
  new: { en: " (new interfaces)", zh: "（新版接口）" },
  legacy: { en: " (legacy interfaces)", zh: "（旧版接口）" },
} as const;

/** The headline: every figure the article has, one row each. */
export const HEADLINE = { id: "headline", title: "articleDetail.headline" } as const;
export const headlineTable = (headline: Partial<ArticleFigures>): Table<Column<Partial<ArticleFigures>>> => ({
  ...HEADLINE,
  columns: figureColumns("col.metric", [{ key: "value", header: "col.value", row: headline }]),
});
export const headlineFigures = (headline: Partial<ArticleFigures>) =>
  ARTICLE_FIGURES.filter((f) => f.value(headline) != null);

/** Readers by read source, with the generation's own names for the sources. */
export const sourceColumns = (generation: CurveGeneration) =>
  CHANNELS.map(
    (c): Column<Point> => ({
      key: c,
      header: {
        en: CHANNEL_LABELS[c].en,
        zh: generation === "legacy" ? CHANNEL_LABELS[c].zhLegacy : CHANNEL_LABELS[c].zhNew,
      },
      format: "count",
      value: (p) => p.bySource[c] ?? 0,
    }),
  );

export const sourcesTable = (generation: CurveGeneration): Table<Point> => ({
  id: `sources-${generation}`,
  title: { en: `Readers by source${SUFFIX[generation].en}`, zh: `阅读人数按来源${SUFFIX[generation].zh}` },
  columns: [DAY, STAT_DATE, articleFigure("readers"), ...sourceColumns(generation)],
});

/** What the sharing chart draws (readers have the sources chart). */
export const SHARING_FIGURES = [articleFigure("sharers"), articleFigure("favourites")];

export const curvesTable = (generation: CurveGeneration): Table<Point> => ({
  id: `curves-${generation}`,
  title: { en: `Sharers and favourites${SUFFIX[generation].en}`, zh: `分享与收藏${SUFFIX[generation].zh}` },
  columns: [DAY, STAT_DATE, articleFigure("readers"), ...SHARING_FIGURES],
});

/** New interfaces only. */
export const INTERACTION_FIGURES = [articleFigure("likes"), articleFigure("zaikan"), articleFigure("comments")];

export const INTERACTIONS_TABLE: Table<NewPoint> = {
  id: "interactions",
  title: "articleDetail.interactions",
  columns: [DAY, STAT_DATE, ...INTERACTION_FIGURES],
};

/** New interfaces only. */
export const QUALITY_TABLE: Table<NewPoint> = {
  id: "quality",
  title: "articleDetail.quality",
  columns: [DAY, STAT_DATE, articleFigure("finishRate"), articleFigure("avgActiveMinutes")],
};

/** New interfaces only: where readers left, by fifth of the article. */
export const DROP_OFF_TABLE: Table<{ position: (typeof DROP_OFF_POSITIONS)[number]; rate: number }> = {
  id: "dropoff",
  title: "articleDetail.dropOff",
  columns: [
    field("position", "articleDetail.col.position", "text", { label: (d) => `articleDetail.fifth.${d.position}` }),
    field("rate", "articleDetail.col.leaving", "percent"),
  ],
};
