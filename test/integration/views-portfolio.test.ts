import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createAccount } from "@/db/accounts";
import { createGroup } from "@/db/groups";
import type { SessionUser } from "@/lib/auth/access";
import { addDaysIso } from "@/lib/dates";
import { runSync } from "@/lib/sync/runner";
import { VIEWS } from "@/lib/views";
import { compareItemId } from "@/lib/views/article-params";
import { headerText, toCsv } from "@/lib/views/export-file";
import { readerRankings } from "@/lib/views/history";
import { loadPortfolio, portfolioView } from "@/lib/views/portfolio";
import type { PortfolioRow } from "@/lib/views/tables/portfolio";

import { type ExpectedPortfolioRow, expectedPortfolioRow } from "../helpers/expected-portfolio";
import { createHarness, type Harness } from "../helpers/harness";

const TODAY = "2026-11-21";
const DAY = addDaysIso(TODAY, -1);
// The sparkline's 30 days, and the 90 days before the day for the percentiles' peers.
const FROM = addDaysIso(DAY, -95);

/** Every figure of a row against the ground truth. */
function expectRow(row: PortfolioRow, e: ExpectedPortfolioRow) {
  expect(row.readers).toBe(e.readers);
  expect(row.readersAvg7).toBeCloseTo(e.readersAvg7!, 9);
  expect(row.readersChange).toBeCloseTo(e.readers! / e.readersAvg7! - 1, 9);
  expect(row.deliveryReadRate).toBe(e.deliveryReadRate);
  expect(row.notificationReaders).toBe(e.notificationReaders);
  expect(row.delivered).toBe(e.delivered);
  expect(row.netFollowers).toBe(e.netFollowers);
  expect(row.articlesSent).toBe(e.articlesSent);
  expect(row.bestMsgid).toBe(e.best?.msgid ?? null);
  expect(row.bestReaders).toBe(e.best?.readers ?? null);
  expect(row.spark).toEqual(e.spark);
}

