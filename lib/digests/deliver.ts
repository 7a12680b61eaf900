import "server-only";

import { createHmac } from "node:crypto";

import nodemailer from "nodemailer";
import pRetry, { AbortError } from "p-retry";

import type { DestinationKind } from "@/db/schema";

import { csvFileName, figuresCsv } from "./attachment";
import type { DigestContent } from "./content";
import { digestText, dingtalkMarkdown, emailHtml, emailText, feishuCard, wecomMarkdown } from "./render";

/** Where one digest goes, secrets opened (server only). */
export interface Destination {
  kind: DestinationKind;
  url: string | null;
  secret: string | null;
  emails: string[];
}

export interface DeliveryOptions {
  /** SMTP server for email destinations: smtp(s)://user:pass@host:port. */
  smtpUrl?: string;
  mailFrom?: string;
  /** Attempts in all (first try + retries). */
  attempts?: number;
  /** First backoff; doubles each retry (with jitter). */
  minBackoffMs?: number;
  timeoutMs?: number;
  /** Clock for signatures (tests). */
  now?: () => Date;
}

export class DeliveryError extends Error {
  constructor(
    message: string,
    readonly attempts: number,
  ) {
    super(message);
    this.name = "DeliveryError";
  }
}

/** Feishu/Lark: base64(HMAC-SHA256 keyed by "timestamp\nsecret" over an empty message); timestamp in seconds. */
export function feishuSign(timestampSeconds: number, secret: string): string {
  return createHmac("sha256", `${timestampSeconds}\n${secret}`).update("").digest("base64");
}

/** DingTalk: base64(HMAC-SHA256 keyed by the secret over "timestamp\nsecret"); timestamp in milliseconds. */
export function dingtalkSign(timestampMs: number, secret: string): string {
  return createHmac("sha256", secret).update(`${timestampMs}\n${secret}`).digest("base64");
}

/** Answer codes the robots use for "busy / too many requests, try again". */
const TRANSIENT_CODES = new Set([-1, 45009, 130101, 9499, 11232]);

/** Sends one digest to one destination, retried with exponential backoff; resolves to the attempts it took. */
export async function deliver(
  destination: Destination,
  content: DigestContent,
  opts: DeliveryOptions & { test?: boolean } = {},
): Promise<{ attempts: number }> {
  const text = digestText(content, { test: opts.test });
  const once = prepare(destination, content, text, opts);
  let attempts = 0;
  try {
    await pRetry(
      async () => {
        attempts++;
        await once();
      },
      {
        retries: (opts.attempts ?? 4) - 1,
        minTimeout: opts.minBackoffMs ?? 2_000,
        factor: 2,
        randomize: true,
      },
    );
    return { attempts };
  } catch (error) {
    throw new DeliveryError(error instanceof Error ? error.message : String(error), attempts);
  }
}

function prepare(
  d: Destination,
  content: DigestContent,
  text: ReturnType<typeof digestText>,
  opts: DeliveryOptions,
): () => Promise<void> {
  const now = opts.now ?? (() => new Date());
  const timeoutMs = opts.timeoutMs ?? 15_000;
  switch (d.kind) {
    case "wecom":
      return () =>
        postJson(need(d.url), { msgtype: "markdown", markdown: { content: wecomMarkdown(text) } }, timeoutMs);
    case "dingtalk":
      return () => {
        let url = need(d.url);
        if (d.secret) {
          const timestamp = now().getTime();
          const sign = encodeURIComponent(dingtalkSign(timestamp, d.secret));
          url += `${url.includes("?") ? "&" : "?"}timestamp=${timestamp}&sign=${sign}`;
        }
        return postJson(url, { msgtype: "markdown", markdown: dingtalkMarkdown(text) }, timeoutMs);
      };
    case "feishu":
      return () => {
        const timestamp = Math.floor(now().getTime() / 1000);
        const signature = d.secret ? { timestamp: String(timestamp), sign: feishuSign(timestamp, d.secret) } : {};
        return postJson(need(d.url), { ...signature, msg_type: "interactive", card: feishuCard(text) }, timeoutMs);
      };
    case "email": {
      if (!opts.smtpUrl) throw new AbortError("Email is not set up: SMTP_URL is not set.");
      const transport = nodemailer.createTransport(opts.smtpUrl);
      return async () => {
        try {
          await transport.sendMail({
            from: opts.mailFrom ?? "Readout <readout@localhost>",
            to: d.emails,
            subject: text.title,
            text: emailText(text),
            html: emailHtml(text, content.language),
            attachments: [
              { filename: csvFileName(content), content: figuresCsv(content), contentType: "text/csv; charset=utf-8" },
            ],
          });
        } catch (error) {
          // SMTP 5xx is permanent (bad address, refused); 4xx and connection problems are worth a retry.
          const code = (error as { responseCode?: number }).responseCode;
          if (code !== undefined && code >= 500) throw new AbortError(`SMTP ${code}: ${(error as Error).message}`);
          throw error;
        }
      };
    }
  }
}

function need(url: string | null): string {
  if (!url) throw new AbortError("The destination has no webhook URL.");
  return url;
}

/** One webhook post: HTTP 5xx, timeouts and "busy" codes are retried; anything else stops at once. */
async function postJson(url: string, body: unknown, timeoutMs: number): Promise<void> {
  let res: Response;
  try {
    res = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json; charset=utf-8" },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
      redirect: "error",
    });
  } catch (error) {
    throw new Error(`Webhook unreachable: ${error instanceof Error ? error.message : String(error)}`);
  }
  const answer = await res.text();
  if (res.status >= 500 || res.status === 429) throw new Error(`Webhook answered HTTP ${res.status}`);
  if (!res.ok) throw new AbortError(`Webhook answered HTTP ${res.status}: ${answer.slice(0, 200)}`);
  let parsed: Record<string, unknown>;
  try {
    parsed = JSON.parse(answer) as Record<string, unknown>;
  } catch {
    return; // a robot that answers 2xx without JSON took the message
  }
  // WeCom and DingTalk answer errcode, Feishu code (older: StatusCode).
  const code = [parsed.errcode, parsed.code, parsed.StatusCode].find((c): c is number => typeof c === "number");
  if (code === undefined || code === 0) return;
  const message =
    `Webhook refused the message: ${code} ${[parsed.errmsg, parsed.msg, parsed.StatusMessage].find((m) => typeof m === "string") ?? ""}`.trim();
  if (TRANSIENT_CODES.has(code)) throw new Error(message);
  throw new AbortError(message);
}
