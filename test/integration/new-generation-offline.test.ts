import { afterEach, describe, expect, it } from "vitest";

import { addDaysIso } from "@/lib/dates";
import { SYNC_EXIT, syncExitStatus } from "@/lib/sync/notices";
import { recheckEndpoint } from "@/lib/sync/recheck";
import { runSync } from "@/lib/sync/runner";
import type { EndpointName } from "@/lib/wechat/endpoints";

import { createHarness, datacubeCalls, type Harness } from "../helpers/harness";

/** 47009 on a new-generation interface (issue 8, A.4): suspended for the day, retired after 7 days in a row. */

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const START = "2026-03-20";
const ENDPOINTS: EndpointName[] = ["getarticleread", "getbizsummary"];
const syncDay = (harness: Harness) => {
  const day = harness.yesterday;
  return runSync(harness.ctx, {
    accountId: harness.account.id,
    from: day,
    to: day,
    concurrency: 2,
    endpoints: ENDPOINTS,
  });
};
const readCalls = async (harness: Harness) => datacubeCalls((await harness.stats()).calls).getarticleread ?? 0;

describe("47009 on a new-generation interface", () => {
  it("suspends it for the day, probes it daily, retires it after 7 days in a row; an admin re-check reinstates it", async () => {
    h = await createHarness({ today: START, legacyRetiredOn: "never", offlineEndpoints: "getarticleread" });

    const first = await syncDay(h);
    expect(first.suspended).toEqual(["getarticleread"]);
    expect(first.retired).toEqual([]);
    expect(first.errors).toEqual([]);
    expect(first.stops[0]?.message).toMatch(/47009.*day 1 of 7.*tried again tomorrow/);
    expect(syncExitStatus(first)).toBe(SYNC_EXIT.incomplete);
    expect(first.rowsWritten).toBeGreaterThan(0); // getbizsummary went on

    // The same day: not called again.
    await h.resetStats();
    const again = await syncDay(h);
    expect(await readCalls(h)).toBe(0);
    expect(again.suspended).toEqual(["getarticleread"]);

    for (let day = 2; day <= 6; day++) {
      h.setToday(addDaysIso(START, day - 1));
      await h.resetStats();
      const s = await syncDay(h);
      expect(await readCalls(h), `day ${day} probes once`).toBe(1);
      expect(s.suspended).toEqual(["getarticleread"]);
      expect(s.stops[0]?.message).toContain(`day ${day} of 7`);
    }
    h.setToday(addDaysIso(START, 6));
    const seventh = await syncDay(h);
    expect(seventh.retired).toEqual(["getarticleread"]);
    expect(seventh.stops[0]?.message).toMatch(/7 days in a row.*retired/);
    expect(syncExitStatus(seventh)).toBe(SYNC_EXIT.complete);

    h.setToday(addDaysIso(START, 7));
    await h.resetStats();
    const after = await syncDay(h);
    expect(await readCalls(h)).toBe(0);
    expect(after.retired).toEqual(["getarticleread"]);
    expect(syncExitStatus(after)).toBe(SYNC_EXIT.complete);

    // Still offline: the re-check is one call and changes nothing.
    await h.resetStats();
    const still = await recheckEndpoint(h.ctx, h.account.id, "getarticleread");
    expect(still).toMatchObject({ answering: false, code: 47009 });
    expect(await readCalls(h)).toBe(1);

    h.sim.configure({ offlineEndpoints: "" });
    await h.resetStats();
    expect(await recheckEndpoint(h.ctx, h.account.id, "getarticleread")).toEqual({ answering: true });
    expect(await readCalls(h)).toBe(1);
    const back = await syncDay(h);
    expect(back.retired).toEqual([]);
    expect(back.suspended).toEqual([]);
    expect(back.errors).toEqual([]);
    expect(syncExitStatus(back)).toBe(SYNC_EXIT.complete);
  });

  it("starts counting again after a day it answered", async () => {
    h = await createHarness({ today: START, legacyRetiredOn: "never", offlineEndpoints: "getarticleread" });
    await syncDay(h);
    h.setToday(addDaysIso(START, 1));
    h.sim.configure({ offlineEndpoints: "" });
    expect((await syncDay(h)).suspended).toEqual([]);
    h.setToday(addDaysIso(START, 2));
    h.sim.configure({ offlineEndpoints: "getarticleread" });
    const s = await syncDay(h);
    expect(s.stops[0]?.message).toContain("day 1 of 7");
  });

  it("still retires a legacy interface on its first 47009", async () => {
    h = await createHarness({ today: START, legacyRetiredOn: "2026-03-01" });
    const day = h.yesterday;
    const s = await runSync(h.ctx, {
      accountId: h.account.id,
      from: day,
      to: day,
      concurrency: 2,
      endpoints: ["getuserread"],
    });
    expect(s.retired).toEqual(["getuserread"]);
    expect(s.suspended).toEqual([]);
    expect(s.stops[0]?.message).toContain("retired");
  });
});
