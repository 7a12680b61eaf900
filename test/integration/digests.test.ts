import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Database } from "@/db/client";
import { createDigest } from "@/db/digests";
import { digestSends } from "@/db/schema";
import { addDaysIso, type IsoDate } from "@/lib/dates";
import { formatChange, formatCount } from "@/lib/digests/render";
import { sendDueDigests, sendTestDigest } from "@/lib/digests/send";
import { resetEnvCache } from "@/lib/env";
import { dailySyncTick, digestTick } from "@/lib/sync/daily";
import { safeFileName } from "@/lib/views/export-file";

import { testingOnPostgres } from "../helpers/db";
import { expectedArticles, expectedOverviewDays } from "../helpers/expected";
import { createHarness, type Harness } from "../helpers/harness";
import { startSmtpReceiver, startWebhookReceiver } from "../helpers/receivers";

/**
 * Morning digests end to end: the simulator's account synced, a digest with one destination of
 * each kind, real local receivers (an HTTP server checking Feishu/DingTalk signatures, an SMTP
 * server), every message's figures checked against the simulator's ground truth.
 */

const T0: IsoDate = "2026-03-10";
const SECRETS = { "feishu-signed": "SEC-feishu-0123456789", "ding-signed": "SEC-ding-abcdef", "feishu-wrong": "other" };

let h: Harness;
let other: Database;
let hooks: Awaited<ReturnType<typeof startWebhookReceiver>>;
let smtp: Awaited<ReturnType<typeof startSmtpReceiver>>;
let opts: Parameters<typeof sendDueDigests>[2];
const ids = { digest: 0, flaky: 0 };

/** Markdown escapes removed: the text a reader sees. */
const plain = (s: string) => s.replace(/\\(.)/g, "$1");

/** Every post's readable text, by kind. */
function textOf(post: { kind: string; body: Record<string, unknown> }): string {
  const b = post.body as {
    markdown?: { content?: string; title?: string; text?: string };
    card?: { header: { title: { content: string } }; elements: { text?: { content: string } }[] };
  };
  if (post.kind === "wecom") return plain(b.markdown!.content!);
  if (post.kind === "dingtalk") return plain(`${b.markdown!.title}\n${b.markdown!.text}`);
  return plain([b.card!.header.title.content, ...b.card!.elements.map((e) => e.text?.content ?? "")].join("\n"));
}

/** What the digest for `day` must say, straight from the ground truth (never from the database). */
function expectedLines(day: IsoDate) {
  const days = expectedOverviewDays(h.sim.truth, h.appid, addDaysIso(day, -30), day, addDaysIso(day, 1));
  const at = (d: IsoDate) => days.find((x) => x.date === d)!;
  const y = at(day);
  const before = at(addDaysIso(day, -1));
  const mean = (n: number, metric: "readers" | "sharers") => {
    const values = Array.from({ length: n }, (_, i) => at(addDaysIso(day, -1 - i))[metric]);
    return values.every((v) => v !== null) ? values.reduce((a, b) => a + b, 0) / n : null;
  };
  const lines: string[] = [];
  for (const [metric, label] of [
    ["readers", "Readers"],
    ["sharers", "Sharers"],
  ] as const) {
    const value = y[metric]!;
    const changes = [
      `vs day before ${formatChange((value - before[metric]!) / before[metric]!, "en")}`,
      `vs 7-day mean ${formatChange((value - mean(7, metric)!) / mean(7, metric)!, "en")}`,
      `vs 30-day mean ${formatChange((value - mean(30, metric)!) / mean(30, metric)!, "en")}`,
    ];
    lines.push(`${label}: ${formatCount(value, "en")} (${changes.join(", ")})`);
  }
  // Anomalies: figures more than 2σ (population) off the 28 days before.
  const anomalies: string[] = [];
  for (const metric of ["readers", "reads", "sharers", "favourites", "likes", "zaikan", "comments"] as const) {
    const window = Array.from({ length: 28 }, (_, i) => at(addDaysIso(day, -1 - i))[metric]).filter(
      (v): v is number => v !== null,
    );
    const m = window.reduce((a, b) => a + b, 0) / window.length;
    const sd = Math.sqrt(window.reduce((a, v) => a + (v - m) ** 2, 0) / window.length);
    const v = y[metric];
    if (v !== null && sd > 0 && Math.abs(v - m) / sd > 2) anomalies.push(`${formatCount(v, "en")}, `);
  }
  const sent = expectedArticles(h.sim.truth, h.appid, day, day, addDaysIso(day, 1)).sort(
    (a, b) => b.latest.readers - a.latest.readers,
  );
  return { lines, anomalies, best: sent[0], worst: sent.length > 1 ? sent.at(-1) : undefined };
}

async function sendsOf(database: Database = h.database) {
  return (await database.db.select().from(digestSends)).sort((a, b) => a.id - b.id);
}

