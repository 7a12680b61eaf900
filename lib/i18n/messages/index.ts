import type { Locale } from "../locales";
import { admin } from "./admin";
import { articles } from "./articles";
import { common } from "./common";
import { compare } from "./compare";
import { hourly } from "./hourly";
import { overview } from "./overview";
import { shares } from "./shares";

const features = [common, overview, hourly, shares, articles, compare, admin];

export const MESSAGES: Record<Locale, Record<string, string>> = {
  en: Object.assign({}, ...features.map((f) => f.en)) as Record<string, string>,
  zh: Object.assign({}, ...features.map((f) => f.zh)) as Record<string, string>,
};
