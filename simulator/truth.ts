import type { IsoDate } from "@/lib/dates";
import { type EndpointName, ENDPOINTS } from "@/lib/wechat/endpoints";

import { dayOf } from "./calendar";
import { AccountModel, createCaches } from "./day";
import { accountProfile, followersOn, type SimAccount } from "./profile";
import { type Row, type ViewContext, VIEWS } from "./views";

export type { Row } from "./views";

interface RowsOptions {
  /** Beijing date the answer is given on: only earlier dates exist, curves stop the day before. */
  today?: IsoDate;
  /** New generation: ref dates >= today - delayDays are provisional (is_delay, partial figures). */
  delayDays?: number;
}

interface RowsAnswer {
  list: Row[];
  /** Meaningful for the new generation only; always false for the legacy one. */
  isDelay: boolean;
}

interface SendSummary {
  msgDataId: number;
  publishType: 0 | 1;
  hour: number;
  targetUser: number;
  articles: { msgid: string; title: string; contentUrl: string }[];
}

export interface GroundTruth {
  seed: number;
  accounts: SimAccount[];
  /** Exactly what the datacube endpoint answers for a valid request (no validation here). */
  rows(appid: string, endpoint: EndpointName, beginDate: IsoDate, endDate: IsoDate, opts?: RowsOptions): RowsAnswer;
  /** Followers on a date (the target_user of a send that day). */
  followersOn(appid: string, date: IsoDate): number;
  /** The send of a date, of either publish type, or undefined on a day without one. */
  sendOn(appid: string, date: IsoDate): SendSummary | undefined;
}

export interface GroundTruthOptions {
  seed?: number;
  accounts?: number;
}

export function createGroundTruth({ seed = 1, accounts = 3 }: GroundTruthOptions = {}): GroundTruth {
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be an integer (got ${seed})`);
  if (!Number.isInteger(accounts) || accounts < 1 || accounts > 1000)
    throw new RangeError(`accounts must be an integer from 1 to 1000 (got ${accounts})`);
  const caches = createCaches();
  const models = new Map<string, AccountModel>();
  for (let index = 1; index <= accounts; index++) {
    const profile = accountProfile(index, seed);
    models.set(profile.appid, new AccountModel(profile, caches));
  }
  const modelOf = (appid: string) => {
    const model = models.get(appid);
    if (!model) throw new RangeError(`unknown simulated appid ${JSON.stringify(appid)}`);
    return model;
  };

  return {
    seed,
    accounts: [...models.values()].map(({ profile: { index, appid, secret, name, refreshToken } }) => ({
      index,
      appid,
      secret,
      name,
      refreshToken,
    })),

    rows(appid, endpoint, beginDate, endDate, opts = {}) {
      const model = modelOf(appid);
      const spec = ENDPOINTS[endpoint];
      const view = VIEWS[endpoint];
      const todayDay = opts.today === undefined ? undefined : dayOf(opts.today);
      const first = Math.max(dayOf(beginDate), dayOf(spec.firstDate));
      const last = todayDay === undefined ? dayOf(endDate) : Math.min(dayOf(endDate), todayDay - 1);
      const delayDays = opts.delayDays ?? 0;
      const ctx: ViewContext = {
        model,
        lastDay: todayDay === undefined ? undefined : todayDay - 1,
        partialFrom:
          spec.generation === "new" && todayDay !== undefined && delayDays > 0 ? todayDay - delayDays : undefined,
        sawPartial: false,
      };
      const list: Row[] = [];
      for (let day = first; day <= last; day++) for (const row of view(ctx, day)) list.push(row);
      const windowIsRecent = ctx.partialFrom !== undefined && first <= last && last >= ctx.partialFrom;
      return { list, isDelay: ctx.sawPartial || windowIsRecent };
    },

    followersOn(appid, date) {
      return followersOn(modelOf(appid).profile, dayOf(date));
    },

    sendOn(appid, date) {
      const send = modelOf(appid).sendOn(dayOf(date));
      if (!send) return undefined;
      return {
        msgDataId: send.msgDataId,
        publishType: send.publishType,
        hour: send.hour,
        targetUser: send.targetUser,
        articles: send.articles.map(({ msgid, title, contentUrl }) => ({ msgid, title, contentUrl })),
      };
    },
  };
}
