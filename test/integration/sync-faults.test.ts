import { sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";

import { rawResponses } from "@/db/schema";
import { addDaysIso } from "@/lib/dates";
import { endpointsOf } from "@/lib/wechat/endpoints";

import { createHarness, datacubeCalls, type Harness } from "../helpers/harness";

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

function expectEqualToTruth(compared: Awaited<ReturnType<Harness["compareWithTruth"]>>) {
  for (const [endpoint, { stored, truth }] of Object.entries(compared)) {
    expect(truth.length, `${endpoint} has ground truth`).toBeGreaterThan(0);
    expect(stored.length, `${endpoint} row count (no duplicates, nothing missing)`).toBe(truth.length);
    expect(stored, endpoint).toEqual(truth);
  }
}

describe("sync under faults", () => {
  it("ends equal to the ground truth despite 20% faults and token revocation", async () => {
    const today = "2026-03-01";
    h = await createHarness(
      { today, legacyRetiredOn: "never", faultRate: 0.2, revokeTokenEvery: 50, timeoutFaultMs: 5_000 },
      { timeoutMs: 400, maxAttempts: 5 },
    );
    const from = "2026-01-01";
    const to = h.yesterday;
    let summary = await h.sync(from, to);
    // A window whose every attempt failed is left "failed" and is simply fetched by the next run.
    for (let run = 1; summary.errors.length > 0 && run < 4; run++) summary = await h.sync(from, to);
    expect(summary.errors).toEqual([]);
    expectEqualToTruth(await h.compareWithTruth(from, to));

    // The faults really happened and every answer was archived.
    const rows = await h.database.db
      .select({ errcode: rawResponses.errcode, http_status: rawResponses.httpStatus, n: sql<number>`count(*)::int` })
      .from(rawResponses)
      .groupBy(rawResponses.errcode, rawResponses.httpStatus);
    const codes = new Set(rows.map((r) => r.errcode));
    expect(codes).toContain(-1);
    expect([...codes].some((c) => c === 40001 || c === 42001)).toBe(true);
    expect(rows.some((r) => (r.http_status ?? 0) >= 500)).toBe(true);
  });

  it("stops an endpoint for the day at 45009 and completes it on a later day", async () => {
    // A stretch 60+ days old: nothing in it can still change, so every window is fetched once.
    const today = "2026-05-01";
    h = await createHarness({ today, legacyRetiredOn: "never", quota: 12 });
    const from = "2026-02-01";
    const to = "2026-02-20";
    const first = await h.sync(from, to);
    expect(first.quotaBlocked.sort()).toEqual(
      [
        "getarticlesummary",
        "getarticletotal",
        "getuserreadhour",
        "getusersharehour",
        "getarticleread",
        "getarticleshare",
        "getarticletotaldetail",
      ].sort(),
    );
    // 12 answered windows, then 45009 for the call that hit the quota and for the few already
    // in flight beside it (at most concurrency - 1 more); nothing after that.
    const firstDayCalls = datacubeCalls((await h.stats()).calls).getarticleread ?? 0;
    expect(firstDayCalls).toBeGreaterThanOrEqual(13);
    expect(firstDayCalls).toBeLessThanOrEqual(12 + 4);

    await h.resetStats();
    const sameDay = await h.sync(from, to);
    expect(datacubeCalls((await h.stats()).calls)).toEqual({});
    expect(sameDay.quotaBlocked).toContain("getarticleread");

    h.setToday(addDaysIso(today, 1));
    await h.resetStats();
    const nextDay = await h.sync(from, to);
    expect(nextDay.quotaBlocked).toEqual([]);
    expect(nextDay.errors).toEqual([]);
    expect(datacubeCalls((await h.stats()).calls).getarticleread).toBe(8);
    expectEqualToTruth(await h.compareWithTruth(from, to));
  });

  it("marks the legacy six retired on their first 47009, keeps their history and never calls them again", async () => {
    h = await createHarness({ today: "2026-06-20", legacyRetiredOn: "2026-07-01" });
    const legacy = endpointsOf("legacy");
    await h.sync("2026-06-01", h.yesterday);
    const countLegacyRows = () =>
      Promise.all(
        legacy.map((e) => h!.compareWithTruth("2026-06-01", "2026-06-19", [e]).then((c) => c[e]!.stored.length)),
      );
    const before = await countLegacyRows();
    expect(before.every((n) => n > 0)).toBe(true);

    h.setToday("2026-07-10");
    await h.resetStats();
    const after = await h.sync("2026-06-01", h.yesterday);
    const calls = datacubeCalls((await h.stats()).calls);
    for (const e of legacy) expect(calls[e], e).toBe(1);
    expect(after.retired.sort()).toEqual([...legacy].sort());
    expect(after.errors).toEqual([]);
    expect(await countLegacyRows()).toEqual(before);
    // The new generation carried on.
    expect(calls.getarticleread).toBeGreaterThan(0);

    await h.resetStats();
    await h.sync("2026-06-01", h.yesterday);
    const again = datacubeCalls((await h.stats()).calls);
    for (const e of legacy) expect(again[e], e).toBeUndefined();
  });
});
