import { defineMessages } from "./define";

/** Why an interface stopped during a sync (issue 8, A.4). */
export const syncStops = defineMessages({
  en: {
    "syncStops.suspended":
      "WeChat answered 47009 (interface offline) today; suspended for the day and tried again tomorrow: {list}",
    "syncStops.stops": "Stopped during this sync",
    "syncStops.recheck": "Re-check {endpoint}",
    "syncStops.recheckAnswering": "{endpoint} answers again: it is fetched from the next sync on.",
    "syncStops.recheckStillOffline": "{endpoint} still answers 47009: it stays retired.",
  },
  zh: {
    "syncStops.suspended": "微信今天返回 47009（接口下线），这些接口今日暂停、明天再试：{list}",
    "syncStops.stops": "本次同步中停止的接口",
    "syncStops.recheck": "重新检查 {endpoint}",
    "syncStops.recheckAnswering": "{endpoint} 已恢复应答：下次同步起重新获取。",
    "syncStops.recheckStillOffline": "{endpoint} 仍返回 47009：保持已下线状态。",
  },
});
