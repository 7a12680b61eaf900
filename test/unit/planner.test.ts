import { describe, expect, it } from "vitest";

import { addDaysIso } from "@/lib/dates";
import { answerStatus, type LedgerFact, planSync } from "@/lib/sync/planner";
import { ENDPOINT_NAMES, type EndpointName } from "@/lib/wechat/endpoints";

const today = "2026-11-01";
const yesterday = "2026-10-31";
const from = addDaysIso(yesterday, -364);

const plan = (over: Partial<Parameters<typeof planSync>[0]> = {}) =>
  planSync({
    endpoints: ENDPOINT_NAMES,
    from,
    to: yesterday,
    today,
    ledger: [],
    retired: new Set(),
    quotaBlockedOn: new Map(),
    ...over,
  });

const callsPerEndpoint = (windows: { endpoint: EndpointName }[]) =>
  windows.reduce<Record<string, number>>((acc, w) => ({ ...acc, [w.endpoint]: (acc[w.endpoint] ?? 0) + 1 }), {});

describe("planSync", () => {
  it("covers 365 days with the fewest windows each endpoint's span allows", () => {
    expect(callsPerEndpoint(plan().windows)).toEqual({
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
  });

  it("never asks for a window longer than the span, for today, or before the first date", () => {
    const windows = plan({ from: "2025-10-20", to: "2026-12-31" }).windows;
    for (const w of windows) {
      expect(w.endDate <= yesterday).toBe(true);
      expect(w.beginDate <= w.endDate).toBe(true);
    }
    const biz = windows.filter((w) => w.endpoint === "getbizsummary");
    expect(biz[0]?.beginDate).toBe("2025-11-01");
    expect(windows.find((w) => w.endpoint === "getuserread")?.beginDate).toBe("2025-10-20");
  });

  it("skips final days and re-plans only what is missing, split around final stretches", () => {
    const ledger: LedgerFact[] = [
      { endpoint: "getusershare", beginDate: "2026-10-01", endDate: "2026-10-07", status: "final" },
      { endpoint: "getusershare", beginDate: "2026-10-08", endDate: "2026-10-14", status: "provisional" },
      { endpoint: "getusershare", beginDate: "2026-10-15", endDate: "2026-10-21", status: "failed" },
    ];
    const p = plan({ endpoints: ["getusershare"], from: "2026-09-28", to: "2026-10-21", ledger });
    expect(p.windows.map((w) => `${w.beginDate}..${w.endDate}`)).toEqual([
      "2026-09-28..2026-09-30",
      "2026-10-08..2026-10-14",
      "2026-10-15..2026-10-21",
    ]);
    expect(p.finalDays.getusershare).toBe(7);
  });

  it("a newer ledger entry overrides an older one day by day", () => {
    const ledger: LedgerFact[] = [
      { endpoint: "getuserread", beginDate: "2026-10-01", endDate: "2026-10-03", status: "failed" },
      { endpoint: "getuserread", beginDate: "2026-10-02", endDate: "2026-10-02", status: "final" },
    ];
    const p = plan({ endpoints: ["getuserread"], from: "2026-10-01", to: "2026-10-03", ledger });
    expect(p.windows.map((w) => `${w.beginDate}..${w.endDate}`)).toEqual([
      "2026-10-01..2026-10-01",
      "2026-10-03..2026-10-03",
    ]);
  });

  it("skips retired endpoints, and quota-blocked ones only on the day they ran out", () => {
    const retired = new Set(["getarticlesummary"]);
    const quotaBlockedOn = new Map([
      ["getuserread", today],
      ["getusershare", "2026-10-30"],
    ]);
    const p = plan({ retired, quotaBlockedOn });
    const calls = callsPerEndpoint(p.windows);
    expect(calls.getarticlesummary).toBeUndefined();
    expect(calls.getuserread).toBeUndefined();
    expect(calls.getusershare).toBe(53);
    expect(p.skippedRetired).toEqual(["getarticlesummary"]);
    expect(p.skippedQuota).toEqual(["getuserread"]);
  });

  it("plans nothing for a range entirely in the future or before the first date", () => {
    expect(plan({ from: today, to: "2026-12-01" }).windows).toEqual([]);
    expect(plan({ endpoints: ["getarticleread"], from: "2025-01-01", to: "2025-10-31" }).windows).toEqual([]);
  });
});

describe("answerStatus", () => {
  const status = (endpoint: EndpointName, endDate: string, extra: Partial<Parameters<typeof answerStatus>[0]> = {}) =>
    answerStatus({
      window: { endpoint, beginDate: endDate, endDate },
      today,
      beijingHour: 12,
      isDelay: false,
      rowCount: 5,
      ...extra,
    });

  it("keeps cumulative curves provisional while they can still grow", () => {
    expect(status("getarticletotal", yesterday)).toBe("provisional");
    expect(status("getarticletotal", addDaysIso(yesterday, -6))).toBe("provisional");
    expect(status("getarticletotal", addDaysIso(yesterday, -7))).toBe("final");
    expect(status("getarticletotaldetail", addDaysIso(yesterday, -29))).toBe("provisional");
    expect(status("getarticletotaldetail", addDaysIso(yesterday, -30))).toBe("final");
    expect(status("getuserread", yesterday)).toBe("final");
  });

  it("treats is_delay, pre-08:00 fetches of yesterday and recent empty legacy answers as provisional", () => {
    expect(status("getarticleread", "2026-01-01", { isDelay: true })).toBe("provisional");
    expect(status("getuserreadhour", yesterday, { beijingHour: 7 })).toBe("provisional");
    expect(status("getuserreadhour", addDaysIso(yesterday, -1), { beijingHour: 7 })).toBe("final");
    expect(status("getusershare", yesterday, { rowCount: 0 })).toBe("provisional");
    expect(status("getusershare", addDaysIso(yesterday, -10), { rowCount: 0 })).toBe("final");
    expect(status("getarticleread", yesterday, { rowCount: 0 })).toBe("final");
  });
});
