import type { Locale } from "../locales";
import { admin } from "./admin";
import { agency } from "./agency";
import { articles } from "./articles";
import { common } from "./common";
import { compare } from "./compare";
import { digests } from "./digests";
import { errors } from "./errors";
import { followers } from "./followers";
import { hourly } from "./hourly";
import { kpis } from "./kpis";
import { overview } from "./overview";
import { portfolio } from "./portfolio";
import { positions } from "./positions";
import { security } from "./security";
import { shares } from "./shares";
import { syncOutcome } from "./sync-outcome";
import { syncStops } from "./sync-stops";
import { ui } from "./ui";
import { yesterday } from "./yesterday";

export const FEATURES = [
  common,
  errors,
  overview,
  hourly,
  shares,
  articles,
  compare,
  admin,
  ui,
  syncOutcome,
  digests,
  agency,
  syncStops,
  followers,
  yesterday,
  security,
  portfolio,
  positions,
  kpis,
] as const;

type IdsOf<F> = F extends { en: Record<infer Id, string> } ? Id : never;
/** Every message id; a misspelt one fails `tsc`. */
export type MessageId = IdsOf<(typeof FEATURES)[number]>;
/** The ends of the ids that start with `Prefix`: IdSuffix<"role."> is "admin" | "manager" | "viewer". */
export type IdSuffix<Prefix extends string, Id extends string = MessageId> = Id extends `${Prefix}${infer Rest}`
  ? Rest
  : never;
/** Values for a message's ICU placeholders ({name}, {n, plural, …}). */
export type MessageValues = Record<string, string | number>;

const merged = (locale: Locale) => Object.assign({}, ...FEATURES.map((f) => f[locale])) as Record<MessageId, string>;

export const MESSAGES: Record<Locale, Record<MessageId, string>> = { en: merged("en"), zh: merged("zh") };

export const isMessageId = (id: string): id is MessageId => Object.hasOwn(MESSAGES.en, id);
