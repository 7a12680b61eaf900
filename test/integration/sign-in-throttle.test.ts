import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { listAuditEntries } from "@/db/audit";
import type { Database } from "@/db/client";
import { attemptSignIn, liftLockout, type SignInResult } from "@/lib/auth/sign-in";
import { THROTTLE } from "@/lib/auth/throttle";
import { createUser } from "@/lib/users/manage";

import { createTestDatabase, type TestDatabase } from "../helpers/db";

let testDb: TestDatabase;
let database: Database;

beforeAll(async () => {
  testDb = await createTestDatabase();
  database = await testDb.open();
  for (const who of ["alice", "bob", "carol", "dave"])
    await createUser(database, { email: `${who}@t.test`, role: "viewer", password: `right-${who}-pw` });
});
afterAll(async () => {
  await testDb?.drop();
});

const at = (s: number) => new Date(Date.UTC(2026, 10, 21, 4, 0, 0) + s * 1000);

describe("sign-in throttling", () => {
  it("50 wrong passwords, then the right one is refused until the back-off ends; another account is unaffected", async () => {
    const ip = "10.0.0.1";
    let t = 0;
    const results = [];
    for (let i = 0; i < 50; i++) {
      results.push(await attemptSignIn(database, { email: "alice@t.test", password: `guess-${i}`, ip }, at(t)));
      t += 1; // one guess a second, like the probe's loop
    }
    expect(results.every((r) => !r.ok)).toBe(true);
    // Past the free failures the email is locked: guesses are refused without being checked.
    expect(results.filter((r) => !r.ok && r.reason === "throttled").length).toBeGreaterThan(35);

    const refused = await attemptSignIn(database, { email: "alice@t.test", password: "right-alice-pw", ip }, at(t));
    expect(refused).toMatchObject({ ok: false, reason: "throttled" });
    const retryAt = (refused as { retryAt: Date }).retryAt;

    // A different account from the same address signs in at once.
    expect(await attemptSignIn(database, { email: "bob@t.test", password: "right-bob-pw", ip }, at(t))).toMatchObject({
      ok: true,
    });

    // Still refused one second before the back-off ends, accepted after it.
    const before = new Date(retryAt.getTime() - 1000);
    expect(
      await attemptSignIn(database, { email: "alice@t.test", password: "right-alice-pw", ip }, before),
    ).toMatchObject({ ok: false, reason: "throttled" });
    expect(
      await attemptSignIn(database, { email: "alice@t.test", password: "right-alice-pw", ip }, retryAt),
    ).toMatchObject({ ok: true });
  });

  it("backs off exponentially after 5 failures", async () => {
    const ip = "10.0.0.2";
    const locks: number[] = [];
    let now = at(10_000);
    for (let i = 0; i < 9; i++) {
      await attemptSignIn(database, { email: "carol@t.test", password: "nope", ip }, now);
      const next = await attemptSignIn(database, { email: "carol@t.test", password: "right-carol-pw", ip }, now);
      if (!next.ok && next.reason === "throttled") {
        locks.push((next.retryAt.getTime() - now.getTime()) / 1000);
        now = next.retryAt;
      } else {
        locks.push(0);
        // The right password was accepted: the count starts again. Fail it back to where it was.
        for (let k = 0; k <= i; k++)
          await attemptSignIn(database, { email: "carol@t.test", password: "nope", ip: "10.0.0.99" }, now);
      }
    }
    expect(locks.slice(0, 4)).toEqual([0, 0, 0, 0]);
    expect(locks.slice(4)).toEqual([1, 2, 4, 8, 16]);
  });

  it("unknown emails get the same answers as known ones", async () => {
    const ip = "10.0.0.3";
    const known: SignInResult[] = [];
    const unknown: SignInResult[] = [];
    for (let i = 0; i < 7; i++) {
      known.push(await attemptSignIn(database, { email: "dave@t.test", password: "x", ip }, at(20_000)));
      unknown.push(await attemptSignIn(database, { email: "nobody@t.test", password: "x", ip }, at(20_000)));
    }
    const shape = (r: SignInResult) => (r.ok ? "ok" : r.reason);
    expect(unknown.map(shape)).toEqual(known.map(shape));
    expect(known.map(shape)).toContain("throttled");
  });

  it("an admin lifts a lockout at once", async () => {
    const ip = "10.0.0.4";
    for (let i = 0; i < 8; i++) await attemptSignIn(database, { email: "dave@t.test", password: "x", ip }, at(30_000));
    expect(
      await attemptSignIn(database, { email: "dave@t.test", password: "right-dave-pw", ip }, at(30_000)),
    ).toMatchObject({ reason: "throttled" });
    await liftLockout(database, { email: "DAVE@t.test" });
    expect(
      await attemptSignIn(database, { email: "dave@t.test", password: "right-dave-pw", ip }, at(30_000)),
    ).toMatchObject({ ok: true });
  });

  it("one address guessing across many emails is backed off too", async () => {
    const ip = "10.0.0.5";
    for (let i = 0; i < THROTTLE.ip.free; i++)
      await attemptSignIn(database, { email: `spray${i}@t.test`, password: "x", ip }, at(40_000));
    expect(
      await attemptSignIn(database, { email: "bob@t.test", password: "right-bob-pw", ip }, at(40_000)),
    ).toMatchObject({ reason: "throttled" });
    expect(
      await attemptSignIn(database, { email: "bob@t.test", password: "right-bob-pw", ip: "10.0.0.6" }, at(40_000)),
    ).toMatchObject({ ok: true });
  });

  it("records every attempt with the email typed and the client IP", async () => {
    const entries = await listAuditEntries(database, { limit: 1000, offset: 0, search: "alice@t.test" });
    const actions = entries.map((e) => e.action);
    expect(actions).toContain("sign-in.failed");
    expect(actions).toContain("sign-in.throttled");
    expect(actions).toContain("sign-in");
    expect(entries.every((e) => e.ip === "10.0.0.1")).toBe(true);
  });
});
