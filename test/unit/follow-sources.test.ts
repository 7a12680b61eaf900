import { describe, expect, it } from "vitest";

import { followSourceLabel, orderFollowSources } from "@/lib/analytics/follow-sources";

describe("follow sources (getusersummary user_source)", () => {
  it("names the documented sources the way the MP backend does", () => {
    expect([1, 17, 30, 57, 100, 161, 149, 200, 201, 0].map((c) => followSourceLabel(c).zh)).toEqual([
      "搜一搜",
      "名片分享",
      "扫描二维码",
      "文章内账号名称",
      "微信广告",
      "他人转载",
      "小程序",
      "视频号",
      "直播",
      "其他",
    ]);
  });

  it("keeps unknown codes, labelled with their code", () => {
    expect(followSourceLabel(51)).toEqual({ en: "Other (code 51)", zh: "其他（代码 51）" });
    expect(orderFollowSources([51, 0, 57, 1, 43])).toEqual([1, 57, 0, 43, 51]);
  });
});
