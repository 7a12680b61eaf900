import { describe, expect, it } from "vitest";

import { articleTotalDetailRow, httpUrlOrNull } from "@/lib/wechat/rows";

/** Issue 9: javascript: URLs from WeChat were stored and rendered as links. */
describe("article URLs", () => {
  it("keeps only http(s) URLs", () => {
    expect(httpUrlOrNull("https://mp.weixin.qq.com/s/abc")).toBe("https://mp.weixin.qq.com/s/abc");
    expect(httpUrlOrNull("http://mp.weixin.qq.com/s?__biz=1")).toBe("http://mp.weixin.qq.com/s?__biz=1");
    for (const bad of [
      "javascript:alert(1)",
      " JavaScript:alert(1)",
      "data:text/html,<b>",
      "/s/abc",
      "",
      null,
      undefined,
    ])
      expect(httpUrlOrNull(bad), String(bad)).toBeNull();
  });

  it("stores content_url only when it is http(s)", () => {
    const row = (content_url: unknown) =>
      articleTotalDetailRow.parse({ ref_date: "2026-01-01", msgid: "1_1", content_url, detail_list: [] }).content_url;
    expect(row("javascript:alert(1)")).toBeNull();
    expect(row("https://mp.weixin.qq.com/s/x")).toBe("https://mp.weixin.qq.com/s/x");
    expect(row(null)).toBeNull();
  });
});
