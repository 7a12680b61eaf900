import { describe, expect, it } from "vitest";

import { addDaysIso } from "@/lib/dates";
import { figuresCsv } from "@/lib/digests/attachment";
import {
  anomaliesOf,
  bestAndWorst,
  daySettled,
  type DigestArticle,
  type DigestContent,
  type Figures,
  keyFigures,
  sumSeries,
} from "@/lib/digests/content";
import { dingtalkSign, feishuSign } from "@/lib/digests/deliver";
import { digestText, emailHtml, wecomMarkdown } from "@/lib/digests/render";

const DAY = "2026-03-09";
const figures = (readers: number | null, sharers: number | null = 10): Figures => ({
  readers,
  reads: null,
  sharers,
  favourites: null,
  likes: null,
  zaikan: null,
  comments: null,
  netFollowers: null,
});
/** `values[0]` is DAY, `values[i]` the i-th day before. */
const series = (values: (number | null)[]) => new Map(values.map((v, i) => [addDaysIso(DAY, -i), figures(v)] as const));

describe("digest content", () => {
  it("changes against the day before and the 7- and 30-day means", () => {
    const s = series([200, 100, ...Array.from({ length: 30 }, () => 100)]);
    const readers = keyFigures(s, DAY).find((f) => f.metric === "readers")!;
    expect(readers).toMatchObject({
      value: 200,
      dayBefore: 100,
      vsDayBefore: 1,
      avg7: 100,
      vs7: 1,
      avg30: 100,
      vs30: 1,
    });
  });

  it("never computes a change over a missing day", () => {
    const values: (number | null)[] = [200, 100, 100, 100, null, ...Array.from({ length: 30 }, () => 100)];
    const readers = keyFigures(series(values), DAY).find((f) => f.metric === "readers")!;
    expect(readers.vsDayBefore).toBe(1);
    expect(readers.avg7).toBeNull();
    expect(readers.vs7).toBeNull();
    expect(readers.vs30).toBeNull();
  });

  it("a group's day is the sum of its accounts, or nothing when one lacks it", () => {
    const a = new Map([
      [DAY, figures(5)],
      ["2026-03-08", figures(7)],
    ]);
    const b = new Map([
      [DAY, figures(1)],
      ["2026-03-08", figures(null)],
    ]);
    const sum = sumSeries([a, b]);
    expect(sum.get(DAY)?.readers).toBe(6);
    expect(sum.get("2026-03-08")?.readers).toBeNull();
  });

  it("flags a day more than 2σ off its 28-day mean, in either direction, and not one within", () => {
    const history = Array.from({ length: 28 }, (_, i) => (i % 2 ? 90 : 110)); // mean 100, sd 10
    const account = { id: 1, name: "A" };
    expect(anomaliesOf(account, series([121, ...history]), DAY).map((a) => [a.metric, a.z])).toEqual([
      ["readers", 2.1],
    ]);
    expect(anomaliesOf(account, series([79, ...history]), DAY)[0]?.z).toBeCloseTo(-2.1);
    expect(anomaliesOf(account, series([119, ...history]), DAY)).toEqual([]);
    // Too few days to trust a mean: nothing flagged.
    expect(anomaliesOf(account, series([500, 100, 110, 90]), DAY)).toEqual([]);
  });

  it("best and worst by readers; no worst with a single article", () => {
    const art = (msgid: string, readers: number | null): DigestArticle => ({
      accountId: 1,
      accountName: "A",
      msgid,
      title: msgid,
      position: 1,
      readers,
      sharers: 0,
      readRate: null,
      percentile: null,
    });
    expect(bestAndWorst([art("a", 5), art("b", 50), art("c", null), art("d", 1)])).toMatchObject({
      best: { msgid: "b" },
      worst: { msgid: "d" },
    });
    expect(bestAndWorst([art("a", 5)])).toMatchObject({ best: { msgid: "a" }, worst: null });
  });

  it("waits for final day-level figures; cumulative article interfaces do not hold it back", () => {
    expect(
      daySettled([
        { endpoint: "getbizsummary", status: "final" },
        { endpoint: "getarticletotaldetail", status: "provisional" },
        { endpoint: "getuserread", status: "retired" },
      ]),
    ).toBe(true);
    expect(
      daySettled([
        { endpoint: "getbizsummary", status: "provisional" },
        { endpoint: "getarticletotaldetail", status: "final" },
      ]),
    ).toBe(false);
    expect(daySettled([{ endpoint: "getbizsummary", status: "missing" }])).toBe(false);
    // A failed fetch is reported by the digest rather than waited for.
    expect(daySettled([{ endpoint: "getbizsummary", status: "failed" }])).toBe(true);
  });
});

