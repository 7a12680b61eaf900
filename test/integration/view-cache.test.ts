import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { cachedView, viewResponse } from "@/lib/views/cache";

import { createHarness, type Harness } from "../helpers/harness";

/** Views are cached by data version: a sync commit makes them stale; an unchanged one answers 304. */
describe("view cache and ETag", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness({ today: "2026-03-01", legacyRetiredOn: "never" });
  });
  afterAll(async () => h?.close());

  it("loads once per data version, answers 304 to the current ETag, and reloads after a sync commits", async () => {
    await h.sync("2026-02-25", "2026-02-26");
    let loads = 0;
    const load = async () => ({ n: ++loads });
    const key = {
      view: "overview",
      input: { account: h.account.id },
      day: "2026-03-01",
      accountIds: [h.account.id],
    };
    const first = await cachedView(h.database, key, load);
    const again = await cachedView(h.database, key, load);
    expect(loads).toBe(1);
    expect(again.etag).toBe(first.etag);

    const fresh = viewResponse(new Request("http://x/api/views/overview"), first);
    expect(fresh.status).toBe(200);
    expect(fresh.headers.get("etag")).toBe(first.etag);
    expect(await fresh.json()).toEqual({ ok: true, data: { n: 1 } });
    const notModified = viewResponse(new Request("http://x/", { headers: { "if-none-match": first.etag } }), again);
    expect(notModified.status).toBe(304);

    // Other parameters: their own entry.
    await cachedView(h.database, { ...key, input: { account: h.account.id, other: true } }, load);
    expect(loads).toBe(2);

    await h.sync("2026-02-27", "2026-02-28");
    const afterSync = await cachedView(h.database, key, load);
    expect(loads).toBe(3);
    expect(afterSync.etag).not.toBe(first.etag);
    const stale = viewResponse(new Request("http://x/", { headers: { "if-none-match": first.etag } }), afterSync);
    expect(stale.status).toBe(200);
  });

  it("makes requests that arrive while the same view is loading wait for that one load", async () => {
    let loads = 0;
    let finish!: () => void;
    const load = () => new Promise<{ n: number }>((resolve) => (finish = () => resolve({ n: ++loads })));
    const key = {
      view: "overview",
      input: { coalesce: true },
      day: "2026-03-01",
      accountIds: [h.account.id],
    };
    const waiting = Array.from({ length: 5 }, () => cachedView(h.database, key, load));
    await new Promise((r) => setTimeout(r, 50));
    finish();
    const entries = await Promise.all(waiting);
    expect(loads).toBe(1);
    expect(new Set(entries.map((e) => e.etag)).size).toBe(1);
  });

  it("does not keep a failed load: the next request tries again", async () => {
    const key = { view: "overview", input: { fails: true }, day: "2026-03-01", accountIds: [h.account.id] };
    await expect(cachedView(h.database, key, () => Promise.reject(new Error("database down")))).rejects.toThrow();
    const entry = await cachedView(h.database, key, async () => ({ n: 1 }));
    expect(await viewResponse(new Request("http://x/"), entry).json()).toEqual({ ok: true, data: { n: 1 } });
  });

  it("never caches a view whose input names no account (a group's or all accounts')", async () => {
    let loads = 0;
    const load = async () => ({ n: ++loads });
    const key = { view: "articles", input: { group: "all" }, day: "2026-03-01", accountIds: [] };
    await cachedView(h.database, key, load);
    const again = await cachedView(h.database, key, load);
    expect(loads).toBe(2);
    expect(await viewResponse(new Request("http://x/"), again).json()).toEqual({ ok: true, data: { n: 2 } });
  });
});
