import "server-only";

import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";

import { getDatabase } from "@/db/client";
import { clientIp } from "@/lib/client-ip";

import { resolveAuthSecret } from "./secret";
import { attemptSignIn } from "./sign-in";

const SESSION_MAX_AGE_S = 8 * 60 * 60;

const credentialsSchema = z.object({ email: z.string().trim().min(1).max(320), password: z.string().min(1).max(200) });

/** Email + password; the session is a signed cookie holding only the user id. */
export function authOptions(): NextAuthOptions {
  return {
    secret: resolveAuthSecret(),
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_S },
    pages: { signIn: "/login" },
    providers: [
      CredentialsProvider({
        name: "Email",
        credentials: { email: { type: "email" }, password: { type: "password" } },
        async authorize(raw, request) {
          const input = credentialsSchema.safeParse(raw);
          if (!input.success) return null;
          const ip = clientIp((request?.headers ?? {}) as Record<string, string>);
          const result = await attemptSignIn(await getDatabase(), { ...input.data, ip });
          // Thrown messages reach the sign-in form as `error`: same words for known and unknown emails.
          if (!result.ok && result.reason === "throttled") throw new Error(SIGN_IN_THROTTLED);
          return result.ok ? { id: String(result.userId) } : null;
        },
      }),
    ],
    callbacks: {
      jwt: ({ token, user }) => (user ? { sub: user.id } : token),
      session: ({ session, token }) => ({ expires: session.expires, user: { id: token.sub } }) as typeof session,
    },
  };
}

/** The `error` the sign-in form gets while the email or the client IP is backed off. */
export const SIGN_IN_THROTTLED = "Throttled";
