import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import { createAccount } from "@/db/accounts";
import type { Database } from "@/db/client";
import { createDigest } from "@/db/digests";
import { createGroup, deleteGroup } from "@/db/groups";
import { digestDestinations, digests, users } from "@/db/schema";
import type { SessionUser } from "@/lib/auth/access";

import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { startWebhookReceiver } from "../helpers/receivers";

/**
 * Digest actions against anonymous, viewer, manager and admin: viewers are refused everything,
 * managers reach only digests of their own accounts, and nothing answers a URL or a secret.
 */
const session = vi.hoisted(() => ({ user: null as SessionUser | null, database: null as unknown }));
vi.mock("@/lib/auth/session", () => ({ currentUser: async () => session.user }));
vi.mock("@/db/client", async (original) => ({
  ...(await original<typeof import("@/db/client")>()),
  getDatabase: async () => session.database,
}));
vi.mock("@/lib/i18n/server", () => ({ getT: async () => (id: string) => id, getLocale: async () => "en" }));

const actions = await import("@/lib/actions/digests");
const { listDigestsFor } = await import("@/lib/digests/manage");

let testDb: TestDatabase;
let database: Database;
let hooks: Awaited<ReturnType<typeof startWebhookReceiver>>;
const userIds: Record<string, number> = {};
const ids = { a: [] as number[], digestOwn: 0, digestOther: 0, destOwn: 0, destOther: 0 };

const user = (role: SessionUser["role"], accountIds: number[]): SessionUser => ({
  id: userIds[role] ?? 0,
  email: `${role}@t.test`,
  name: "",
  role,
  accountIds,
});
const who = () => ({
  anonymous: null,
  viewer: user("viewer", [ids.a[0]!]),
  manager: user("manager", [ids.a[0]!]),
  admin: user("admin", [...ids.a]),
});

const WECOM = "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=SECRET-KEY-1";

beforeAll(async () => {
  testDb = await createTestDatabase();
  database = await testDb.open();
  session.database = database;
  hooks = await startWebhookReceiver();
  for (const role of ["viewer", "manager", "admin"] as const) {
    const [row] = await database.db
      .insert(users)
      .values({ email: `${role}@t.test`, role, passwordHash: "not-a-login" })
      .returning({ id: users.id });
    userIds[role] = row!.id;
  }
  for (const n of [1, 2]) {
    const a = await createAccount(database, {
      authType: "classic",
      name: `A${n}`,
      appid: `wxdigest0000000${n}`,
      secret: "s",
    });
    ids.a.push(a.id);
  }
  const make = (accountId: number) =>
    createDigest(database, {
      name: `D${accountId}`,
      accountId,
      groupId: null,
      language: "zh",
      createdBy: null,
      destinations: [{ kind: "wecom", label: "t", url: hooks.url("wecom", `d${accountId}`) }],
    });
  ids.digestOwn = await make(ids.a[0]!);
  ids.digestOther = await make(ids.a[1]!);
  const dests = await database.db.select().from(digestDestinations);
  ids.destOwn = dests.find((d) => d.digestId === ids.digestOwn)!.id;
  ids.destOther = dests.find((d) => d.digestId === ids.digestOther)!.id;
});

afterAll(async () => {
  await hooks?.close();
  await testDb?.drop();
});

const count = async () => ({
  digests: (await database.db.select().from(digests)).length,
  destinations: (await database.db.select().from(digestDestinations)).length,
});

