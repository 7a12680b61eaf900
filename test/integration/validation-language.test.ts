import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import { createAccount } from "@/db/accounts";
import type { SessionUser } from "@/lib/auth/access";
import type { Locale } from "@/lib/i18n/locales";
import { createUser } from "@/lib/users/manage";
import { compareSchema } from "@/lib/views/article-params";

import { createTestDatabase, type TestDatabase } from "../helpers/db";

/**
 * The one error shape in the reader's language: zod's own messages (its zh-CN locale), the app's
 * validation messages and the errors raised after validation, from server actions and from the
 * data and export routes. English stays the default (the other tests assert English).
 */
const state = vi.hoisted(() => ({
  user: null as SessionUser | null,
  database: null as unknown,
  locales: [] as Locale[],
}));
vi.mock("@/lib/auth/session", () => ({ currentUser: async () => state.user }));
vi.mock("@/db/client", async (original) => ({
  ...(await original<typeof import("@/db/client")>()),
  getDatabase: async () => state.database,
}));
// Each request asks for its locale once, as it starts: the queue hands them out in call order.
vi.mock("@/lib/i18n/server", () => ({ getLocale: async () => state.locales.shift() ?? "en" }));

const syncActions = await import("@/lib/actions/sync");
const userActions = await import("@/lib/actions/users");
const { exportRoute, viewRoute } = await import("@/lib/views/routes");

let testDb: TestDatabase;
const ids = { account: 0, admin: 0 };
const admin = (): SessionUser => ({
  id: ids.admin,
  email: "a@t.test",
  name: "",
  role: "admin",
  accountIds: [ids.account],
});

/** Runs `call` as a reader of `locale`. */
async function as<T>(locale: Locale, call: () => Promise<T>): Promise<T> {
  state.locales.push(locale);
  return call();
}

beforeAll(async () => {
  testDb = await createTestDatabase();
  state.database = await testDb.open();
  const db = state.database as Awaited<ReturnType<TestDatabase["open"]>>;
  ids.account = (
    await createAccount(db, { authType: "classic", name: "Account", appid: "wxlocale000000001", secret: "s" })
  ).id;
  ids.admin = (await createUser(db, { email: "a@t.test", role: "admin", password: "password-a" })).id;
  state.user = admin();
});

afterAll(async () => {
  await testDb?.drop();
});

const badDate = () => syncActions.backfill({ accountId: ids.account, from: "2026-02-30", to: "2026-03-01" });

