import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { SessionUser } from "@/lib/auth/access";
import { addDaysIso, daysBetween } from "@/lib/dates";
import { articleDetailView } from "@/lib/views/article-detail";
import { articlesView } from "@/lib/views/articles";

import { type ExpectedArticle, expectedArticles } from "../helpers/expected";
import { createHarness, type Harness } from "../helpers/harness";

/**
 * Articles ranked against their own account's history, checked against the simulator's ground
 * truth by direct counting (not through lib/analytics/percentiles.ts).
 */
const TODAY = "2026-07-10";
const FROM = "2026-06-01";
const TO = "2026-06-10";
const HISTORY_FROM = addDaysIso(FROM, -90);
const admin: SessionUser = { id: 1, email: "admin@test", name: "", role: "admin", accountIds: [] };

/** readers by day since sending: the new generation's curve when it has the article, else legacy's. */
function readersByDay(a: ExpectedArticle): Map<number, number> {
  const out = new Map<number, number>();
  if (a.new) for (const d of a.new) out.set(daysBetween(a.sendDate, d.stat_date), d.read_user);
  else for (const d of a.legacy ?? []) out.set(daysBetween(a.sendDate, d.stat_date), d.int_page_read_user);
  return out;
}

function expectedPercentile(article: ExpectedArticle, all: ExpectedArticle[]) {
  const own = readersByDay(article);
  const day = Math.max(...own.keys());
  const value = own.get(day)!;
  const lead = article.position === 1;
  const peers = all
    .filter(
      (p) =>
        p.msgid !== article.msgid &&
        p.sendDate < article.sendDate &&
        p.sendDate >= addDaysIso(article.sendDate, -90) &&
        (p.position === 1) === lead,
    )
    .flatMap((p) => readersByDay(p).get(day) ?? []);
  if (peers.length < 5) return { day, percentile: null, peers };
  const below = peers.filter((v) => v < value).length;
  const equal = peers.filter((v) => v === value).length;
  return { day, percentile: Math.round(((100 * (below + equal / 2)) / peers.length) * 10) / 10, peers };
}

describe("articles against their own history", () => {
  let h: Harness;
  let all: ExpectedArticle[];
  beforeAll(async () => {
    h = await createHarness({ today: TODAY, legacyRetiredOn: "never" });
    const summary = await h.sync(HISTORY_FROM, TO, 8);
    expect(summary.errors).toEqual([]);
    all = expectedArticles(h.sim.truth, h.appid, HISTORY_FROM, TO, TODAY);
  }, 240_000);
  afterAll(async () => h?.close());

  it("the articles list's percentile column matches the ground truth, article by article", async () => {
    const data = await articlesView.load(
      h.database,
      articlesView.schema.parse({ account: String(h.account.id), from: FROM, to: TO }),
      admin,
    );
    expect(data.rows.length).toBeGreaterThan(5);
    let ranked = 0;
    for (const row of data.rows) {
      const article = all.find((a) => a.msgid === row.msgid)!;
      const e = expectedPercentile(article, all);
      expect([row.msgid, row.percentile]).toEqual([row.msgid, e.percentile]);
      if (e.percentile !== null) {
        expect(row.percentileDay).toBe(e.day);
        ranked++;
      }
    }
    expect(ranked).toBeGreaterThan(3);
  });

  it("the article detail's readers band is the peers' median and quartiles at each day", async () => {
    const lead = all.find((a) => a.sendDate >= FROM && a.position === 1)!;
    const data = await articleDetailView.load(
      h.database,
      articleDetailView.schema.parse({ account: String(h.account.id), msgid: lead.msgid }),
      admin,
    );
    const history = data.history!;
    expect(history).toMatchObject({ from: addDaysIso(lead.sendDate, -90), to: addDaysIso(lead.sendDate, -1) });
    expect(history.positionClass).toBe("lead");
    const peers = all.filter(
      (p) => p.position === 1 && p.sendDate < lead.sendDate && p.sendDate >= addDaysIso(lead.sendDate, -90),
    );
    expect(history.peers).toBe(peers.length);
    for (const day of [0, 1, 6]) {
      const values = peers.flatMap((p) => readersByDay(p).get(day) ?? []).sort((a, b) => a - b);
      const band = history.bands.readers.find((b) => b.day === day)!;
      expect(band.n).toBe(values.length);
      // An odd count's median is its middle value; an even count's the mean of the two middle ones.
      const mid = (values.length - 1) / 2;
      expect(band.p50).toBeCloseTo((values[Math.floor(mid)]! + values[Math.ceil(mid)]!) / 2, 9);
      expect(band.p10).toBeLessThanOrEqual(band.p25);
      expect(band.p75).toBeLessThanOrEqual(band.p90);
      expect(band.p10).toBeGreaterThanOrEqual(values[0]!);
      expect(band.p90).toBeLessThanOrEqual(values.at(-1)!);
    }
    const e = expectedPercentile(lead, all);
    expect(history.rankings.readers?.percentile).toBeCloseTo(e.percentile!, 1);
  });
});
