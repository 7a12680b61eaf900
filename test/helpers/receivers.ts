import { createHmac } from "node:crypto";
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";

import { type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

/**
 * Local stand-ins for the chat robots and a mail server. The signature checks are written here
 * from the vendors' documentation, independently of lib/digests, so a wrong signature in the
 * app fails the test instead of agreeing with itself.
 */

export interface WebhookPost {
  /** The hook's name: the path after /<kind>/. */
  hook: string;
  kind: "wecom" | "feishu" | "dingtalk";
  query: URLSearchParams;
  body: Record<string, unknown>;
  /** null: no secret configured for the hook, so nothing to check. */
  signatureOk: boolean | null;
  at: number;
}

/** Feishu: base64(HMAC-SHA256 with key "timestamp\nsecret" over empty data), timestamp in seconds. */
const feishuExpected = (timestamp: string, secret: string) =>
  createHmac("sha256", `${timestamp}\n${secret}`).digest("base64");
/** DingTalk: base64(HMAC-SHA256 with key secret over "timestamp\nsecret"), timestamp in ms, URL-encoded. */
const dingtalkExpected = (timestamp: string, secret: string) =>
  createHmac("sha256", secret).update(`${timestamp}\n${secret}`).digest("base64");

const readBody = (req: IncomingMessage) =>
  new Promise<string>((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });

export async function startWebhookReceiver(
  opts: { secrets?: Record<string, string>; now?: () => number; port?: number } = {},
) {
  const posts: WebhookPost[] = [];
  const failures = new Map<string, number>();
  const now = opts.now ?? (() => Date.now());
  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? "/", "http://x");
      const [, kind, hook = ""] = url.pathname.split("/") as [string, WebhookPost["kind"], string?];
      const raw = await readBody(req);
      const left = failures.get(hook) ?? 0;
      if (left > 0) {
        failures.set(hook, left - 1);
        res.writeHead(502, { "content-type": "text/plain" }).end("bad gateway");
        return;
      }
      const body = JSON.parse(raw) as Record<string, unknown>;
      const secret = opts.secrets?.[hook];
      let signatureOk: boolean | null = null;
      if (secret && kind === "feishu") {
        const ts = typeof body.timestamp === "string" ? body.timestamp : "";
        signatureOk = body.sign === feishuExpected(ts, secret) && Math.abs(Number(ts) * 1000 - now()) < 3_600_000;
      }
      if (secret && kind === "dingtalk") {
        const ts = url.searchParams.get("timestamp") ?? "";
        signatureOk =
          url.searchParams.get("sign") === dingtalkExpected(ts, secret) && Math.abs(Number(ts) - now()) < 3_600_000;
      }
      posts.push({ hook, kind, query: url.searchParams, body, signatureOk, at: Date.now() });
      const json = (o: unknown) => res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(o));
      if (signatureOk === false)
        return kind === "feishu"
          ? json({ code: 19021, msg: "sign match fail or timestamp is not within one hour from current time" })
          : json({ errcode: 310000, errmsg: "sign not match" });
      return kind === "feishu" ? json({ code: 0, msg: "success", data: {} }) : json({ errcode: 0, errmsg: "ok" });
    })().catch((error: unknown) => {
      res.writeHead(400).end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    posts,
    url: (kind: WebhookPost["kind"], hook: string) => `${base}/${kind}/${hook}`,
    /** The next n posts to this hook answer HTTP 502. */
    failNext: (hook: string, n: number) => failures.set(hook, n),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export interface ReceivedMail {
  from: string;
  to: string[];
  user: string | undefined;
  mail: ParsedMail;
}

/** An SMTP server on 127.0.0.1 (smtp-server) that requires user/pass and keeps every message, parsed. */
export async function startSmtpReceiver(auth = { user: "digest", pass: "s3cret-pass" }) {
  const mails: ReceivedMail[] = [];
  const server = new SMTPServer({
    disabledCommands: ["STARTTLS"],
    allowInsecureAuth: true,
    logger: false,
    onAuth(a, _session, cb) {
      if (a.username === auth.user && a.password === auth.pass) cb(null, { user: a.username });
      else cb(new Error("Invalid username or password"));
    },
    onData(stream, session, cb) {
      simpleParser(stream)
        .then((mail) => {
          mails.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
            to: session.envelope.rcptTo.map((r) => r.address),
            user: session.user as string | undefined,
            mail,
          });
          cb();
        })
        .catch((error: Error) => cb(error));
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    mails,
    url: `smtp://${auth.user}:${auth.pass}@127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
