import { and, eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";

import { articleRead, articleTotalDetail, fetchLedger, legacyArticleTotal } from "@/db/schema";
import { addDaysIso, type IsoDate } from "@/lib/dates";
import { runSync } from "@/lib/sync/runner";
import { ENDPOINT_NAMES, type EndpointName } from "@/lib/wechat/endpoints";

import { storedRows } from "../helpers/compare";
import { createHarness, datacubeCalls, type Harness } from "../helpers/harness";
import { startProxy } from "../helpers/proxy";

/** What real answers do that clean ones don't (issue 8, A.1-A.3), through the real sync path. */

let h: Harness | undefined;
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
  await h?.close();
  h = undefined;
});

// Both generations serve these days (legacy not retired), and every figure of them is final by today.
const TODAY = "2026-03-20";
const D1 = "2026-01-10";
const D2 = "2026-01-11";

const syncOnly = (harness: Harness, endpoints: readonly EndpointName[], from: IsoDate, to: IsoDate) =>
  runSync(harness.ctx, { accountId: harness.account.id, from, to, concurrency: 4, endpoints });

async function expectEqualToTruth(
  harness: Harness,
  from: IsoDate,
  to: IsoDate,
  endpoints: readonly EndpointName[] = ENDPOINT_NAMES,
) {
  for (const [endpoint, { stored, truth }] of Object.entries(await harness.compareWithTruth(from, to, endpoints))) {
    expect(stored.length, `${endpoint} row count`).toBe(truth.length);
    expect(stored, endpoint).toEqual(truth);
  }
}

describe("rows outside the asked window (A.1)", () => {
  it("stores only the window's dates; a later answer's copy of an earlier day changes nothing", async () => {
    h = await createHarness({ today: TODAY, legacyRetiredOn: "never" });
    const first = await h.sync(D1, D1);
    expect(first.errors).toEqual([]);
    expect(first.rowsOutsideWindow).toBe(0);

    h.sim.configure({ outOfWindowRows: true });
    const second = await h.sync(D2, D2);
    expect(second.errors).toEqual([]);
    // Every interface's answer carried the day before (inflated) and a row two years back.
    expect(second.outsideWindow.map((o) => o.endpoint).sort()).toEqual([...ENDPOINT_NAMES].sort());
    expect(second.rowsOutsideWindow).toBeGreaterThanOrEqual(ENDPOINT_NAMES.length * 2);
    const sharehour = second.outsideWindow.find((o) => o.endpoint === "getusersharehour");
    expect(sharehour?.dates).toContain(D1);
    expect(sharehour?.dates).toContain(addDaysIso(D2, -730));

    // D1 is exactly what WeChat said for D1, D2 for D2; nothing exists two years back.
    await expectEqualToTruth(h, D1, D2);
    for (const endpoint of ENDPOINT_NAMES) {
      expect(await storedRows(h.database, h.account.id, endpoint, "2000-01-01", "2026-01-09"), endpoint).toEqual([]);
    }
    // D1's ledger entries are still final, and nothing was fetched for them again.
    const d1 = await h.database.db
      .select({ status: fetchLedger.status })
      .from(fetchLedger)
      .where(and(eq(fetchLedger.accountId, h.account.id), eq(fetchLedger.beginDate, D1)));
    expect(new Set(d1.map((r) => r.status))).toEqual(new Set(["final"]));
  });
});