beforeAll(async () => {
  h = await createHarness({ today: T0, latencyMs: 0 });
  other = testingOnPostgres ? await h.testDb.open() : h.database;
  hooks = await startWebhookReceiver({ secrets: SECRETS, now: () => Date.now() });
  smtp = await startSmtpReceiver();
  opts = { minBackoffMs: 5, smtpUrl: smtp.url, mailFrom: "Readout <digests@readout.test>", timeoutMs: 5_000 };
  const summary = await h.sync(addDaysIso(T0, -45), addDaysIso(T0, -1));
  expect(summary.errors).toEqual([]);
  ids.digest = await createDigest(h.database, {
    name: h.account.name,
    accountId: h.account.id,
    groupId: null,
    language: "en",
    createdBy: null,
    destinations: [
      { kind: "wecom", label: "team", url: hooks.url("wecom", "team") },
      { kind: "feishu", label: "signed", url: hooks.url("feishu", "feishu-signed"), secret: SECRETS["feishu-signed"] },
      { kind: "dingtalk", label: "signed", url: hooks.url("dingtalk", "ding-signed"), secret: SECRETS["ding-signed"] },
      { kind: "email", label: "boss", emails: ["boss@client.test", "am@agency.test"] },
    ],
  });
});

afterAll(async () => {
  await hooks?.close();
  await smtp?.close();
  await h?.close();
});

