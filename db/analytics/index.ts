import "server-only";
export * from "./overview";
export * from "./hourly";
export * from "./shares";
export * from "./articles";
export * from "./article-detail";
export * from "./compare";
export type { ArticleCurves, ArticleKey, CurvePoint, LegacyPoint, NewPoint } from "./article-rows";
