import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { SessionUser } from "@/lib/auth/access";
import { addDaysIso } from "@/lib/dates";
import { historyPageRedirect, lastLegacyDays } from "@/lib/sync/legacy-history";
import { headerText } from "@/lib/views/export-file";
import { VIEWS } from "@/lib/views/index";
import { positionsView } from "@/lib/views/positions";

import { expectedPositions } from "../helpers/expected-positions";
import { createHarness, type Harness } from "../helpers/harness";

/**
 * The Positions & weekdays view and the history pages' last legacy day, on a database synced the
 * way the demo is: everything up to the day before WeChat retired the legacy interfaces (fetched on
 * LEGACY_TODAY), then again on TODAY. Numbers are checked against the simulator's ground truth.
 */
const RETIRED_ON = "2026-07-01";
const LEGACY_TODAY = "2026-06-30";
const TODAY = "2026-07-20";
const FROM = "2026-06-01";
const TO = addDaysIso(TODAY, -1);

describe("positions and weekdays, and where the legacy history ends", () => {
  let h: Harness;
  let user: SessionUser;

  beforeAll(async () => {
    h = await createHarness({ today: LEGACY_TODAY, legacyRetiredOn: RETIRED_ON });
    const legacy = await h.sync(FROM, addDaysIso(LEGACY_TODAY, -1));
    expect(legacy.errors).toEqual([]);
    h.setToday(TODAY);
    const fresh = await h.sync(FROM, TO);
    expect(fresh.fatal).toBeNull();
    expect(fresh.retired).toContain("getuserreadhour");
    user = { id: 1, email: "admin@test", name: "Admin", role: "admin", accountIds: [h.account.id] };
  });
  afterAll(async () => h?.close());

  const load = async (from: string, to: string) => {
    const input = positionsView.schema.parse({ account: String(h.account.id), from, to });
    const data = await positionsView.load(h.database, input, user);
    return { data, tables: positionsView.tables(data, input, (x) => headerText(x, "zh")) };
  };

  it("is registered as a view", () => {
    expect(VIEWS.positions).toBe(positionsView);
  });

  it("readers and 送达阅读率 by position and weekday equal the ground truth's sums", async () => {
    const { data } = await load(FROM, TO);
    const expected = expectedPositions(h.sim.truth, h.appid, FROM, TO, TODAY);
    expect(data.articles).toBe(expected("all", null)?.articles);
    let compared = 0;
    for (const c of data.cells) {
      const e = expected(c.positionClass, c.weekday);
      if (!e) {
        expect(c).toMatchObject({ articles: 0, readers: null, readDeliveryRate: null });
        continue;
      }
      compared++;
      expect(c).toMatchObject({
        articles: e.articles,
        readers: e.readers,
        notificationReaders: e.delivered > 0 ? e.notificationReaders : null,
      });
      expect(c.readersPerArticle).toBeCloseTo(e.readers / e.articles, 9);
      if (e.readDeliveryRate === null) {
        expect(c.delivered).toBeNull();
        expect(c.readDeliveryRate).toBeNull();
        continue;
      }
      // WeChat gives each article's rate to 7 decimals, not its delivered count: Readout derives
      // delivered from it, exact to within one follower per article.
      expect(Math.abs(c.delivered! - e.delivered)).toBeLessThanOrEqual(e.articles);
      expect(c.readDeliveryRate).toBeCloseTo(e.readDeliveryRate, 6);
    }
    // 头条 and 次条 on several weekdays, and every weekday of "all".
    expect(compared).toBeGreaterThan(10);
  });

  it("exports one row per position and weekday with Chinese headers", async () => {
    const { tables } = await load(FROM, TO);
    expect(tables.map((t) => t.id)).toEqual(["positions"]);
    const table = tables[0]!;
    expect(table.rows).toHaveLength(24);
    expect(table.rows[0]).toMatchObject({ position: "头条", weekday: "周一" });
    expect(table.rows.at(-1)).toMatchObject({ position: "全部位置", weekday: "全部星期" });
  });

  it("a range before the new interfaces started has no articles", async () => {
    const { data } = await load("2025-09-01", "2025-09-30");
    expect(data.articles).toBe(0);
    expect(data.cells.every((c) => c.articles === 0 && c.readDeliveryRate === null)).toBe(true);
  });

  it("the legacy history ends on the last day fetched before the retirement", async () => {
    expect(await lastLegacyDays(h.database, [h.account.id])).toEqual({ [h.account.id]: "2026-06-29" });
    expect(await lastLegacyDays(h.database, [h.account.id + 1000])).toEqual({});
  });

  it("a history page without a range opens on the 30 days ending on that day; a range is kept", async () => {
    expect(await historyPageRedirect(h.database, user, "/hourly", {})).toBe(
      `/hourly?account=${h.account.id}&range=custom&from=2026-05-31&to=2026-06-29`,
    );
    expect(await historyPageRedirect(h.database, user, "/shares", { range: "last7" })).toBeNull();
  });
});