describe("portfolio view", () => {
  let h: Harness;
  let ids: number[];
  let expected: ExpectedPortfolioRow[];
  let admin: SessionUser;
  let viewer: SessionUser;
  beforeAll(async () => {
    h = await createHarness({ today: TODAY, accounts: 2 });
    const second = h.sim.truth.accounts[1]!;
    const other = await createAccount(h.database, {
      authType: "classic",
      name: second.name,
      appid: second.appid,
      secret: second.secret,
    });
    ids = [h.account.id, other.id];
    for (const accountId of ids) await runSync(h.ctx, { accountId, from: FROM, to: DAY, concurrency: 4 });
    expected = h.sim.truth.accounts.map((a) => expectedPortfolioRow(h.sim.truth, a.appid, DAY, TODAY));
    admin = { id: 1, email: "admin@test", name: "", role: "admin", accountIds: ids };
    viewer = { id: 2, email: "viewer@test", name: "", role: "viewer", accountIds: [other.id] };
  }, 300_000);
  afterAll(async () => h?.close());

  const load = (user: SessionUser, query: Record<string, string> = {}) =>
    portfolioView.load(h.database, portfolioView.schema.parse({ date: DAY, ...query }), user);

  it("is registered under the name the page asks for", () => {
    expect(VIEWS.portfolio).toBe(portfolioView);
  });

  it("has a row per visible account with the ground truth's figures", async () => {
    const data = await load(admin);
    expect(data.date).toBe(DAY);
    expect(data.rows.map((r) => r.accountId)).toEqual(ids);
    data.rows.forEach((row, i) => expectRow(row, expected[i]!));
    for (const row of data.rows) {
      expect(row.accountName).toBe(h.sim.truth.accounts[ids.indexOf(row.accountId!)]!.name);
      expect(row.spark).toHaveLength(30);
      // The legacy interfaces are retired (47009 since 2026-07-01): stopped, and the day is final.
      expect(row.stopped).toEqual([
        "getarticlesummary",
        "getarticletotal",
        "getuserread",
        "getuserreadhour",
        "getusershare",
        "getusersharehour",
      ]);
      expect(row.finalThrough).toBe(DAY);
      expect(row.syncErrors).toBe(0);
    }
    expect(expected.every((e) => e.readers !== null && e.readersAvg7 !== null)).toBe(true);
  });

  it("ranks the best article as the article pages do, reading only the points of its age", async () => {
    const { rows } = await load(admin);
    const best = rows.map((r) => ({ accountId: r.accountId!, msgid: r.bestMsgid!, sendDate: DAY }));
    const full = await readerRankings(h.database, best);
    for (const [i, row] of rows.entries()) {
      const ranking = full.get(compareItemId(best[i]!));
      expect(row.bestPercentile).toBe(ranking ? Math.round(ranking.percentile * 10) / 10 : null);
    }
    expect(rows.some((r) => r.bestPercentile !== null)).toBe(true);
  });

  it("weights the totals row: counts summed, rates recomputed from the sums", async () => {
    const { totals, rows } = await load(admin);
    const sum = (f: (e: ExpectedPortfolioRow) => number | null) => expected.reduce((n, e) => n + (f(e) ?? 0), 0);
    expect(totals.readers).toBe(sum((e) => e.readers));
    expect(totals.netFollowers).toBe(sum((e) => e.netFollowers));
    expect(totals.articlesSent).toBe(sum((e) => e.articlesSent));
    expect(totals.readersChange).toBeCloseTo(sum((e) => e.readers) / sum((e) => e.readersAvg7) - 1, 9);
    const withRate = expected.filter((e) => e.delivered !== null);
    expect(withRate.length).toBeGreaterThan(0);
    const pooled =
      withRate.reduce((n, e) => n + e.notificationReaders!, 0) / withRate.reduce((n, e) => n + e.delivered!, 0);
    expect(totals.deliveryReadRate).toBeCloseTo(pooled, 12);
    if (withRate.length === 2) {
      // Not the mean of the accounts' rates (their audiences differ in size).
      const mean = (withRate[0]!.deliveryReadRate! + withRate[1]!.deliveryReadRate!) / 2;
      expect(Math.abs(totals.deliveryReadRate! - mean)).toBeGreaterThan(1e-6);
    }
    expect(totals.spark).toEqual(expected[0]!.spark.map((v, i) => v! + expected[1]!.spark[i]!));
    const best = [...rows].sort((a, b) => (b.bestReaders ?? -1) - (a.bestReaders ?? -1))[0]!;
    expect(totals.bestMsgid).toBe(best.bestMsgid);
  });

  it("shows only the accounts the user may see, and filters by client group", async () => {
    const viewerData = await load(viewer);
    expect(viewerData.rows.map((r) => r.accountId)).toEqual([ids[1]]);
    expectRow(viewerData.rows[0]!, expected[1]!);
    expect(viewerData.totals.readers).toBe(expected[1]!.readers);

    const { id: onlyFirst } = await createGroup(h.database, { name: "Client A", accountIds: [ids[0]!] });
    const { id: both } = await createGroup(h.database, { name: "Both", accountIds: ids });
    expect((await load(admin, { group: String(onlyFirst) })).rows.map((r) => r.accountId)).toEqual([ids[0]]);
    // Inside a group a viewer sees only the accounts assigned to them; a group without any is not there.
    expect((await load(viewer, { group: String(both) })).rows.map((r) => r.accountId)).toEqual([ids[1]]);
    await expect(load(viewer, { group: String(onlyFirst) })).rejects.toMatchObject({ code: "not_found" });
  });

  it("exports the table's columns with the totals row last", async () => {
    const input = portfolioView.schema.parse({ date: DAY });
    const data = await portfolioView.load(h.database, input, admin);
    const [table] = portfolioView.tables(data, input, (x) => headerText(x, "en"));
    const csv = toCsv(table!, "en")
      .toString("utf8")
      .replace(/^\uFEFF/, "");
    const parsed = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true }).data;
    expect(parsed).toHaveLength(3);
    expect(parsed.at(-1)!.Account).toBe("All shown accounts");
    expect(Number(parsed[0]!.Readers)).toBe(expected[0]!.readers);
    expect(Number(parsed.at(-1)!.Readers)).toBe(data.totals.readers);
    expect(parsed[0]!["Readers, 30 days"]!.split(" ").map(Number)).toEqual(expected[0]!.spark);
    expect(portfolioView.fileName(input)).toBe(`portfolio-all-${DAY}`);
  });

  it("reads every account with the same few queries, whatever their number", async () => {
    const queries: string[] = [];
    const { db } = h.database;
    const session = (db as unknown as { session: { client: { query: (...a: unknown[]) => unknown } } }).session;
    const client = session?.client;
    expect(client?.query).toBeTypeOf("function");
    const original = client.query.bind(client);
    client.query = (...a: unknown[]) => {
      queries.push(String(a[0]));
      return original(...a);
    };
    try {
      await loadPortfolio(h.database, [ids[0]!], DAY, TODAY);
      const one = queries.length;
      expect(one).toBeGreaterThan(5);
      expect(one).toBeLessThan(15);
      queries.length = 0;
      await loadPortfolio(h.database, ids, DAY, TODAY);
      expect(queries.length).toBe(one);
    } finally {
      client.query = original;
    }
  });
});
