import "server-only";
export * from "./aged-curves";
export * from "./article-detail";
export * from "./articles";
export * from "./compare";
export * from "./hourly";
export * from "./overview";
export * from "./shares";
