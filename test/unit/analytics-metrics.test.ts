import { describe, expect, it } from "vitest";

import {
  CHANNEL_LABELS,
  channelOfScene,
  channelOfUserSource,
  CHANNELS,
  channelsFromBreakdown,
  channelsFromScenes,
  shareSceneLabel,
} from "@/lib/analytics/channels";
import {
  deliveredFromRate,
  delta,
  per1000Delivered,
  positionOf,
  previousPeriod,
  rate,
  round1,
} from "@/lib/analytics/metrics";

describe("derived metrics", () => {
  it("rate is null without a denominator", () => {
    expect(rate(5, 20)).toBe(0.25);
    expect(rate(0, 20)).toBe(0);
    expect(rate(5, 0)).toBeNull();
    expect(rate(5, null)).toBeNull();
    expect(rate(null, 20)).toBeNull();
  });

  it("delta gives the absolute and relative change", () => {
    expect(delta(150, 100)).toEqual({ abs: 50, pct: 0.5 });
    expect(delta(50, 100)).toEqual({ abs: -50, pct: -0.5 });
    expect(delta(10, 0)).toEqual({ abs: 10, pct: null });
    expect(delta(null, 100)).toEqual({ abs: null, pct: null });
    expect(delta(100, null)).toEqual({ abs: null, pct: null });
  });

  it("previousPeriod is the same length immediately before, across month, year and leap days", () => {
    expect(previousPeriod("2026-06-01", "2026-06-30")).toEqual({ from: "2026-05-02", to: "2026-05-31" });
    expect(previousPeriod("2026-01-01", "2026-01-07")).toEqual({ from: "2025-12-25", to: "2025-12-31" });
    expect(previousPeriod("2026-01-01", "2026-01-01")).toEqual({ from: "2025-12-31", to: "2025-12-31" });
    expect(previousPeriod("2024-03-01", "2024-03-02")).toEqual({ from: "2024-02-28", to: "2024-02-29" });
    expect(previousPeriod("2026-03-01", "2026-03-31")).toEqual({ from: "2026-01-29", to: "2026-02-28" });
    expect(() => previousPeriod("2026-03-02", "2026-03-01")).toThrow(RangeError);
  });

  it("positionOf reads the 1-based index of the msgid", () => {
    expect(positionOf("2247484200_1")).toBe(1);
    expect(positionOf("12003_3")).toBe(3);
    expect(positionOf("12003")).toBeNull();
    expect(positionOf("12003_0")).toBeNull();
    expect(positionOf("")).toBeNull();
  });

  it("normalises per 1,000 delivered and rounds to one decimal", () => {
    expect(per1000Delivered(25, 10_000)).toBe(2.5);
    expect(per1000Delivered(25, 0)).toBeNull();
    expect(per1000Delivered(25, null)).toBeNull();
    expect(round1(2.25)).toBe(2.3);
    expect(round1(7 / 3)).toBe(2.3);
  });

  it("derives delivered from the session readers and read_delivery_rate", () => {
    expect(deliveredFromRate(5_000, 0.05)).toBe(100_000);
    expect(deliveredFromRate(611, 0.0039822)).toBe(153_433);
    expect(deliveredFromRate(0, 0)).toBeNull();
    expect(deliveredFromRate(500, 0)).toBeNull();
    expect(deliveredFromRate(undefined, 0.1)).toBeNull();
  });
});

describe("read-source channels", () => {
  it("maps legacy user_source codes; 99999999 is the total; 3 and unknown codes are other", () => {
    expect([0, 1, 2, 4, 5, 6, 7].map(channelOfUserSource)).toEqual([
      "session",
      "friends",
      "moments",
      "profile",
      "other",
      "recommend",
      "search",
    ]);
    expect(channelOfUserSource(99_999_999)).toBeNull();
    expect(channelOfUserSource(3)).toBe("other");
    expect(channelOfUserSource(42)).toBe("other");
  });

  it("maps new-generation scene_desc strings; 全部 is the total; unknown scenes are other", () => {
    expect(["公众号消息", "聊天会话", "朋友圈", "公众号主页", "推荐", "搜一搜", "其他"].map(channelOfScene)).toEqual([
      "session",
      "friends",
      "moments",
      "profile",
      "recommend",
      "search",
      "other",
    ]);
    expect(channelOfScene("全部")).toBeNull();
    expect(channelOfScene("视频号")).toBe("other");
    expect(channelOfScene("toString")).toBe("other");
  });

  it("labels every channel in English and in each generation's own Chinese", () => {
    expect(Object.keys(CHANNEL_LABELS).sort()).toEqual([...CHANNELS].sort());
    expect(CHANNELS.map((c) => CHANNEL_LABELS[c].zhLegacy)).toEqual([
      "公众号会话",
      "好友转发",
      "朋友圈",
      "历史消息页",
      "看一看",
      "搜一搜",
      "其他",
    ]);
    expect(CHANNELS.map((c) => CHANNEL_LABELS[c].zhNew)).toEqual([
      "公众号消息",
      "聊天会话",
      "朋友圈",
      "公众号主页",
      "推荐",
      "搜一搜",
      "其他",
    ]);
  });

  it("reads stored scene arrays and breakdowns, folding unknown scenes into other", () => {
    expect(
      channelsFromScenes([
        { scene_desc: "全部", user_count: 10 },
        { scene_desc: "公众号消息", user_count: 4 },
        { scene_desc: "其他", user_count: 1 },
        { scene_desc: "新场景", user_count: 2 },
        { scene_desc: "推荐", user_count: 3 },
      ]),
    ).toEqual({ total: 10, bySource: { session: 4, other: 3, recommend: 3 } });
    expect(channelsFromScenes(null)).toEqual({ total: null, bySource: {} });
    // Answers about sends before 2020 have no kanyikan/souyisou fields.
    expect(
      channelsFromBreakdown({
        int_page_from_session_read_user: 5,
        int_page_from_hist_msg_read_user: 1,
        int_page_from_feed_read_user: 2,
        int_page_from_friends_read_user: 3,
        int_page_from_other_read_user: 0,
        int_page_from_session_read_count: 9,
        feed_share_from_session_user: 7,
      }),
    ).toEqual({ session: 5, profile: 1, moments: 2, friends: 3, other: 0 });
  });

  it("labels share scenes, unknown codes included", () => {
    expect(shareSceneLabel(1, "en")).toBe("Friends");
    expect(shareSceneLabel(1, "zh")).toBe("好友转发");
    expect(shareSceneLabel(2, "zh")).toBe("朋友圈");
    expect(shareSceneLabel(255, "zh")).toBe("其他");
    expect(shareSceneLabel(3, "zh")).toBe("腾讯微博");
    expect(shareSceneLabel(5, "en")).toBe("other (code 5)");
    expect(shareSceneLabel(5, "zh")).toBe("其他（代码 5）");
  });
});