describe("signatures (vectors computed with openssl)", () => {
  // printf '' | openssl dgst -sha256 -hmac "$(printf '1599360473\nsecret')" -binary | base64
  it("Feishu: HMAC-SHA256 keyed by timestamp\\nsecret over nothing", () => {
    expect(feishuSign(1599360473, "secret")).toBe("q4jswNiMy51J5JuQV566yJat0/lQ/c+22kINzUgKsGU=");
  });
  // printf '1577262236757\nsecret' | openssl dgst -sha256 -hmac secret -binary | base64
  it("DingTalk: HMAC-SHA256 keyed by the secret over timestamp\\nsecret", () => {
    expect(dingtalkSign(1577262236757, "secret")).toBe("TIz5XcFHyeEuCoyc+5d9DoNiRC3txFfOzZU76lmRbYc=");
  });
});

describe("rendering", () => {
  const content: DigestContent = {
    day: DAY,
    scopeName: '=HYPERLINK("x") <b>',
    language: "zh",
    accountCount: 1,
    figures: keyFigures(series([200, 100, ...Array.from({ length: 30 }, () => 100)]), DAY),
    articleCount: 0,
    best: null,
    worst: null,
    anomalies: [],
    problems: [{ accountId: 1, accountName: "A", endpoint: "getbizsummary", kind: "failed", error: "45009" }],
  };

  it("writes the digest's language, changes with their sign, failures as warnings", () => {
    const text = digestText(content);
    expect(text.title).toBe('=HYPERLINK("x") <b> · 2026-03-09 晨报');
    expect(text.sections[0]!.lines[0]!.text).toBe(
      "阅读人数：200（较前一日 +100%，较近7日均值 +100%，较近30日均值 +100%）",
    );
    expect(text.sections[1]!.lines).toEqual([{ text: "昨日未发文。" }]);
    expect(text.sections[2]!.lines).toEqual([{ warn: true, text: "A：getbizsummary 同步失败（45009）" }]);
    expect(wecomMarkdown(text)).toContain('<font color="warning">');
  });

  it("escapes names in HTML and markdown", () => {
    const text = digestText(content);
    expect(emailHtml(text, "zh")).toContain("&lt;b&gt;");
    expect(emailHtml(text, "zh")).not.toContain("<b>");
    expect(wecomMarkdown(text)).toContain("\\<b\\>");
  });

  it("CSV: byte-order mark, changes as percentages (a drop stays a negative figure, not escaped text)", () => {
    const csv = figuresCsv({ ...content, figures: content.figures.slice(0, 1) }).toString("utf8");
    expect(csv.startsWith("\uFEFF指标,昨日,前一日")).toBe(true);
    expect(csv).toContain("阅读人数,200,100,100%,100,100%,100,100%");
    const drop = keyFigures(series([50, 100, ...Array.from({ length: 30 }, () => 100)]), DAY).slice(0, 1);
    expect(figuresCsv({ ...content, figures: drop }).toString("utf8")).toContain(
      "阅读人数,50,100,-50%,100,-50%,100,-50%",
    );
  });
});
