import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import { createAccount } from "@/db/accounts";
import type { Database } from "@/db/client";
import type { SessionUser } from "@/lib/auth/access";
import { createUser } from "@/lib/users/manage";

import { createTestDatabase, type TestDatabase } from "../helpers/db";

/**
 * Issue 9's fuzz: generated query strings against every view and export route and generated
 * arguments against every server action, anonymous and signed in. Every answer is 2xx or 4xx and
 * carries no stack. 1,200 inputs (fast-check; a failure prints the shrunk input and the seed).
 */
const session = vi.hoisted(() => ({ user: null as SessionUser | null, database: null as unknown }));
vi.mock("@/lib/auth/session", () => ({ currentUser: async () => session.user }));
vi.mock("@/db/client", async (original) => ({
  ...(await original<typeof import("@/db/client")>()),
  getDatabase: async () => session.database,
}));
vi.mock("@/lib/i18n/server", () => ({ getT: async () => (id: string) => id, getLocale: async () => "en" }));
// Nothing may reach WeChat from a fuzzed sync or connection test.
vi.mock("@/lib/sync/context", () => ({
  getSyncContext: async () => {
    throw Object.assign(new Error("no WeChat in the fuzz test"), { fuzz: true });
  },
}));

const { VIEWS } = await import("@/lib/views");
const { viewRoute, exportRoute } = await import("@/lib/views/routes");
const ACTION_MODULES = {
  accounts: await import("@/lib/actions/accounts"),
  sync: await import("@/lib/actions/sync"),
  users: await import("@/lib/actions/users"),
  password: await import("@/lib/actions/password"),
};
const ACTIONS = Object.entries(ACTION_MODULES).flatMap(([mod, m]) =>
  Object.entries(m as Record<string, unknown>)
    .filter(([, f]) => typeof f === "function")
    .map(([name, f]) => [`${mod}.${name}`, f as (input: unknown) => Promise<unknown>] as const),
);

let testDb: TestDatabase;
let database: Database;
let viewer: SessionUser;
let admin: SessionUser;
const VIEW_NAMES = Object.keys(VIEWS);

beforeAll(async () => {
  testDb = await createTestDatabase();
  database = await testDb.open();
  session.database = database;
  const account = await createAccount(database, {
    authType: "classic",
    name: "Fuzz",
    appid: "wxfuzz0000000001",
    secret: "s",
  });
  const a = await createUser(database, { email: "fa@t.test", role: "admin", password: "password-fa" });
  const v = await createUser(database, {
    email: "fv@t.test",
    role: "viewer",
    password: "password-fv",
    accountIds: [account.id],
  });
  admin = { id: a.id, email: a.email, name: "", role: "admin", accountIds: [account.id] };
  viewer = { id: v.id, email: v.email, name: "", role: "viewer", accountIds: [account.id] };
});
afterAll(async () => {
  await testDb?.drop();
});

const who = fc.constantFrom<"anonymous" | "viewer" | "admin">("anonymous", "viewer", "admin", "admin");
const signIn = (w: "anonymous" | "viewer" | "admin") => {
  session.user = w === "anonymous" ? null : w === "viewer" ? viewer : admin;
};

const dateLike = fc.oneof(
  fc
    .date({ min: new Date("0001-01-01"), max: new Date("9999-12-31"), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10)),
  fc.constantFrom("0100-01-01", "0099-12-31", "2026-02-30", "2026-11-01", "yesterday", "", "2026-1-1"),
  fc.string(),
);
const value = fc.oneof(
  dateLike,
  fc.integer().map(String),
  fc.constantFrom("1", "0", "-1", "1e9", "NaN", "csv", "xlsx", "zh", "en", "1:abc_1", "%", "\u0000", "../../etc"),
  fc.string({ unit: "grapheme" }),
  fc.string({ unit: "binary", maxLength: 300 }),
);
const KEYS = ["account", "from", "to", "msgid", "a", "format", "lang", "table", "page", "sort", "q", "view", "x"];
const query = fc.array(fc.tuple(fc.oneof(fc.constantFrom(...KEYS), fc.string()), value), { maxLength: 8 });
const viewName = fc.oneof({ weight: 9, arbitrary: fc.constantFrom(...VIEW_NAMES) }, fc.string());

const STACK = /\n\s+at |Error: .*\n/;

async function expectClean(response: Response, label: string) {
  const body = await response.text();
  expect(response.status, label).toBeGreaterThanOrEqual(200);
  expect(response.status, `${label}: ${body.slice(0, 300)}`).toBeLessThan(500);
  expect(body, label).not.toMatch(STACK);
}

describe("fuzz: only 2xx/4xx, never a stack", () => {
  it("view and export routes (800 generated requests)", async () => {
    await fc.assert(
      fc.asyncProperty(who, fc.boolean(), viewName, query, async (w, isExport, name, pairs) => {
        signIn(w);
        const params = new URLSearchParams();
        for (const [k, v] of pairs) params.append(k, v);
        const url = `http://127.0.0.1/api/${isExport ? "export" : "views"}/${encodeURIComponent(name)}?${params}`;
        const route = isExport ? exportRoute : viewRoute;
        const response = await route(new Request(url), { params: Promise.resolve({ view: name }) });
        await expectClean(response, `${w} ${url}`);
      }),
      { numRuns: 800 },
    );
  });

  it(`every server action (${ACTIONS.length} of them; 400 generated calls)`, async () => {
    const errorsLogged = vi.spyOn(console, "error");
    await fc.assert(
      fc.asyncProperty(
        who,
        fc.constantFrom(...ACTIONS),
        fc.oneof(fc.anything(), fc.object(), fc.record({ accountId: fc.integer(), id: fc.integer() })),
        async (w, [name, action], input) => {
          signIn(w);
          const result = (await action(input)) as { ok: boolean; error?: { code: string; message: string } };
          const label = `${w} ${name}(${JSON.stringify(input)?.slice(0, 200)})`;
          if (!result.ok) {
            // Our fake sync context refuses: that one is the only internal error allowed.
            expect(["unauthorized", "forbidden", "not_found", "invalid", "conflict", "internal"], label).toContain(
              result.error!.code,
            );
            expect(result.error!.message, label).not.toMatch(STACK);
          }
        },
      ),
      { numRuns: 400 },
    );
    const internal = errorsLogged.mock.calls.filter((c) => !String(c[1]).includes("no WeChat in the fuzz test"));
    expect(internal.map((c) => String(c[1]))).toEqual([]);
    errorsLogged.mockRestore();
  });
});