describe("morning digests", () => {
  it("sends yesterday's digest to every destination once figures are final, figures as WeChat has them", async () => {
    const outcomes = await sendDueDigests(h.database, T0, opts);
    expect(outcomes).toEqual([{ digestId: ids.digest, state: "checked", sent: 4, failed: 0, skipped: 0 }]);
    const day = addDaysIso(T0, -1);
    const want = expectedLines(day);

    expect(hooks.posts.map((p) => [p.kind, p.signatureOk])).toEqual([
      ["wecom", null],
      ["feishu", true],
      ["dingtalk", true],
    ]);
    expect((hooks.posts[0]!.body as { msgtype: string }).msgtype).toBe("markdown");
    expect((hooks.posts[1]!.body as { msg_type: string }).msg_type).toBe("interactive");
    expect(smtp.mails).toHaveLength(1);
    const mail = smtp.mails[0]!;
    expect(mail.user).toBe("digest");
    expect(mail.to.sort()).toEqual(["am@agency.test", "boss@client.test"]);
    const csv = mail.mail.attachments.find((a) => a.filename === `${safeFileName(h.account.name)}-digest-${day}.csv`);
    expect(csv?.contentType).toBe("text/csv");

    const texts = [...hooks.posts.map(textOf), mail.mail.text ?? "", (mail.mail.html || "").replace(/<[^>]+>/g, "\n")];
    for (const text of texts) {
      expect(text).toContain(`${h.account.name} · morning digest for ${day}`);
      for (const line of want.lines) expect(text).toContain(line);
      if (want.best) {
        expect(text).toContain(`Best: “${want.best.title}”`);
        expect(text).toContain(`${formatCount(want.best.latest.readers, "en")} readers`);
      } else expect(text).toContain("No article was sent yesterday.");
      if (want.worst) expect(text).toContain(`Weakest: “${want.worst.title}”`);
      if (want.anomalies.length === 0) expect(text).toContain("None: every figure within 2σ");
      for (const a of want.anomalies) expect(text).toContain(a);
    }

    // The CSV: BOM, raw numbers, yesterday's readers as the ground truth has them.
    const raw = csv!.content.toString("utf8");
    expect(raw.startsWith("\uFEFFMetric,Yesterday,Day before")).toBe(true);
    const truthDay = expectedOverviewDays(h.sim.truth, h.appid, day, day, T0)[0]!;
    expect(raw).toContain(`Readers,${truthDay.readers},`);

    const sends = await sendsOf();
    expect(sends.map((s) => [s.day, s.status, s.attempts, s.lastError])).toEqual(
      Array.from({ length: 4 }, () => [day, "sent", 1, null]),
    );
    expect(sends.every((s) => s.sentAt instanceof Date)).toBe(true);
  });

  it("a second check the same day, from either instance, sends nothing again", async () => {
    const before = hooks.posts.length;
    const outcomes = await Promise.all([sendDueDigests(h.database, T0, opts), sendDueDigests(other, T0, opts)]);
    expect(outcomes.flat().map((o) => [o.sent, o.skipped])).toEqual([
      [0, 4],
      [0, 4],
    ]);
    expect(hooks.posts.length).toBe(before);
    expect(smtp.mails).toHaveLength(1);
    expect(await sendsOf()).toHaveLength(4);
  });

  it("waits while yesterday is not final, then two instances at once send each destination exactly once", async () => {
    const t1 = addDaysIso(T0, 1);
    h.setToday(t1);
    expect(await sendDueDigests(h.database, t1, opts)).toEqual([
      { digestId: ids.digest, state: "waiting", sent: 0, failed: 0, skipped: 0 },
    ]);
    const before = hooks.posts.length;
    await h.sync(T0, T0);
    const outcomes = await Promise.all([sendDueDigests(h.database, t1, opts), sendDueDigests(other, t1, opts)]);
    expect(outcomes.flat().reduce((n, o) => n + o.sent, 0)).toBe(4);
    expect(outcomes.flat().reduce((n, o) => n + o.skipped, 0)).toBe(4);
    const posts = hooks.posts.slice(before);
    expect(posts.map((p) => p.hook).sort()).toEqual(["ding-signed", "feishu-signed", "team"]);
    expect(smtp.mails).toHaveLength(2);
    for (const line of expectedLines(T0).lines) expect(textOf(posts[0]!)).toContain(line);
    expect((await sendsOf()).filter((s) => s.day === T0)).toHaveLength(4);
  });

  it("a receiver that fails twice and then succeeds: sent on the third attempt, recorded", async () => {
    const { addDestination } = await import("@/db/digests");
    ids.flaky = await addDestination(h.database, ids.digest, {
      kind: "wecom",
      label: "flaky",
      url: hooks.url("wecom", "flaky"),
    });
    hooks.failNext("flaky", 2);
    const t1 = addDaysIso(T0, 1);
    // Same day as before: only the new destination is due.
    const [outcome] = await sendDueDigests(h.database, t1, opts);
    expect(outcome).toMatchObject({ sent: 1, failed: 0, skipped: 4 });
    const row = (await sendsOf()).find((s) => s.destinationId === ids.flaky)!;
    expect(row).toMatchObject({ day: T0, status: "sent", attempts: 3, lastError: null });
    expect(hooks.posts.filter((p) => p.hook === "flaky")).toHaveLength(1);
  });

  it("a wrong Feishu secret is refused by the receiver: recorded as failed with WeChat-side text, not retried", async () => {
    const { addDestination } = await import("@/db/digests");
    const wrong = await addDestination(h.database, ids.digest, {
      kind: "feishu",
      label: "wrong secret",
      url: hooks.url("feishu", "feishu-wrong"),
      secret: "not-the-receivers-secret",
    });
    const [outcome] = await sendDueDigests(h.database, addDaysIso(T0, 1), opts);
    expect(outcome).toMatchObject({ sent: 0, failed: 1 });
    const row = (await sendsOf()).find((s) => s.destinationId === wrong)!;
    expect(row.status).toBe("failed");
    expect(row.attempts).toBe(1);
    expect(row.lastError).toContain("19021");
    expect(hooks.posts.filter((p) => p.hook === "feishu-wrong").map((p) => p.signatureOk)).toEqual([false]);
  });

  it("Send test posts a marked message to one destination and does not count as the day's send", async () => {
    const before = (await sendsOf()).length;
    const result = await sendTestDigest(h.database, ids.flaky, addDaysIso(T0, 1), opts);
    expect(result).toEqual({ ok: true });
    const last = hooks.posts.at(-1)!;
    expect(last.hook).toBe("flaky");
    expect(textOf(last)).toContain(`[Test] ${h.account.name} · morning digest for ${T0}`);
    expect((await sendsOf()).length).toBe(before);
  });

  it("the daily sync's tick sends the digests once it has brought yesterday in, and not again on later ticks", async () => {
    const t2 = addDaysIso(T0, 2);
    h.setToday(t2);
    process.env.SMTP_URL = smtp.url;
    resetEnvCache();
    try {
      const before = hooks.posts.length;
      const mails = smtp.mails.length;
      const outcome = await dailySyncTick(h.ctx, { hour: 8, concurrency: 4 });
      expect(outcome).toMatchObject({ ran: true, day: t2, errors: 0 });
      const checkedAt = await digestTick(h.ctx, outcome, 0, () => {});
      expect(checkedAt).toBeGreaterThan(0);
      const fresh = hooks.posts.slice(before);
      // team, feishu-signed, ding-signed, flaky (wecom) and the wrong-secret feishu hook (refused again).
      expect(fresh.map((p) => p.hook).sort()).toEqual([
        "ding-signed",
        "feishu-signed",
        "feishu-wrong",
        "flaky",
        "team",
      ]);
      expect(smtp.mails.length).toBe(mails + 1);
      for (const line of expectedLines(addDaysIso(t2, -1)).lines) expect(textOf(fresh[0]!)).toContain(line);
      // A later tick the same day (sync done) within 15 minutes does not even check.
      const again = await dailySyncTick(h.ctx, { hour: 8, concurrency: 4 });
      expect(again).toMatchObject({ ran: false, why: "done" });
      expect(await digestTick(h.ctx, again, checkedAt, () => {})).toBe(checkedAt);
      expect(hooks.posts.length).toBe(before + 5);
    } finally {
      delete process.env.SMTP_URL;
      resetEnvCache();
    }
  });
});
