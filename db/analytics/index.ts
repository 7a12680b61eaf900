import "server-only";
export * from "./article-detail";
export type { ArticleCurves, ArticleKey, CurvePoint, LegacyPoint, NewPoint } from "./article-rows";
export * from "./articles";
export * from "./compare";
export * from "./hourly";
export * from "./overview";
export * from "./shares";
