import "server-only";
export * from "./article-detail";
export * from "./articles";
export * from "./compare";
export * from "./followers";
export * from "./hourly";
export * from "./overview";
export * from "./shares";
export * from "./yesterday";