describe("server actions answer in the reader's language", () => {
  it("the app's own validation messages", async () => {
    expect(await as("zh", badDate)).toEqual({
      ok: false,
      error: {
        code: "invalid",
        message: "输入有误。from：日期须写作 YYYY-MM-DD",
        fields: { from: ["日期须写作 YYYY-MM-DD"] },
      },
    });
    expect(await as("en", badDate)).toEqual({
      ok: false,
      error: {
        code: "invalid",
        message: "Invalid input. from: must be a date written YYYY-MM-DD",
        fields: { from: ["must be a date written YYYY-MM-DD"] },
      },
    });
    const early = await as("zh", () =>
      syncActions.backfill({ accountId: ids.account, from: "2014-11-30", to: "2014-12-05" }),
    );
    expect(early).toMatchObject({ error: { fields: { from: ["微信没有 2014-12-01 之前的数据"] } } });
  });

  it("zod's own messages, from its zh-CN locale, beside the app's", async () => {
    const result = await as("zh", () =>
      userActions.createUser({ email: "not-an-email", role: "boss" as "admin", password: "short" }),
    );
    expect(result.ok).toBe(false);
    const fields = result.ok ? {} : (result.error.fields ?? {});
    expect(fields.email).toEqual(["请输入邮箱地址"]);
    expect(fields.password).toEqual(["至少 10 个字符"]);
    expect(fields.role?.[0]).toMatch(/^无效选项/);
    const english = await as("en", () =>
      userActions.createUser({ email: "not-an-email", role: "boss" as "admin", password: "short" }),
    );
    expect(english).toMatchObject({ error: { fields: { role: [expect.stringMatching(/^Invalid option/)] } } });
  });

  it("errors raised after validation: session, role, rules", async () => {
    state.user = null;
    expect(await as("zh", badDate)).toMatchObject({ error: { code: "unauthorized", message: "请先登录。" } });
    state.user = { ...admin(), role: "viewer" };
    expect(await as("zh", () => userActions.deleteUser({ id: ids.admin }))).toMatchObject({
      error: { code: "forbidden", message: "只有管理员可以这样做。" },
    });
    state.user = admin();
    expect(await as("zh", () => userActions.deleteUser({ id: ids.admin }))).toMatchObject({
      error: { code: "conflict", message: "不能删除自己的账号。" },
    });
    expect(await as("en", () => userActions.deleteUser({ id: ids.admin }))).toMatchObject({
      error: { code: "conflict", message: "You cannot delete your own user." },
    });
    expect(await as("zh", () => syncActions.syncNow({ accountId: ids.account + 100 }))).toMatchObject({
      error: { code: "not_found", message: "没有这个公众号。" },
    });
  });

  it("concurrent requests in both languages each get their own, and a parse outside a request stays English", async () => {
    const locales: Locale[] = Array.from({ length: 12 }, (_, i) => (i % 2 ? "en" : "zh"));
    const results = await Promise.all(locales.map((l) => as(l, badDate)));
    expect(results.map((r) => (r.ok ? "" : r.error.fields?.from?.[0]))).toEqual(
      locales.map((l) => (l === "zh" ? "日期须写作 YYYY-MM-DD" : "must be a date written YYYY-MM-DD")),
    );
    expect(compareSchema.safeParse({ a: "1:5_1" }).error?.issues[0]?.message).toMatch(/^choose 2 to 8/);
  });
});

describe("data and export routes answer in the reader's language", () => {
  const get = (route: typeof viewRoute, view: string, query: string) =>
    route(new Request(`http://readout.test/api/views/${view}?${query}`), { params: Promise.resolve({ view }) });
  const body = async (response: Response) =>
    ((await response.json()) as { error: { code: string; message: string; fields?: Record<string, string[]> } }).error;

  it("validation of the query string", async () => {
    const query = () => `account=${ids.account}&from=2026-02-30&to=2026-03-01`;
    const zh = await as("zh", () => get(viewRoute, "overview", query()));
    expect(zh.status).toBe(400);
    expect(await body(zh)).toEqual({
      code: "invalid",
      message: "输入有误。from：日期须写作 YYYY-MM-DD",
      fields: { from: ["日期须写作 YYYY-MM-DD"] },
    });
    const en = await as("en", () => get(viewRoute, "overview", query()));
    expect((await body(en)).message).toBe("Invalid input. from: must be a date written YYYY-MM-DD");

    const range = `account=${ids.account}&from=2026-03-01&to=2026-02-01`;
    expect((await body(await as("zh", () => get(viewRoute, "overview", range)))).fields).toEqual({
      from: ["开始日期不能晚于结束日期"],
    });
    const format = await as("zh", () =>
      get(exportRoute, "overview", `account=${ids.account}&from=2026-02-01&to=2026-02-02&format=pdf`),
    );
    expect(format.status).toBe(400);
    expect((await body(format)).fields?.format?.[0]).toMatch(/^无效选项/);
  });

  it("an unknown view and an unknown table", async () => {
    const unknown = await as("zh", () => get(viewRoute, "nope", ""));
    expect(unknown.status).toBe(404);
    expect(await body(unknown)).toEqual({ code: "not_found", message: "没有名为“nope”的数据视图。" });
    const table = await as("en", () =>
      get(exportRoute, "overview", `account=${ids.account}&from=2026-02-01&to=2026-02-02&format=csv&table=x`),
    );
    expect(await body(table)).toEqual({ code: "not_found", message: 'This view has no table "x".' });
  });
});