describe("tolerant answers (A.2, A.3)", () => {
  it("reads total rows without user_source as 99999999 (the seeds' own examples)", async () => {
    h = await createHarness({ today: TODAY, legacyRetiredOn: "never", omitUserSource: true });
    const endpoints = ["getuserread", "getuserreadhour"] as const;
    const summary = await syncOnly(h, endpoints, D1, D2);
    expect(summary.errors).toEqual([]);
    await expectEqualToTruth(h, D1, D2, endpoints);
  });

  it("strips a UTF-8 byte order mark without retrying", async () => {
    h = await createHarness({ today: TODAY, legacyRetiredOn: "never", utf8Bom: true });
    const summary = await h.sync(D1, D2);
    expect(summary.errors).toEqual([]);
    await expectEqualToTruth(h, D1, D2);
    const calls = datacubeCalls((await h.stats()).calls);
    expect(Object.values(calls).reduce((a, b) => a + b, 0)).toBe(summary.windowsPlanned);
  });

  it("stores null titles and URLs as null", async () => {
    h = await createHarness({ today: TODAY, legacyRetiredOn: "never", nullStrings: true });
    const summary = await syncOnly(h, ["getarticletotal", "getarticletotaldetail", "getarticleread"], D1, D2);
    expect(summary.errors).toEqual([]);
    const fresh = await h.database.db.select().from(articleTotalDetail);
    expect(fresh.length).toBeGreaterThan(0);
    expect(fresh.every((r) => r.title === null && r.contentUrl === null)).toBe(true);
    const legacy = await h.database.db.select().from(legacyArticleTotal);
    expect(legacy.length).toBeGreaterThan(0);
    expect(legacy.every((r) => r.title === null)).toBe(true);
  });

  it("keeps getarticleread's title", async () => {
    h = await createHarness({ today: TODAY, legacyRetiredOn: "never" });
    await syncOnly(h, ["getarticleread"], D1, D2);
    const rows = await h.database.db.select().from(articleRead);
    const withTitle = rows.filter((r) => r.title);
    expect(withTitle.length).toBeGreaterThan(0);
    const answered = h.sim.truth.rows(h.appid, "getarticleread", D1, D1, { today: TODAY }).list;
    for (const a of answered.filter((r) => r.title)) {
      expect(rows.find((r) => r.msgid === a.msgid && r.refDate === D1)?.title).toBe(a.title);
    }
  });

  it("says in words when the connection closed mid-answer and counts every attempt", async () => {
    h = await createHarness({ today: TODAY, legacyRetiredOn: "never" }, { maxAttempts: 4 });
    let cuts = 2;
    const proxy = await startProxy(h.sim.url, () => (cuts-- > 0 ? { kind: "cut" } : { kind: "pass" }));
    cleanups.push(proxy.close);
    h.ctx.http.baseUrl = proxy.url;

    const ok = await syncOnly(h, ["getbizsummary"], D1, D1);
    expect(ok.errors).toEqual([]);
    const [entry] = await h.database.db.select().from(fetchLedger).where(eq(fetchLedger.accountId, h.account.id));
    expect(entry?.status).toBe("final");
    expect(entry?.attempts).toBe(3);

    cuts = 1_000;
    const failed = await syncOnly(h, ["getbizsummary"], D2, D2);
    expect(failed.errors).toHaveLength(1);
    expect(failed.errors[0]?.message).toContain("the connection closed before the answer was complete");
    const [bad] = await h.database.db
      .select()
      .from(fetchLedger)
      .where(and(eq(fetchLedger.accountId, h.account.id), eq(fetchLedger.beginDate, D2)));
    expect(bad?.status).toBe("failed");
    expect(bad?.attempts).toBe(4);
  });

  it("rejects a window with a malformed row, naming index and field, and keeps what was stored", async () => {
    // Recent enough that getarticletotaldetail is still provisional and fetched again.
    h = await createHarness({ today: TODAY, legacyRetiredOn: "never" });
    const day = "2026-03-10";
    await syncOnly(h, ["getarticletotaldetail"], day, day);
    const before = await storedRows(h.database, h.account.id, "getarticletotaldetail", day, day);
    expect(before.length).toBeGreaterThan(0);

    const proxy = await startProxy(h.sim.url, (_endpoint, body) => {
      const answer = JSON.parse(body) as { list: { detail_list: { read_user: unknown }[] }[] };
      const victim = answer.list[0]?.detail_list[0];
      if (victim) victim.read_user = "lots";
      return { kind: "body", body: JSON.stringify(answer) };
    });
    cleanups.push(proxy.close);
    h.ctx.http.baseUrl = proxy.url;
    const summary = await syncOnly(h, ["getarticletotaldetail"], day, day);
    expect(summary.errors).toHaveLength(1);
    expect(summary.errors[0]?.message).toMatch(/list\[0\] detail_list\.0\.read_user/);
    expect(summary.rowsWritten).toBe(0);
    expect(await storedRows(h.database, h.account.id, "getarticletotaldetail", day, day)).toEqual(before);
  });
});
