import { z } from "zod";

import { issueError } from "@/lib/i18n/zod";

/** Input schemas of the accounts pages, their server actions and the accounts CLI. */

const appidSchema = z.string().regex(/^wx[0-9a-zA-Z]{10,30}$/, { error: issueError("validation.appidLength") });

export const newAccountSchema = z.discriminatedUnion("authType", [
  z.object({
    authType: z.enum(["classic", "stable"]),
    name: z.string().trim().min(1).max(100),
    appid: appidSchema,
    secret: z.string().trim().min(1).max(200),
  }),
  z.object({
    authType: z.literal("component"),
    name: z.string().trim().min(1).max(100),
    appid: appidSchema,
    componentAppid: appidSchema,
    componentSecret: z.string().trim().min(1).max(200),
    componentVerifyTicket: z.string().trim().min(1).max(500),
    authorizerRefreshToken: z.string().trim().min(1).max(500),
  }),
]);
export type NewAccount = z.infer<typeof newAccountSchema>;

const secretText = z.string().trim().min(1).max(200);
const longText = z.string().trim().min(1).max(500);

/** New credentials for an existing account (its AppID stays; the secrets are replaced whole). */
export const credentialsSchema = z.discriminatedUnion("authType", [
  z.object({ authType: z.enum(["classic", "stable"]), secret: secretText }),
  z.object({
    authType: z.literal("component"),
    componentAppid: z.string().regex(/^wx[0-9a-zA-Z]{10,30}$/, { error: issueError("validation.appid") }),
    componentSecret: secretText,
    componentVerifyTicket: longText,
    authorizerRefreshToken: longText,
  }),
]);
export type NewCredentials = z.infer<typeof credentialsSchema>;
