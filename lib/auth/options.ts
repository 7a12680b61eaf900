import "server-only";

import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";

import { getDatabase } from "@/db/client";
import { findUser } from "@/db/users";
import { recordAudit } from "@/lib/audit";
import { clientIp } from "@/lib/client-ip";

import { safeRedirectUrl } from "./redirects";
import { resolveAuthSecret } from "./secret";
import { endAllSessions, isSessionCurrent, type SessionClaims } from "./sessions";
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
          return result.ok ? { id: String(result.userId), sv: result.sessionVersion } : null;
        },
      }),
    ],
    callbacks: {
      // The default callback throws (500) on a malformed callbackUrl; this one falls back to the base URL.
      redirect: ({ url, baseUrl }) => safeRedirectUrl(url, baseUrl),
      // A cookie whose session version is no longer the user's is emptied (signed out), not renewed.
      async jwt({ token, user }) {
        if (user) return { sub: user.id, sv: (user as { sv?: number }).sv };
        return (await isSessionCurrent(await getDatabase(), token)) ? token : {};
      },
      session: ({ session, token }) =>
        ({ expires: session.expires, user: { id: token.sub, sv: token.sv } }) as typeof session,
    },
    events: {
      async signOut({ token }) {
        const claims = token as SessionClaims | null;
        const database = await getDatabase();
        if (!claims || !(await isSessionCurrent(database, claims))) return;
        const user = await findUser(database, Number(claims.sub));
        await endAllSessions(database, Number(claims.sub));
        if (user) await recordAudit(database, { actor: user, action: "sign-out" });
      },
    },
  };
}

/** The `error` the sign-in form gets while the email or the client IP is backed off. */
export const SIGN_IN_THROTTLED = "Throttled";
