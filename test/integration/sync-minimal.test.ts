import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { archivedAnswers } from "@/db/raw-archive";
import { addDaysIso } from "@/lib/dates";

import { createHarness, datacubeCalls, type Harness } from "../helpers/harness";

// 365 days ending yesterday, all after the new generation's first date (2025-11-01).
const TODAY = "2026-11-01";
const TO = "2026-10-31";
const FROM = addDaysIso(TO, -364);

describe("a year's sync against the simulator (both generations served)", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness({ today: TODAY, legacyRetiredOn: "never" });
  });
  afterAll(async () => h?.close());

  let firstRun: Awaited<ReturnType<Harness["sync"]>>;

  it("makes exactly the minimum number of datacube calls", async () => {
    const summary = (firstRun = await h.sync(FROM, TO));
    expect(summary.errors).toEqual([]);
    expect(summary.fatal).toBeNull();
    const calls = datacubeCalls((await h.stats()).calls);
    expect(calls).toEqual({
      getarticlesummary: 365,
      getarticletotal: 365,
      getuserread: 122,
      getuserreadhour: 365,
      getusershare: 53,
      getusersharehour: 365,
      getarticleread: 365,
      getarticleshare: 365,
      getbizsummary: 13,
      getarticletotaldetail: 365,
      getusersummary: 53,
      getusercumulate: 53,
    });
    const legacy = [
      "getarticlesummary",
      "getarticletotal",
      "getuserread",
      "getuserreadhour",
      "getusershare",
      "getusersharehour",
    ];
    const legacyCalls = legacy.reduce((n, e) => n + (calls[e] ?? 0), 0);
    expect(legacyCalls).toBe(1635);
    expect(Object.values(calls).reduce((a, b) => a + b, 0) - legacyCalls).toBe(1108 + 106);
    expect(summary.totalCalls).toBe(1635 + 1108 + 106);
  });

  it("stores exactly the simulator's ground truth, row for row", async () => {
    const compared = await h.compareWithTruth(FROM, TO);
    for (const [endpoint, { stored, truth }] of Object.entries(compared)) {
      expect(truth.length, `${endpoint} has ground truth`).toBeGreaterThan(0);
      expect(stored.length, `${endpoint} row count`).toBe(truth.length);
      expect(stored, endpoint).toEqual(truth);
    }
    // The summary counts what was written.
    expect(firstRun.rowsWritten).toBe(Object.values(compared).reduce((n, c) => n + c.truth.length, 0));
  });

  it("archives every answer byte for byte", async () => {
    const archived = await archivedAnswers(h.database.db, h.account.id, "getuserreadhour", TO);
    expect(archived).toHaveLength(1);
    expect(archived[0]?.httpStatus).toBe(200);
    const expected = h.sim.truth.rows(h.appid, "getuserreadhour", TO, TO, { today: TODAY }).list;
    expect(JSON.parse(archived[0]!.body).list).toEqual(expected);
  });

  it("a second run calls only the windows that can still change", async () => {
    await h.resetStats();
    const summary = await h.sync(FROM, TO);
    const calls = datacubeCalls((await h.stats()).calls);
    // Cumulative curves: articles sent in the last 7 days (legacy) and 30 days (new generation).
    expect(calls).toEqual({ getarticletotal: 7, getarticletotaldetail: 30 });
    expect(summary.totalCalls).toBeLessThan(50);
    expect(summary.errors).toEqual([]);
  });

  it("a run the next day fetches the new day and the still-changing curves only", async () => {
    h.setToday(addDaysIso(TODAY, 1));
    await h.resetStats();
    await h.sync(FROM, h.yesterday);
    const calls = datacubeCalls((await h.stats()).calls);
    expect(calls).toEqual({
      getarticlesummary: 1,
      getuserread: 1,
      getuserreadhour: 1,
      getusershare: 1,
      getusersharehour: 1,
      getarticleread: 1,
      getarticleshare: 1,
      getbizsummary: 1,
      getusersummary: 1,
      getusercumulate: 1,
      // the 7 (30) send dates fetched yesterday while still open, plus the new day
      getarticletotal: 8,
      getarticletotaldetail: 31,
    });
  });
});