describe("digest actions: who may do what", () => {
  it("refuses anonymous, viewers everywhere, managers outside their accounts, and changes nothing", async () => {
    const before = await count();
    const newDigest = (accountId: number) => ({ name: "x", accountId, language: "en" as const, destinations: [] });
    const cases: [
      keyof ReturnType<typeof who>,
      string,
      () => Promise<{ ok: boolean; error?: { code: string } }>,
      string,
    ][] = [
      ["anonymous", "create", () => actions.createDigest(newDigest(ids.a[0]!)), "unauthorized"],
      ["viewer", "create own", () => actions.createDigest(newDigest(ids.a[0]!)), "forbidden"],
      ["viewer", "delete own", () => actions.deleteDigest({ digestId: ids.digestOwn }), "not_found"],
      ["viewer", "send test own", () => actions.sendTestDigest({ destinationId: ids.destOwn }), "not_found"],
      [
        "viewer",
        "add destination own",
        () =>
          actions.addDestination({ digestId: ids.digestOwn, destination: { kind: "wecom", label: "", url: WECOM } }),
        "not_found",
      ],
      ["manager", "create other", () => actions.createDigest(newDigest(ids.a[1]!)), "not_found"],
      ["manager", "delete other", () => actions.deleteDigest({ digestId: ids.digestOther }), "not_found"],
      [
        "manager",
        "remove other's destination",
        () => actions.removeDestination({ destinationId: ids.destOther }),
        "not_found",
      ],
      ["manager", "send test other", () => actions.sendTestDigest({ destinationId: ids.destOther }), "not_found"],
      [
        "manager",
        "add destination to other",
        () =>
          actions.addDestination({ digestId: ids.digestOther, destination: { kind: "wecom", label: "", url: WECOM } }),
        "not_found",
      ],
      [
        "manager",
        "webhook to an internal host",
        () =>
          actions.addDestination({
            digestId: ids.digestOwn,
            destination: { kind: "wecom", label: "", url: "http://169.254.169.254/latest/meta-data" },
          }),
        "invalid",
      ],
    ];
    for (const [role, name, call, code] of cases) {
      session.user = who()[role];
      const result = await call();
      expect(result.ok, `${role}: ${name}`).toBe(false);
      expect(result.error?.code, `${role}: ${name}`).toBe(code);
    }
    expect(await count()).toEqual(before);
    expect(hooks.posts).toEqual([]);
  });

  it("a manager creates, lists, tests and edits digests of their own account; secrets never come back", async () => {
    session.user = who().manager;
    const created = await actions.createDigest({
      name: "Morning",
      accountId: ids.a[0]!,
      language: "en",
      destinations: [
        {
          kind: "dingtalk",
          label: "ops",
          url: "https://oapi.dingtalk.com/robot/send?access_token=TOKEN-9",
          secret: "SEC-1",
        },
        { kind: "email", label: "boss", emails: ["boss@client.test"] },
      ],
    });
    expect(created.ok).toBe(true);
    const list = await listDigestsFor(database, who().manager);
    expect(list.map((d) => d.accountId)).toEqual([ids.a[0], ids.a[0]]);
    expect(JSON.stringify(list)).not.toMatch(/TOKEN-9|SEC-1|key=/);
    const mine = list.find((d) => d.name === "Morning")!;
    expect(mine.destinations.map((d) => [d.kind, d.signed])).toEqual([
      ["dingtalk", true],
      ["email", false],
    ]);
    // Stored sealed: the database holds no plain webhook token either.
    const stored = await database.db.select().from(digestDestinations);
    expect(JSON.stringify(stored)).not.toMatch(/TOKEN-9|SEC-1/);

    const test = await actions.sendTestDigest({ destinationId: ids.destOwn });
    expect(test).toEqual({ ok: true, data: { ok: true } });
    expect(hooks.posts.map((p) => p.hook)).toEqual([`d${ids.a[0]}`]);

    const removed = await actions.removeDestination({ destinationId: mine.destinations[1]!.id });
    expect(removed.ok).toBe(true);
    expect((await actions.deleteDigest({ digestId: mine.id })).ok).toBe(true);
    expect((await listDigestsFor(database, who().manager)).map((d) => d.id)).toEqual([ids.digestOwn]);
  });

  it("an admin sees and manages every digest", async () => {
    session.user = who().admin;
    expect((await listDigestsFor(database, who().admin)).map((d) => d.id).sort()).toEqual(
      [ids.digestOwn, ids.digestOther].sort(),
    );
    const added = await actions.addDestination({
      digestId: ids.digestOther,
      destination: { kind: "feishu", label: "", url: "https://open.feishu.cn/open-apis/bot/v2/hook/abc" },
    });
    expect(added.ok).toBe(true);
  });

  it("a group digest: admins only, for a group that exists, named by the group; one scope at a time", async () => {
    const { id: groupId } = await createGroup(database, { name: "Client G", accountIds: [...ids.a] });
    const input = { name: "Group morning", groupId, language: "zh" as const, destinations: [] };
    const before = await count();
    const refusal = async (i: Parameters<typeof actions.createDigest>[0]) => {
      const result = await actions.createDigest(i);
      return result.ok ? "ok" : result.error.code;
    };
    session.user = who().manager;
    expect(await refusal(input)).toBe("forbidden");
    session.user = who().admin;
    expect(await refusal({ ...input, groupId: groupId + 100 })).toBe("not_found");
    expect(await refusal({ ...input, accountId: ids.a[0]! })).toBe("invalid");
    expect(await refusal({ ...input, groupId: undefined })).toBe("invalid");
    expect(await count()).toEqual(before);

    const created = await actions.createDigest(input);
    expect(created.ok).toBe(true);
    const listed = (await listDigestsFor(database, who().admin)).find((d) => d.name === "Group morning")!;
    expect(listed).toMatchObject({ accountId: null, groupId, groupName: "Client G" });
    // Managers never see a group digest, even of a group holding their account.
    expect((await listDigestsFor(database, who().manager)).map((d) => d.name)).not.toContain("Group morning");

    // Deleting the group deletes its digest (it could no longer run).
    await deleteGroup(database, groupId);
    expect((await listDigestsFor(database, who().admin)).map((d) => d.name)).not.toContain("Group morning");
    expect(await count()).toEqual(before);
  });
});
