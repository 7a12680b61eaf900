import { z } from "zod";

import { DESTINATION_KINDS, DIGEST_LANGUAGES } from "@/db/schema";
import { env } from "@/lib/env";
import { issueError } from "@/lib/i18n/zod";

/** Input schemas of the Digests page's form and its server actions (one definition for both). */

/**
 * The robots' own webhook hosts. Any other host is refused, so a digest cannot be aimed at an
 * internal service (DIGEST_WEBHOOK_HOSTS adds hosts, e.g. a relay, or a local receiver in tests).
 */
export const WEBHOOK_HOSTS: Record<"wecom" | "feishu" | "dingtalk", readonly string[]> = {
  wecom: ["qyapi.weixin.qq.com"],
  feishu: ["open.feishu.cn", "open.larksuite.com"],
  dingtalk: ["oapi.dingtalk.com"],
};

export const extraWebhookHosts = (raw: string | undefined) =>
  (raw ?? "")
    .split(",")
    .map((h) => h.trim().toLowerCase())
    .filter(Boolean);

function webhookUrl(kind: keyof typeof WEBHOOK_HOSTS) {
  return z
    .string()
    .trim()
    .max(1000)
    .refine(
      (v) => {
        let url: URL;
        try {
          url = new URL(v);
        } catch {
          return false;
        }
        const extra = extraWebhookHosts(env().DIGEST_WEBHOOK_HOSTS);
        if (extra.includes(url.host.toLowerCase())) return url.protocol === "https:" || url.protocol === "http:";
        return url.protocol === "https:" && WEBHOOK_HOSTS[kind].includes(url.hostname.toLowerCase());
      },
      { error: issueError("validation.webhookUrl", { hosts: WEBHOOK_HOSTS[kind].join(", ") }) },
    );
}

const label = z.string().trim().max(60).default("");
const secret = z
  .string()
  .trim()
  .max(200)
  .optional()
  .transform((v) => v || null);

export const destinationSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("wecom"), label, url: webhookUrl("wecom") }),
  z.object({ kind: z.literal("feishu"), label, url: webhookUrl("feishu"), secret }),
  z.object({ kind: z.literal("dingtalk"), label, url: webhookUrl("dingtalk"), secret }),
  z.object({ kind: z.literal("email"), label, emails: z.array(z.email().max(200)).min(1).max(20) }),
]);
export type DestinationInput = z.output<typeof destinationSchema>;

/** A new digest: one account, or one client group (admins only: a group spans accounts). */
export const newDigestSchema = z
  .object({
    name: z.string().trim().min(1).max(100),
    accountId: z.number().int().positive().optional(),
    groupId: z.number().int().positive().optional(),
    language: z.enum(DIGEST_LANGUAGES),
    destinations: z.array(destinationSchema).max(10).default([]),
  })
  .refine((v) => (v.accountId === undefined) !== (v.groupId === undefined), {
    error: issueError("validation.oneScope"),
    path: ["accountId"],
  });
export type NewDigestInput = z.input<typeof newDigestSchema>;

export const KIND_OPTIONS = DESTINATION_KINDS;
